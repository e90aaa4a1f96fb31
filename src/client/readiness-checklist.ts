/**
 * <readiness-checklist>: restores the ticks saved in the progress store, saves each tick as it is made, and says
 * how many items are done. A checklist is not a test, so saving on change (not on a button) is what a learner expects.
 */
import { openProgress } from './open-progress.ts';

class ReadinessChecklist extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    const store = openProgress(this.querySelector<HTMLElement>('.readiness-notice'));
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    const update = () => {
      const done = boxes.filter((box) => box.checked).length;
      this.querySelector('.readiness-status')!.textContent =
        `${done} of ${boxes.length} done${done === boxes.length ? ' — you are ready.' : '.'}`;
      // A save can fail later (storage full): say so then too.
      const notice = this.querySelector<HTMLElement>('.readiness-notice')!;
      if (store.notice) {
        notice.textContent = store.notice;
        notice.hidden = false;
      }
    };
    for (const box of boxes) {
      box.checked = store.isTicked(box.value);
      box.addEventListener('change', () => {
        store.setTicked(box.value, box.checked);
        update();
      });
    }
    update();
  }
}

if (!customElements.get('readiness-checklist')) customElements.define('readiness-checklist', ReadinessChecklist);
