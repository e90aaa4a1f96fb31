import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyProgress, GUARDS, type ProgressData, type ReviewCard } from '../../src/lib/progress-data.ts';
import {
  countDueToday,
  dueCards,
  enqueue,
  formatInterval,
  formatWhen,
  grade,
  loadScheduler,
  newCard,
  nextDue,
  previewDue,
  queueFromAnswer,
  SCHEDULER_SETTINGS,
  seedFromHistory,
  suggestedRating,
  toCard,
  toStored,
} from '../../src/lib/review-queue.ts';

// A fixed local clock: Thursday 26 November 2026, 10:00 in whatever time zone the tests run in.
const now = new Date(2026, 10, 26, 10, 0, 0);
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

beforeAll(() => loadScheduler());

const withCards = (cards: Record<string, ReviewCard>): ProgressData => ({ ...emptyProgress(), reviews: cards });
const dueAt = (at: Date): ReviewCard => ({ ...newCard(now), due: at.toISOString() });

describe('a new card', () => {
  it('is due now, matches ts-fsrs createEmptyCard and passes the stored-record guard', () => {
    const card = newCard(now);
    expect(card.due).toBe(now.toISOString());
    expect(toCard(card)).toEqual(createEmptyCard(now));
    expect(GUARDS.reviews(card as unknown as Record<string, unknown>)).toBe(true);
    expect(dueCards(enqueue(emptyProgress(), 'q1', now), now).map((c) => c.id)).toEqual(['q1']);
  });
});

describe('grade', () => {
  const card = newCard(now);
  const due = (rating: Parameters<typeof grade>[1]) => Date.parse(grade(card, rating, now).due);

  it('Again keeps the question due soon: within the same sitting', () => {
    expect(due('again')).toBe(minutes(10).getTime());
    expect(due('again')).toBeLessThanOrEqual(minutes(15).getTime());
  });

  it('Good and Easy push it out by days, later than Again and Hard', () => {
    expect(due('good')).toBeGreaterThan(due('hard'));
    expect(due('hard')).toBeGreaterThan(due('again'));
    expect(due('easy')).toBeGreaterThan(due('good'));
    expect(due('good')).toBeGreaterThanOrEqual(days(1).getTime());
  });

  it('needs the scheduler loaded first (it is loaded on demand)', async () => {
    vi.resetModules();
    const fresh = await import('../../src/lib/review-queue.ts');
    expect(() => fresh.grade(fresh.newCard(now), 'good', now)).toThrow(/loadScheduler/);
  });

  it('uses ts-fsrs fsrs().next with the site settings for each rating, stamps the review and counts it', () => {
    const scheduler = fsrs(generatorParameters(SCHEDULER_SETTINGS));
    const ratings = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;
    for (const [name, rating] of Object.entries(ratings)) {
      expect(toCard(grade(card, name as keyof typeof ratings, now))).toEqual(scheduler.next(createEmptyCard(now), now, rating).card);
    }
    expect(grade(card, 'good', now)).toMatchObject({ reps: 1, lastReview: now.toISOString(), updatedAt: now.toISOString() });
  });

  it('a forgotten review card comes back soon and counts a lapse', () => {
    const learned = grade(grade(card, 'good', now), 'good', days(2));
    const forgotten = grade(learned, 'again', days(15));
    expect(Date.parse(forgotten.due) - days(15).getTime()).toBeLessThanOrEqual(15 * 60_000);
    expect(forgotten.lapses).toBe(1);
  });

  it('previews the same dates the ratings give', () => {
    const preview = previewDue(card, now);
    for (const rating of ['again', 'hard', 'good', 'easy'] as const) expect(preview[rating].toISOString()).toBe(grade(card, rating, now).due);
  });

  it('suggests Again after a wrong answer and Good after a right one', () => {
    expect(suggestedRating(false)).toBe('again');
    expect(suggestedRating(true)).toBe('good');
  });
});

describe('stored cards', () => {
  it('round-trip losslessly through ts-fsrs cards and JSON', () => {
    let card = newCard(now);
    for (const [rating, at] of [['good', now], ['again', days(2)], ['hard', days(2.01)], ['easy', days(5)]] as const) {
      card = grade(card, rating, at);
      const stored = JSON.parse(JSON.stringify(card)) as ReviewCard;
      expect(toStored(toCard(stored), new Date(stored.updatedAt))).toStrictEqual(stored);
      expect(GUARDS.reviews(stored as unknown as Record<string, unknown>)).toBe(true);
    }
    const fresh = newCard(now);
    expect(toStored(toCard(fresh), now)).toStrictEqual(fresh);
    expect('lastReview' in toStored(toCard(fresh), now)).toBe(false);
  });

  it('an unknown state from hand-edited storage starts over as new', () => {
    expect(toCard({ ...newCard(now), state: 9 }).state).toBe(0);
  });
});

