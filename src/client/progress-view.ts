/**
 * <progress-view>: fills the Progress page (src/pages/progress.astro) with the learner's figures, and runs export,
 * import and reset. Every figure comes from src/lib/readiness.ts; files are read and merged by
 * src/lib/progress-transfer.ts. It only writes text into places the page has already laid out, so nothing moves.
 */
import type { BankIndex } from '../lib/practice-bank.ts';
import { emptyProgress, openProgressStore, PROGRESS_KEY, type ProgressData, type ProgressStore } from '../lib/progress-store.ts';
import {
  checkImportSize,
  countRecords,
  describeCounts,
  describeMerge,
  exportFileName,
  exportProgress,
  mergeImport,
  readImport,
  type MergeOutcome,
} from '../lib/progress-transfer.ts';
import {
  coverage,
  estimateReadiness,
  examTrend,
  latestAnswers,
  LEVEL_WORDS,
  masteryLevel,
  percent,
  readinessInputs,
  type ExamScore,
  type Tally,
} from '../lib/readiness.ts';
import { readinessGains } from '../lib/learner-path.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
import { loadIndex } from './bank-client.ts';

const open = () => openProgressStore(() => window.localStorage);
const date = (iso: string | number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));
/** A 95 % range, "55–84 %". */
const range = (low: number, high: number) => `${Math.round(low * 100)}–${percent(high)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const SVG = 'http://www.w3.org/2000/svg';

class ProgressView extends HTMLElement {
  private store!: ProgressStore;
  private index: BankIndex | null = null;
  private indexFailed = false;

  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    this.store = open();
    this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[disabled]').forEach((control) => (control.disabled = false));
    this.querySelector('[data-action="export"]')!.addEventListener('click', () => this.export());
    this.querySelector<HTMLInputElement>('input[type="file"]')!.addEventListener('change', (event) => void this.import(event.target as HTMLInputElement));
    const dialog = this.querySelector('dialog')!;
    this.querySelector('[data-action="reset"]')!.addEventListener('click', () => dialog.showModal());
    dialog.addEventListener('close', () => {
      if (dialog.returnValue === 'reset') this.reset();
      else this.say('Reset cancelled: nothing was deleted.');
      dialog.returnValue = '';
    });
    // Another tab saved progress: show it.
    window.addEventListener('storage', (event) => {
      if (event.key === PROGRESS_KEY || event.key === null) {
        this.store = open();
        this.render();
      }
    });
    this.render();
    loadIndex().then(
      (index) => {
        this.index = index;
        this.render();
      },
      () => {
        this.indexFailed = true;
        this.render();
      },
    );
  }

  private region(name: string) {
    return this.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
  }

  private template(name: string) {
    return this.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)!.content.cloneNode(true);
  }

  private say(text: string) {
    this.region('status').textContent = text;
  }

  private render() {
    const data = this.store.snapshot();
    this.renderSummary(data);
    if (!this.index) {
      if (this.indexFailed) {
        this.region('headline').textContent = 'Bank not loaded';
        this.region('band').textContent = 'The figures need the question bank. Reload when online; export, import and reset still work.';
      }
      return;
    }
    const latest = latestAnswers(data, this.index.questions);
    const cover = coverage(latest, this.index.questions);
    this.renderCells(cover.objectives);
    this.querySelectorAll<HTMLElement>('[data-domain]').forEach((p) => {
      const tally = cover.domains.get(p.dataset.domain!) ?? { inBank: 0, seen: 0, correct: 0 };
      p.textContent =
        `${tally.seen} of ${plural(tally.inBank, 'question')} in the bank answered` +
        (tally.seen ? `; ${percent(tally.correct / tally.seen)} of your latest answers correct.` : '.');
    });
    this.renderReadiness(readinessInputs(this.index, cover));
    this.renderGains(data);
    this.renderExams(data);
  }

  /** The three objectives whose mastery would raise the estimate most, each a link to its lesson. */
  private renderGains(data: ProgressData) {
    const items = this.querySelectorAll<HTMLElement>('[data-slot="gains"] > li');
    readinessGains(this.index!, data).forEach((gain, i) => {
      const item = items[i];
      if (!item) return;
      const link = document.createElement('a');
      link.href = gain.lesson ? `${base}${gain.lesson}` : `${base}practice/?objective=${gain.objective}`;
      link.textContent = gain.label;
      item.replaceChildren(link, ` — up to ${gain.points.toFixed(1)} points if you answered all its questions right`);
    });
  }

  private renderSummary(data: ProgressData) {
    const summary = this.region('summary');
    const counts = countRecords(data);
    const notice = this.store.notice ? ` ${this.store.notice}` : '';
    if (Object.values(counts).every((n) => n === 0)) {
      summary.replaceChildren(this.template('empty'));
      if (notice) summary.append(notice);
      return;
    }
    const times = Object.values(data.answers).map((a) => Date.parse(a.answeredAt));
    times.push(...Object.values(data.exams).map((e) => Date.parse(e.updatedAt)));
    const last = times.length ? ` Last activity: ${date(Math.max(...times))}.` : '';
    summary.textContent = `Saved in this browser: ${describeCounts(counts)}.${last}${notice}`;
  }

  private renderCells(objectives: ReadonlyMap<string, Tally>) {
    this.querySelectorAll<HTMLElement>('.pv-cell').forEach((cell) => {
      const tally = objectives.get(cell.dataset.objective!) ?? { inBank: 0, seen: 0, correct: 0 };
      const level = masteryLevel(tally);
      const share = tally.seen ? percent(tally.correct / tally.seen) : '–';
      cell.dataset.level = level;
      cell.querySelector('.pv-cell-seen')!.textContent = `${tally.seen}/${tally.inBank} seen`;
      cell.querySelector('.pv-cell-acc')!.textContent = share;
      cell.querySelector('.pv-cell-level')!.textContent = LEVEL_WORDS[level];
      cell.querySelector('.pv-cell-stats')!.textContent =
        `You have answered ${tally.seen} of its ${plural(tally.inBank, 'question')}` +
        (tally.seen ? `; ${tally.correct} of your latest answers ${tally.correct === 1 ? 'is' : 'are'} correct.` : '.');
    });
  }

  private renderReadiness(inputs: ReturnType<typeof readinessInputs>) {
    const result = estimateReadiness(inputs);
    for (const d of result.domains) {
      const row = this.querySelector(`[data-domain-row="${d.id}"]`);
      if (!row) continue;
      row.querySelector('[data-cell="correct"]')!.textContent =
        d.accuracy === null ? 'No answers' : `${d.correct} of ${d.answered} (${percent(d.accuracy)})`;
      row.querySelector('[data-cell="range"]')!.textContent = d.interval ? range(d.interval.low, d.interval.high) : '–';
    }
    const headline = this.region('headline');
    const band = this.region('band');
    if (result.status === 'insufficient') {
      headline.textContent = 'Not enough data yet';
      band.textContent = `You have answered ${plural(result.answered, 'question')} in the exam domains; an estimate needs ${result.needed}.`;
      return;
    }
    headline.textContent = `About ${percent(result.estimate)} correct`;
    const missing = result.unanswered.length ? ` No answers yet in ${result.unanswered.join(' and ')}.` : '';
    band.textContent = `Likely ${range(result.low, result.high)}, from ${plural(result.answered, 'answer')}.${missing}`;
  }

  private renderExams(data: ProgressData) {
    const area = this.region('exams');
    const { scores, unfinished } = examTrend(data, this.index!.questions);
    const parts: Node[] = [];
    if (scores.length === 0) parts.push(this.template('no-exams'));
    else parts.push(...chart(scores, area.clientWidth));
    if (unfinished) parts.push(this.template('unfinished'));
    area.replaceChildren(...parts);
  }

  private export() {
    const data = this.store.snapshot();
    const name = exportFileName();
    const url = URL.createObjectURL(new Blob([exportProgress(data)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.say(`Exported ${describeCounts(countRecords(data))} to ${name}.`);
  }

  private async import(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    const tooLarge = checkImportSize(file.size);
    if (tooLarge) return this.say(tooLarge);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return this.say('That file could not be read. Nothing was changed.');
    }
    const result = readImport(text);
    if (!result.ok) return this.say(result.reason);
    let outcome!: MergeOutcome;
    this.store.update((current) => {
      outcome = mergeImport(current, result.data);
      return outcome.data;
    });
    const kept = this.store.persistent ? '' : ` ${this.store.notice ?? ''}`;
    this.say(`${describeMerge(outcome, result.dropped)}${kept}`);
    this.render();
  }

  private reset() {
    this.store.replace(emptyProgress());
    this.say(
      this.store.persistent
        ? 'All progress saved in this browser was deleted. You are starting afresh.'
        : `Progress was reset for this visit. ${this.store.notice ?? ''}`,
    );
    this.render();
  }
}

/** A line chart of scores (an image with a full-text label) with the same figures as a table in <details>. */
function chart(scores: ExamScore[], width: number): Node[] {
  const latest = scores.at(-1)!;
  const best = Math.max(...scores.map((s) => s.score));
  const summary = document.createElement('p');
  summary.textContent =
    `Latest: ${percent(latest.score)} (${latest.correct} of ${latest.total}) on ${date(latest.submittedAt)}.` +
    (scores.length > 1 ? ` Best of your last ${scores.length}: ${percent(best)}.` : '');

  // One unit per CSS pixel of the space it has, so labels keep their size on a phone.
  const w = Math.round(Math.min(640, Math.max(300, width)));
  const [h, left, right, top, bottom] = [230, 52, 24, 24, 36];
  const labelled = scores.length === 1 || (w - left - right) / (scores.length - 1) >= 44;
  const x = (i: number) => (scores.length === 1 ? (left + w - right) / 2 : left + (i * (w - left - right)) / (scores.length - 1));
  const y = (share: number) => top + (1 - share) * (h - top - bottom);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'pv-chart');
  svg.setAttribute(
    'aria-label',
    `Mock exam scores, oldest to newest: ${scores.map((s) => `${percent(s.score)} on ${date(s.submittedAt)}`).join(', ')}.`,
  );
  const add = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    svg.append(node);
  };
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    add('line', { x1: left, x2: w - right, y1: y(share), y2: y(share), class: 'pv-grid' });
    add('text', { x: left - 8, y: y(share) + 5, 'text-anchor': 'end' }, percent(share));
  }
  add('polyline', { points: scores.map((s, i) => `${x(i)},${y(s.score)}`).join(' '), class: 'pv-line' });
  scores.forEach((s, i) => {
    add('circle', { cx: x(i), cy: y(s.score), r: 5, class: 'pv-point' });
    if (labelled) add('text', { x: x(i), y: y(s.score) - 10, 'text-anchor': 'middle' }, percent(s.score));
    add('text', { x: x(i), y: h - 10, 'text-anchor': 'middle' }, `#${i + 1}`);
  });

  const details = document.createElement('details');
  const caption = document.createElement('summary');
  caption.textContent = 'The scores as a table';
  const table = document.createElement('table');
  table.className = 'pv-table';
  const head = table.createTHead().insertRow();
  for (const label of ['Exam', 'Date', 'Score']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  scores.forEach((s, i) => {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = `#${i + 1}`;
    row.append(th);
    for (const text of [date(s.submittedAt), `${percent(s.score)} (${s.correct} of ${s.total})`]) row.insertCell().textContent = text;
  });
  details.append(caption, table);
  return [summary, svg, details];
}

if (!customElements.get('progress-view')) customElements.define('progress-view', ProgressView);
