/**
 * The review queue: spaced repetition for the questions a learner got wrong or was unsure of.
 * A small adapter over ts-fsrs (the only module that imports it), working on the saved progress
 * (progress-data.ts), where each queued question id has a `ReviewCard`: ts-fsrs's `Card` with ISO dates and an
 * `updatedAt` for "newer wins" merging.
 *
 * What puts a question in the queue:
 * - `queueFromAnswer`, called by the mock exam and the practice builder for every answer: a wrong or "unsure"
 *   answer queues the question (due now); a wrong answer to a question already queued for later makes it due now.
 * - `seedFromHistory`, run when the review page opens, applies the same rule to what was saved elsewhere
 *   (lesson self-checks save only answers):
 *   · the latest answer to a question is wrong and it has no card → a new card, due now;
 *   · the latest answer is wrong, was given after the card's last review, and the card is due later → due now;
 *   · a mark says unsure or flagged and the question has no card → a new card, due now.
 *   A right answer never removes a card: only reviewing it here moves it on.
 *
 * Scheduling (`grade`): the learner rates each review Again / Hard / Good / Easy and FSRS picks the next date.
 * One 10-minute learning step means Again (and Hard on a new card) brings the question back in the same
 * sitting, while Good or Easy sends it days away; intervals are capped so nothing vanishes until after the exam.
 */
import type { Card, FSRS, Grade, State } from 'ts-fsrs';
import type { ProgressData, ReviewCard } from './progress-data.ts';

export type RatingName = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: readonly RatingName[] = ['again', 'hard', 'good', 'easy'];

// ts-fsrs's Rating and State enums, as numbers: importing the enums would put the scheduler on every page that queues.
const GRADES = { again: 1, hard: 2, good: 3, easy: 4 } as Record<RatingName, Grade>;
const NEW = 0 as State;
const STATES: readonly number[] = [0, 1, 2, 3]; // New, Learning, Review, Relearning

/** ts-fsrs settings. No fuzz, so a rating always gives the date it previews and tests are exact. */
export const SCHEDULER_SETTINGS = {
  learning_steps: ['10m'],
  relearning_steps: ['10m'],
  enable_fuzz: false,
  // An exam is weeks or months away; a question unseen for longer than this would come back too late to help.
  maximum_interval: 90,
} as const;

let scheduler: FSRS | undefined;

/**
 * Loads ts-fsrs (about 8 kB gzip) and sets up the scheduler; `grade` and `previewDue` need it first. It is loaded
 * on demand so that pages that only queue questions (mock exam, practice builder) never download it.
 */
export async function loadScheduler(): Promise<void> {
  if (scheduler) return;
  const { fsrs, generatorParameters } = await import('ts-fsrs');
  scheduler ??= fsrs(generatorParameters(SCHEDULER_SETTINGS));
}

function getScheduler(): FSRS {
  if (!scheduler) throw new Error('review-queue: await loadScheduler() before grading.');
  return scheduler;
}

/** Stored card → ts-fsrs card. An unknown state (hand-edited storage) starts the card over as new. */
export function toCard(stored: ReviewCard): Card {
  const card: Card = {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsedDays,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: (STATES.includes(stored.state) ? stored.state : NEW) as State,
  };
  if (stored.lastReview !== undefined) card.last_review = new Date(stored.lastReview);
  return card;
}

/** ts-fsrs card → stored card, stamped with when it changed. */
export function toStored(card: Card, updatedAt: Date): ReviewCard {
  const stored: ReviewCard = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    // Deprecated in ts-fsrs 5 (gone in 6) but still part of a Card; kept so stored cards round-trip exactly.
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    updatedAt: updatedAt.toISOString(),
  };
  if (card.last_review) stored.lastReview = card.last_review.toISOString();
  return stored;
}

/** A card never reviewed, due now (the same values as ts-fsrs's createEmptyCard). */
export function newCard(now: Date): ReviewCard {
  const at = now.toISOString();
  return { due: at, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: NEW, updatedAt: at };
}

const withCard = (progress: ProgressData, id: string, card: ReviewCard): ProgressData => ({
  ...progress,
  reviews: { ...progress.reviews, [id]: card },
});

/** Queues a question (a new card, due now) unless it is already queued; then `progress` is returned unchanged. */
export function enqueue(progress: ProgressData, questionId: string, now: Date): ProgressData {
  return progress.reviews[questionId] ? progress : withCard(progress, questionId, newCard(now));
}

/** Brings a queued question forward to `at` if it is due later; its memory state is left for the next review. */
function dueBy(progress: ProgressData, questionId: string, at: Date, now: Date): ProgressData {
  const card = progress.reviews[questionId];
  if (!card || Date.parse(card.due) <= at.getTime()) return progress;
  return withCard(progress, questionId, { ...card, due: at.toISOString(), updatedAt: now.toISOString() });
}

/**
 * The rule for an answer given anywhere on the site: wrong or unsure → queued; wrong → due now even if it was
 * queued for later. Call it with every answer (right and sure answers change nothing).
 */
