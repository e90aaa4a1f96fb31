/**
 * <self-check-question>: grades a server-rendered question when the learner presses "Check answer"
 * (never on selection change), says the result in words in a polite status region, opens the
 * explanations, and saves the answer under the question id. On load it restores a saved answer without
 * moving anything on the page: the choice is re-selected and the status line (whose height is reserved) says so.
 * Answering one also counts the lesson as read (lesson-progress.ts).
 */
import { openProgressStore, type ProgressStore } from '../lib/progress-store.ts';
import { trackLesson } from './lesson-progress.ts';

let store: ProgressStore | undefined;
const progress = () => (store ??= openProgressStore(() => window.localStorage));

// Every lesson carries a self-check, so this script is also where a lesson remembers that it was read.
trackLesson(progress(), document.querySelector<HTMLElement>('.self-check[data-lesson-path]'));

class SelfCheckQuestion extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.grade();
    });
    const saved = progress().getAnswer(this.dataset.questionId!);
    if (saved) {
      this.inputs().forEach((input) => (input.checked = saved.selected.includes(Number(input.value))));
      this.markPicked(saved.selected);
      this.say(`Saved answer: ${saved.correct ? 'correct' : 'incorrect'}.`);
    }
    this.showNotice();
  }

  private inputs() {
    return [...this.querySelectorAll<HTMLInputElement>('input')];
  }

  /** The letter printed beside an option (read from the page, so the lesson needs no lettering code). */
  private letter(index: number) {
    return this.querySelector(`input[value="${index}"] ~ .sc-letter`)!.textContent!.replace('.', '');
  }

  private say(text: string) {
    this.querySelector('.sc-status')!.textContent = text;
  }

  private markPicked(selected: number[]) {
    this.querySelectorAll<HTMLElement>('[data-option]').forEach((item) => {
      item.querySelector<HTMLElement>('.sc-picked')!.hidden = !selected.includes(Number(item.dataset.option));
    });
  }

  private grade() {
    const selected = this.inputs().flatMap((input) => (input.checked ? [Number(input.value)] : []));
    if (selected.length === 0) {
      this.say('Choose an answer first.');
      return;
    }
    const answer = this.dataset.answer!.split(',').map(Number);
    const correct = selected.length === answer.length && answer.every((index) => selected.includes(index));
    this.say(
      correct
        ? '✓ Correct. The explanations are below.'
        : `✗ Incorrect. The answer is ${answer.map((index) => this.letter(index)).join(' and ')}; the explanations are below.`,
    );
    this.markPicked(selected);
    this.querySelector('details')!.open = true;
    progress().recordAnswer(this.dataset.questionId!, selected, correct);
    this.dispatchEvent(new CustomEvent('self-check:answered', { bubbles: true }));
    this.showNotice();
  }

  /** A storage problem is said once per self-check block, quietly, never as an error dialog. */
  private showNotice() {
    const notice = progress().notice;
    const slot = this.closest('.self-check')?.querySelector<HTMLElement>('.sc-storage-notice');
    if (notice && slot && slot.textContent !== notice) {
      slot.textContent = notice;
      slot.hidden = false;
    }
  }
}

if (!customElements.get('self-check-question')) customElements.define('self-check-question', SelfCheckQuestion);