describe('due counting with a fixed clock', () => {
  const progress = withCards({
    overdue: dueAt(days(-3)),
    now: dueAt(now),
    soon: dueAt(minutes(10)),
    tonight: dueAt(new Date(2026, 10, 26, 23, 59)),
    tomorrow: dueAt(new Date(2026, 10, 27, 9, 0)),
    tomorrowLate: dueAt(new Date(2026, 10, 27, 18, 0)),
    later: dueAt(days(7)),
  });

  it('lists cards due now, most overdue first', () => {
    expect(dueCards(progress, now).map((c) => c.id)).toEqual(['overdue', 'now']);
  });
  it('counts everything due by the end of the local day', () => {
    expect(countDueToday(progress, now)).toBe(4);
  });
  it('says when the next ones come and how many that day', () => {
    expect(nextDue(progress, now)).toEqual({ at: minutes(10), count: 2 });
    expect(nextDue(progress, new Date(2026, 10, 27, 0, 0))).toEqual({ at: new Date(2026, 10, 27, 9, 0), count: 2 });
    expect(nextDue(withCards({ a: dueAt(now) }), now)).toBeNull();
  });
  it('leaves out questions the bank no longer shows', () => {
    const active = (id: string) => id !== 'overdue';
    expect(dueCards(progress, now, active).map((c) => c.id)).toEqual(['now']);
    expect(countDueToday(progress, now, active)).toBe(3);
  });
});

describe('enqueue and queueFromAnswer', () => {
  it('enqueue is idempotent: a queued question keeps its card', () => {
    const once = enqueue(emptyProgress(), 'q1', now);
    const twice = enqueue(once, 'q1', days(1));
    expect(twice).toBe(once);
    expect(twice.reviews.q1).toEqual(newCard(now));
  });

  it('queues wrong and unsure answers, not right and sure ones', () => {
    expect(queueFromAnswer(emptyProgress(), 'q', true, false, now).reviews).toEqual({});
    expect(queueFromAnswer(emptyProgress(), 'q', false, false, now).reviews.q).toEqual(newCard(now));
    expect(queueFromAnswer(emptyProgress(), 'q', true, true, now).reviews.q).toEqual(newCard(now));
  });

  it('a wrong answer makes a question queued for later due now; an unsure right one leaves it', () => {
    const later = withCards({ q: grade(newCard(days(-1)), 'good', days(-1)) });
    expect(Date.parse(later.reviews.q!.due)).toBeGreaterThan(now.getTime());
    expect(queueFromAnswer(later, 'q', true, true, now)).toBe(later);
    const missed = queueFromAnswer(later, 'q', false, false, now);
    expect(missed.reviews.q).toEqual({ ...later.reviews.q, due: now.toISOString(), updatedAt: now.toISOString() });
    expect(queueFromAnswer(missed, 'q', false, false, now)).toBe(missed);
  });
});

describe('seedFromHistory', () => {
  const answer = (correct: boolean, at: Date) => ({ selected: [0], correct, answeredAt: at.toISOString(), attempts: 1 });
  const mark = (flagged: boolean, unsure: boolean) => ({ flagged, unsure, at: now.toISOString() });

  it('queues wrong answers and unsure or flagged marks that have no card, once', () => {
    const progress: ProgressData = {
      ...emptyProgress(),
      answers: { wrong: answer(false, days(-1)), right: answer(true, days(-1)), retired: answer(false, days(-1)) },
      marks: { unsure: mark(false, true), flagged: mark(true, false), plain: mark(false, false) },
    };
    const { progress: seeded, changed } = seedFromHistory(progress, now, (id) => id !== 'retired');
    expect(Object.keys(seeded.reviews).sort()).toEqual(['flagged', 'unsure', 'wrong']);
    expect(changed).toBe(3);
    expect(dueCards(seeded, now)).toHaveLength(3);
    const again = seedFromHistory(seeded, days(1));
    expect(again.changed).toBe(1); // only `retired`, now that every id counts as active
    expect(seedFromHistory(again.progress, days(2)).changed).toBe(0);
  });

  it('a wrong answer after the last review brings the card back; one before it does not', () => {
    const reviewed = grade(newCard(days(-1)), 'good', days(-1)); // due again tomorrow
    const before = { ...emptyProgress(), answers: { q: answer(false, days(-2)) }, reviews: { q: reviewed } };
    expect(seedFromHistory(before, now).changed).toBe(0);
    const after = { ...before, answers: { q: answer(false, minutes(-60)) } };
    const { progress: seeded } = seedFromHistory(after, now);
    expect(seeded.reviews.q!.due).toBe(minutes(-60).toISOString());
    expect(seeded.reviews.q!.stability).toBe(reviewed.stability);
    expect(seedFromHistory(seeded, now).changed).toBe(0);
  });
});

describe('wording', () => {
  it('short intervals for the rating buttons', () => {
    expect(formatInterval(10 * 60_000)).toBe('10 min');
    expect(formatInterval(3 * 3_600_000)).toBe('3 h');
    expect(formatInterval(86_400_000)).toBe('1 day');
    expect(formatInterval(2.2 * 86_400_000)).toBe('2 days');
  });
  it('says when a question comes back', () => {
    expect(formatWhen(now, now)).toBe('now');
    expect(formatWhen(minutes(10), now)).toBe('in 10 minutes');
    expect(formatWhen(new Date(2026, 10, 26, 16, 15), now)).toMatch(/^today at 4:15\sPM$/);
    expect(formatWhen(new Date(2026, 10, 27, 9, 0), now)).toMatch(/^tomorrow at 9:00\sAM$/);
    expect(formatWhen(new Date(2026, 10, 29, 8, 0), now)).toBe('in 3 days (Sunday, November 29)');
  });
});
