/**
 * <review-queue>: the review page (src/pages/practice/review.astro). On load it queues what the learner missed
 * elsewhere (seedFromHistory), says how many questions are due today and when the next come, and shows the due
 * ones one at a time. "Check answer" grades (never a change of selection); the explanations open and four rating
 * buttons, with the suggested one marked and focused, set the next date through the progress store.
 */
import type { BankIndex, BankIndexEntry } from '../lib/practice-bank.ts';
import type { ProgressStore } from '../lib/progress-store.ts';
import { openProgress } from './open-progress.ts';
import { optionLetter } from '../lib/question-selection.ts';
import {
  countDueToday,
  dueCards,
  formatInterval,
  formatWhen,
  grade,
  loadScheduler,
  newCard,
  nextDue,
  previewDue,
  seedFromHistory,
  suggestedRating,
  type RatingName,
} from '../lib/review-queue.ts';
import { loadIndex, loadQuestion, prefetch } from './bank-client.ts';
import { renderQuestion, type RenderedQuestion } from './render-question.ts';

const RATING_WORDS: Record<RatingName, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
// Wait for a question coming due in the same sitting (an Again) at most this long before showing it by itself.
const WATCH_LIMIT = 60 * 60_000;

interface Current {
  entry: BankIndexEntry;
  rendered: RenderedQuestion;
  correct?: boolean;
}

class ReviewQueue extends HTMLElement {
  private store!: ProgressStore;
  private bank = new Map<string, BankIndexEntry>();
  private titles = new Map<string, string>();
  private current: Current | undefined;
  private reviewed = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  async connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = 'true';
    this.store = openProgress(this.querySelector<HTMLElement>('.rq-notice'));
    this.find('.rq-check').addEventListener('click', () => this.check());
    for (const button of this.querySelectorAll<HTMLButtonElement>('.rq-rating')) {
      button.addEventListener('click', () => this.rate(button.dataset.rating as RatingName));
    }
    this.find('.rq-today').textContent = 'Checking what is due…';
    let index: BankIndex;
    try {
      [index] = await Promise.all([loadIndex(), loadScheduler()]);
    } catch {
      this.find('.rq-today').textContent = 'The review queue could not be loaded. Check your connection and reload the page.';
      return;
    }
    for (const entry of index.questions) this.bank.set(entry.id, entry);
    for (const domain of index.domains) for (const section of domain.sections) this.titles.set(section.id, section.title);
    for (const topic of index.foundations) this.titles.set(topic.id, topic.title);

