/**
 * <offline-control>: the "Make the whole guide available offline" control on /offline/
 * (src/components/OfflineControl.astro). It reads offline-manifest.json to show the total size first, then asks
 * the service worker (public/sw.js) to download every file, showing progress in a <progress> bar and, in a polite
 * status line, a few milestones (not every file) and the result. Saved progress is not touched.
 */
interface Manifest {
  version: string;
  bytes: number;
  gzipBytes: number;
  files: Array<{ path: string; bytes: number }>;
}

type WorkerReply =
  | { type: 'status'; version: string; complete: boolean }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; total: number; files: number }
  | { type: 'outdated' }
  | { type: 'error'; failed?: number; message?: string };

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
/** Without a word from the worker for this long, the download is taken to have stopped. */
const STALL_MS = 30_000;

/** Sends a message to the worker with a port for its replies. */
function ask(worker: ServiceWorker, type: string, onReply: (reply: WorkerReply) => void) {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<WorkerReply>) => onReply(event.data);
  worker.postMessage({ type }, [channel.port2]);
  return channel.port1;
}

class OfflineControl extends HTMLElement {
  private readonly size = this.querySelector<HTMLElement>('.oc-size')!;
  private readonly button = this.querySelector<HTMLButtonElement>('.oc-save')!;
  private readonly bar = this.querySelector<HTMLProgressElement>('progress')!;
  private readonly status = this.querySelector<HTMLElement>('.oc-status')!;
  private worker: ServiceWorker | null = null;

  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    if (!('serviceWorker' in navigator) || !('caches' in window)) {
      this.size.textContent =
        'This browser cannot keep the guide for offline use (it needs service workers, which browsers allow only over https and not in some private modes).';
      return;
    }
    this.size.textContent = 'Checking the size of the guide…';
    this.button.addEventListener('click', () => this.save());
    void this.loadManifest();
    void navigator.serviceWorker.ready.then((registration) => {
      this.worker = registration.active;
      if (!this.worker) return;
      ask(this.worker, 'status', (reply) => {
        if (reply.type !== 'status') return;
        if (reply.complete) {
          this.bar.value = this.bar.max;
          this.say('The whole guide is saved on this device. Pressing the button again checks for anything missing.');
        }
        this.button.disabled = false;
      });
    });
  }

  private say(text: string) {
    this.status.textContent = text;
  }

  private async loadManifest() {
    try {
      const response = await fetch(`${base}offline-manifest.json`, { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      const manifest = (await response.json()) as Manifest;
      const pages = manifest.files.filter((f) => f.path === '' || f.path.endsWith('/')).length;
      const questions = manifest.files.filter((f) => f.path.startsWith('practice/questions/')).length;
      this.size.textContent =
        `The whole guide takes ${megabytes(manifest.bytes)} on this device (about ${megabytes(manifest.gzipBytes)} to download): ` +
        `${pages} pages, ${questions} practice questions and the search index, ${manifest.files.length} files in all.`;
    } catch {
      this.size.textContent = navigator.onLine
        ? 'The size of the guide could not be checked. Saving still works.'
        : 'You are offline: the size of the guide can be checked, and the guide saved, once you are back online.';
    }
  }

  private save() {
    if (!this.worker) return;
    this.button.disabled = true;
    this.bar.value = 0;
    this.say('Downloading the guide…');
    let milestone = 0;
    let stall = 0;
    const port = ask(this.worker, 'save-all', (reply) => {
      window.clearTimeout(stall);
      if (reply.type === 'progress') {
        this.bar.max = reply.total;
        this.bar.value = reply.done;
        // A status update every quarter, so a screen reader is not told every file.
        const quarter = Math.floor((reply.done / reply.total) * 4);
        if (quarter > milestone && quarter < 4) {
          milestone = quarter;
          this.say(`Downloading the guide… ${quarter * 25} % of ${megabytes(reply.total)}.`);
        }
        stall = window.setTimeout(() => finish('The download stopped. Check your connection and press the button again to continue.'), STALL_MS);
        return;
      }
      if (reply.type === 'done') {
        this.bar.max = reply.total;
        this.bar.value = reply.total;
        finish(`Done: the whole guide (${reply.files} files, ${megabytes(reply.total)}) is available offline on this device, search included.`);
      } else if (reply.type === 'outdated') {
        finish('A newer version of the guide has been published. Reload the page when it says the new version is ready, then save again.');
      } else if (reply.type === 'error') {
        finish(
          reply.failed
            ? `${reply.failed} files could not be downloaded. Check your connection and press the button again to continue where it stopped.`
            : 'The guide could not be downloaded. Check your connection and try again.',
        );
      }
    });
    const finish = (text: string) => {
      window.clearTimeout(stall);
      port.close();
      this.say(text);
      this.button.disabled = false;
    };
    // Ask the browser not to clear this site's storage under pressure (this also protects saved progress).
    void navigator.storage?.persist?.().catch(() => false);
  }
}

customElements.define('offline-control', OfflineControl);