export function queueFromAnswer(progress: ProgressData, questionId: string, correct: boolean, unsure: boolean, now: Date): ProgressData {
  if (correct && !unsure) return progress;
  const queued = enqueue(progress, questionId, now);
  return correct || queued !== progress ? queued : dueBy(queued, questionId, now, now);
}

/**
 * Applies the queueing rule to saved answers and marks (see the top of this file). `isActive` leaves out ids the
 * bank no longer shows (retired questions). Returns the new progress and how many questions it queued or made due.
 */
export function seedFromHistory(
  progress: ProgressData,
  now: Date,
  isActive: (id: string) => boolean = () => true,
): { progress: ProgressData; changed: number } {
  let out = progress;
  let changed = 0;
  const apply = (next: ProgressData) => {
    if (next !== out) changed++;
    out = next;
  };
  for (const [id, answer] of Object.entries(progress.answers)) {
    if (answer.correct || !isActive(id)) continue;
    const card = out.reviews[id];
    if (!card) apply(enqueue(out, id, now));
    else if (Date.parse(answer.answeredAt) > Date.parse(card.lastReview ?? card.updatedAt)) apply(dueBy(out, id, new Date(answer.answeredAt), now));
  }
  for (const [id, mark] of Object.entries(progress.marks)) {
    if ((mark.unsure || mark.flagged) && isActive(id)) apply(enqueue(out, id, now));
  }
  return { progress: out, changed };
}

/** The card after a review rated `rating` at `now`. */
export function grade(card: ReviewCard, rating: RatingName, now: Date): ReviewCard {
  return toStored(getScheduler().next(toCard(card), now, GRADES[rating]).card, now);
}

/** When each rating would bring the card back, to show on the rating buttons. */
export function previewDue(card: ReviewCard, now: Date): Record<RatingName, Date> {
  const preview = getScheduler().repeat(toCard(card), now);
  return { again: preview[GRADES.again].card.due, hard: preview[GRADES.hard].card.due, good: preview[GRADES.good].card.due, easy: preview[GRADES.easy].card.due };
}

/** The rating offered first: Again after a wrong answer, Good after a right one. */
export const suggestedRating = (correct: boolean): RatingName => (correct ? 'good' : 'again');

export interface QueuedCard {
  id: string;
  card: ReviewCard;
}

const queued = (progress: ProgressData, isActive: (id: string) => boolean): QueuedCard[] =>
  Object.entries(progress.reviews)
    .filter(([id]) => isActive(id))
    .map(([id, card]) => ({ id, card }));

/** The end of the learner's local day. */
export function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

/** Cards due by `now`, most overdue first (ties by id, so the order is stable). */
export function dueCards(progress: ProgressData, now: Date, isActive: (id: string) => boolean = () => true): QueuedCard[] {
  return queued(progress, isActive)
    .filter(({ card }) => Date.parse(card.due) <= now.getTime())
    .sort((a, b) => Date.parse(a.card.due) - Date.parse(b.card.due) || a.id.localeCompare(b.id));
}

/** Cards due by the end of the local day, including those due now. */
export function countDueToday(progress: ProgressData, now: Date, isActive: (id: string) => boolean = () => true): number {
  const end = endOfDay(now).getTime();
  return queued(progress, isActive).filter(({ card }) => Date.parse(card.due) <= end).length;
}

/** When the next cards after `now` come due, and how many fall due by the end of that day; null if none are queued. */
export function nextDue(progress: ProgressData, now: Date, isActive: (id: string) => boolean = () => true): { at: Date; count: number } | null {
  const later = queued(progress, isActive)
    .map(({ card }) => Date.parse(card.due))
    .filter((due) => due > now.getTime())
    .sort((a, b) => a - b);
  if (later.length === 0) return null;
  const at = new Date(later[0]!);
  const end = endOfDay(at).getTime();
  return { at, count: later.filter((due) => due <= end).length };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A short interval for a rating button: "10 min", "3 h", "2 days". */
export function formatInterval(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h`;
  return plural(Math.round(ms / DAY), 'day');
}

/** When a card comes back, in words: "in 10 minutes", "today at 4:15 PM", "tomorrow at 9:00 AM", "in 3 days (Sunday, November 29)". */
export function formatWhen(due: Date, now: Date, locale = 'en'): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  if (ms < HOUR) return `in ${plural(Math.max(1, Math.round(ms / MINUTE)), 'minute')}`;
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(due);
  if (due.getTime() <= endOfDay(now).getTime()) return `today at ${time}`;
  if (due.getTime() <= endOfDay(new Date(endOfDay(now).getTime() + 1)).getTime()) return `tomorrow at ${time}`;
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  const startOfDue = new Date(due);
  startOfDue.setHours(0, 0, 0, 0);
  const days = Math.round((startOfDue.getTime() - startOfToday.getTime()) / DAY);
  const date = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric' }).format(due);
  return `in ${days} days (${date})`;
}
