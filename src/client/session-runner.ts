/**
 * Runs a practice session inside a container: one question at a time with Previous/Next, "Flag for review" and
 * "Unsure" toggles, a question grid, and either feedback per question ("immediate") or none until the end ("end").
 * Used by the mock exam (timed, feedback at the end) and the practice builder. It knows nothing about storage:
 * it reports every change through callbacks, so each page decides what to save.
 */
import { loadQuestion, prefetch } from './bank-client.ts';
import { renderQuestion, type RenderedQuestion } from './render-question.ts';
import type { BankIndexEntry } from '../lib/practice-bank.ts';
import type { ExamAttempt } from '../lib/progress-data.ts';
import { isCorrect } from '../lib/exam-assembly.ts';

/** The part of a mock exam attempt a session needs; a practice session keeps the same shape in memory. */
export type SessionState = Pick<ExamAttempt, 'questionIds' | 'optionOrders' | 'answers' | 'flagged' | 'unsure' | 'current'>;

export interface SessionOptions {
  feedback: 'immediate' | 'end';
  index: Map<string, BankIndexEntry>;
  /** Called after every change the learner makes (answer, flag, unsure, moving between questions). */
  onChange(state: SessionState): void;
  /** Immediate mode: called when the learner checks an answer. */
  onChecked?(id: string, chosen: number[], correct: boolean): void;
  /** Called when the learner asks to finish (the page confirms and ends the session). */
  onFinish(): void;
  finishLabel: string;
}

const button = (label: string, className: string) => {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `px-button ${className}`;
  b.textContent = label;
  return b;
};

export class SessionRunner {
  private readonly questionSlot = document.createElement('div');
  private readonly status = document.createElement('p');
  private readonly grid = document.createElement('ol');
  private readonly flag = button('Flag for review', 'px-flag');
  private readonly unsure = button('Mark unsure', 'px-unsure');
  private readonly previous = button('Previous', 'px-previous');
  private readonly next = button('Next', 'px-next');
  private readonly check = button('Check answer', 'px-check');
  private shown: RenderedQuestion | undefined;
  private checked = new Set<string>();

  constructor(
    private readonly container: HTMLElement,
    private readonly state: SessionState,
    private readonly options: SessionOptions,
  ) {
    container.replaceChildren();
    this.status.className = 'px-status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    const controls = document.createElement('div');
    controls.className = 'px-controls';
    if (options.feedback === 'immediate') controls.append(this.check);
    controls.append(this.previous, this.next, this.flag, this.unsure);
    const finish = button(options.finishLabel, 'px-finish');
    controls.append(finish);
    const gridNav = document.createElement('nav');
    gridNav.setAttribute('aria-label', 'Questions');
    gridNav.className = 'px-grid';
    const legend = document.createElement('p');
    legend.className = 'px-grid-legend';
    legend.textContent = 'Question grid: ● answered · ⚑ flagged · ? unsure';
    gridNav.append(legend, this.grid);
    container.append(this.questionSlot, this.status, controls, gridNav);

    this.previous.addEventListener('click', () => this.go(this.state.current - 1));
    this.next.addEventListener('click', () => this.go(this.state.current + 1));
    this.flag.addEventListener('click', () => this.toggle('flagged'));
    this.unsure.addEventListener('click', () => this.toggle('unsure'));
    this.check.addEventListener('click', () => this.checkCurrent());
    finish.addEventListener('click', () => options.onFinish());
    prefetch(state.questionIds);
  }

  private get id() {
    return this.state.questionIds[this.state.current]!;
  }

  async go(position: number) {
    if (position < 0 || position >= this.state.questionIds.length) return;
    this.state.current = position;
    this.options.onChange(this.state);
    await this.render(true);
  }

  async render(moveFocus = false) {
    const id = this.id;
    const position = this.state.current;
    const entry = this.options.index.get(id)!;
    let content;
    try {
      content = await loadQuestion(id);
    } catch {
      this.questionSlot.textContent = 'This question could not be loaded. Check your connection and try again.';
      return;
    }
    if (this.state.current !== position) return; // the learner moved on while it loaded
    this.shown = renderQuestion(content, {
      order: this.state.optionOrders[position]!,
      heading: `Question ${position + 1} of ${this.state.questionIds.length}`,
      chosen: this.state.answers[id],
      answerCount: entry.answer.length,
    });
    this.shown.root.addEventListener('change', () => {
      this.state.answers[id] = this.shown!.selected();
      if (!this.state.answers[id]!.length) delete this.state.answers[id];
      this.options.onChange(this.state);
      this.renderGrid();
    });
    this.questionSlot.replaceChildren(this.shown.root);
    this.status.textContent = '';
    if (this.checked.has(id)) this.reveal();
    this.previous.disabled = position === 0;
    this.next.disabled = position === this.state.questionIds.length - 1;
    this.flag.setAttribute('aria-pressed', String(this.state.flagged.includes(id)));
    this.unsure.setAttribute('aria-pressed', String(this.state.unsure.includes(id)));
    this.renderGrid();
    if (moveFocus) this.shown.root.querySelector('legend')?.setAttribute('tabindex', '-1');
    if (moveFocus) this.shown.root.querySelector<HTMLElement>('legend')?.focus();
  }

  private reveal() {
    const entry = this.options.index.get(this.id)!;
    this.shown?.reveal(entry.answer, this.state.answers[this.id] ?? []);
  }

  private checkCurrent() {
    const chosen = this.state.answers[this.id];
    if (!chosen?.length) {
      this.status.textContent = 'Choose an answer first.';
      return;
    }
    const entry = this.options.index.get(this.id)!;
    const correct = isCorrect(entry.answer, chosen);
    this.checked.add(this.id);
    this.status.textContent = correct ? '✓ Correct. The explanations are below.' : '✗ Incorrect. The explanations are below.';
    this.reveal();
    this.options.onChecked?.(this.id, chosen, correct);
  }

  private toggle(list: 'flagged' | 'unsure') {
    const id = this.id;
    const items = this.state[list];
    this.state[list] = items.includes(id) ? items.filter((x) => x !== id) : [...items, id];
    (list === 'flagged' ? this.flag : this.unsure).setAttribute('aria-pressed', String(this.state[list].includes(id)));
    this.options.onChange(this.state);
    this.renderGrid();
  }

  private renderGrid() {
    this.grid.replaceChildren(
      ...this.state.questionIds.map((id, i) => {
        const answered = !!this.state.answers[id]?.length;
        const flagged = this.state.flagged.includes(id);
        const unsure = this.state.unsure.includes(id);
        const item = document.createElement('li');
        const b = button(String(i + 1), 'px-cell');
        const markers = document.createElement('span');
        markers.setAttribute('aria-hidden', 'true');
        markers.textContent = `${answered ? ' ●' : ''}${flagged ? ' ⚑' : ''}${unsure ? ' ?' : ''}`;
        b.append(markers);
        const words = [answered ? 'answered' : 'unanswered', flagged && 'flagged', unsure && 'unsure'].filter(Boolean).join(', ');
        b.setAttribute('aria-label', `Question ${i + 1}: ${words}`);
        if (i === this.state.current) b.setAttribute('aria-current', 'step');
        b.addEventListener('click', () => this.go(i));
        item.append(b);
        return item;
      }),
    );
  }
}