    const now = new Date();
    if (seedFromHistory(this.store.snapshot(), now, this.isActive).changed > 0) {
      this.store.update((progress) => seedFromHistory(progress, now, this.isActive).progress);
    }
    this.showNotice();
    await this.next();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
  }

  private isActive = (id: string) => this.bank.has(id);

  private say(text: string) {
    this.find('.rq-status').textContent = text;
  }

  private showNotice() {
    const notice = this.store.notice;
    const slot = this.find('.rq-notice');
    if (notice && slot.textContent !== notice) {
      slot.textContent = notice;
      slot.hidden = false;
    }
  }

  /** The counts at the top: due today, and when the next ones come. */
  private summarise(now: Date) {
    const progress = this.store.snapshot();
    const today = countDueToday(progress, now, this.isActive);
    const dueNow = dueCards(progress, now, this.isActive).length;
    const later = today - dueNow;
    this.find('.rq-today').textContent =
      `Due today: ${plural(today, 'question')}` + (later > 0 && dueNow > 0 ? ` (${dueNow} now, ${later} later today).` : '.');
    const next = nextDue(progress, now, this.isActive);
    this.find('.rq-next').textContent = next
      ? `Next due: ${formatWhen(next.at, now)}${next.count > 1 ? ` (${plural(next.count, 'question')})` : ''}.`
      : '';
    return { progress, dueNow, next };
  }

  /** Shows the most overdue question, or the empty state. */
  private async next(moveFocus = false) {
    clearTimeout(this.timer);
    const now = new Date();
    const { progress, dueNow, next } = this.summarise(now);
    const due = dueCards(progress, now, this.isActive);
    const card = this.find('.rq-card');
    const empty = this.find('.rq-empty');
    if (due.length === 0) {
      this.current = undefined;
      card.hidden = true;
      const queued = Object.keys(progress.reviews).some(this.isActive);
      this.find('.rq-empty-title').textContent = queued ? 'Nothing is due right now' : 'Nothing to review yet';
      this.find('.rq-empty-text').textContent = queued
        ? `You are up to date${next ? `; the next question comes back ${formatWhen(next.at, now)}` : ''}. Meanwhile, practise something new:`
        : 'Questions you answer wrong or mark as unsure land here. To start your queue:';
      empty.hidden = false;
      if (moveFocus) this.find('.rq-empty-title').focus();
      // A question due again within the hour (after Again) appears without a reload.
      if (next && next.at.getTime() - now.getTime() <= WATCH_LIMIT) {
        this.timer = setTimeout(() => {
          this.next().then(() => {
            if (this.current) this.say('A question is due again.');
          });
        }, next.at.getTime() - now.getTime() + 500);
      }
      return;
    }
    empty.hidden = true;
    const { id } = due[0]!;
    const entry = this.bank.get(id)!;
    prefetch(due.slice(1, 3).map((c) => c.id));
    let content;
    try {
      content = await loadQuestion(id);
    } catch {
      this.say('This question could not be loaded. Check your connection and reload the page.');
      return;
    }
    const position = this.reviewed + 1;
    const title = this.titles.get(entry.section);
    const rendered = renderQuestion(content, {
      order: content.options.map((_, i) => i),
      heading: title ? `${title} · objective ${entry.objective}` : `Objective ${entry.objective}`,
      answerCount: entry.answer.length,
    });
    this.find('.rq-question').replaceChildren(rendered.root);
    this.find('.rq-card-title').textContent = `Question ${position} of ${this.reviewed + dueNow} due now`;
    this.find('.rq-check').hidden = false;
    this.find('.rq-rate').hidden = true;
    card.hidden = false;
    this.current = { entry, rendered };
    if (moveFocus) this.find('.rq-card-title').focus();
  }

  private check() {
    const current = this.current;
    if (!current || current.correct !== undefined) return;
    const selected = current.rendered.selected();
    if (selected.length === 0) {
      this.say('Choose an answer first.');
      return;
    }
    const { answer } = current.entry;
    const correct = selected.length === answer.length && answer.every((i) => selected.includes(i));
    current.correct = correct;
    current.rendered.reveal(answer, selected);
    current.rendered.root.querySelectorAll('input').forEach((input) => (input.disabled = true));
    this.store.recordAnswer(current.entry.id, selected, correct);

    const now = new Date();
    const card = this.store.snapshot().reviews[current.entry.id] ?? newCard(now);
    const preview = previewDue(card, now);
    const suggested = suggestedRating(correct);
    for (const button of this.querySelectorAll<HTMLButtonElement>('.rq-rating')) {
      const rating = button.dataset.rating as RatingName;
      button.querySelector('.rq-rating-when')!.textContent = ` · back in ${formatInterval(preview[rating].getTime() - now.getTime())}`;
      button.toggleAttribute('data-suggested', rating === suggested);
    }
    this.find('.rq-suggestion').textContent = correct
      ? 'Suggested: Good, as your answer was right.'
      : 'Suggested: Again, as your answer was wrong.';
    this.find('.rq-check').hidden = true;
    this.find('.rq-rate').hidden = false;
    const letters = answer.map(optionLetter).join(' and ');
    this.say(
      correct
        ? `✓ Correct. The explanations are below. Rate how well you knew it; Good is suggested.`
        : `✗ Incorrect. The answer is ${letters}; the explanations are below. Rate how well you knew it; Again is suggested.`,
    );
    this.find<HTMLButtonElement>(`.rq-rating[data-rating="${suggested}"]`).focus();
    this.showNotice();
  }

  private async rate(rating: RatingName) {
    const current = this.current;
    if (!current || current.correct === undefined) return;
    const { id } = current.entry;
    const now = new Date();
    this.store.update((progress) => ({
      ...progress,
      reviews: { ...progress.reviews, [id]: grade(progress.reviews[id] ?? newCard(now), rating, now) },
    }));
    this.reviewed++;
    this.current = undefined;
    const due = new Date(this.store.snapshot().reviews[id]!.due);
    await this.next(true);
    const rest = this.current ? ' Next question.' : '';
    this.say(`Rated ${RATING_WORDS[rating]}: this question comes back ${formatWhen(due, now)}.${rest}`);
    this.showNotice();
  }
}

if (!customElements.get('review-queue')) customElements.define('review-queue', ReviewQueue);
