import { describe, expect, it } from 'vitest';
import { drawDrill, drillPriorities, nextSteps, objectiveMastery, readinessGains } from '../../src/lib/learner-path.ts';
import { readLessons, recordLessonVisit } from '../../src/lib/lesson-visits.ts';
import type { BankIndex, BankIndexEntry } from '../../src/lib/practice-bank.ts';
import { emptyProgress, type ExamAttempt, type ProgressData } from '../../src/lib/progress-data.ts';

const NOW = new Date('2026-12-03T12:00:00Z');
const iso = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();

/** Two domains (80 / 20), objectives 1–2 and 3, six questions each. */
function index(): BankIndex {
  const questions: BankIndexEntry[] = [1, 2, 3].flatMap((objective) =>
    Array.from({ length: 6 }, (_, i) => ({
      id: `q${objective}-${i}`,
      objective,
      domain: objective < 3 ? 'dev' : 'ops',
      section: objective < 3 ? 'a' : 'b',
      difficulty: 2 as const,
      type: 'single' as const,
      options: 4,
      answer: [0],
    })),
  );
  return {
    builtAt: iso(0),
    domains: [
      { id: 'dev', title: 'Development', weight: 80, sections: [{ id: 'a', title: 'A', objectives: [1, 2] }] },
      { id: 'ops', title: 'Operations', weight: 20, sections: [{ id: 'b', title: 'B', objectives: [3] }] },
    ],
    foundations: [],
    objectives: [
      { id: 1, label: '1. Pipelines', lesson: 'dev/a/pipelines/' },
      { id: 2, label: '2. Tuning', lesson: 'dev/a/tuning/' },
      { id: 3, label: '3. Drift', lesson: null },
    ],
    questions,
  };
}

/** Progress where objective `objective` has `right` right and `wrong` wrong answers. */
function answered(progress: ProgressData, objective: number, right: number, wrong: number): ProgressData {
  const answers = { ...progress.answers };
  for (let i = 0; i < right + wrong; i++) {
    answers[`q${objective}-${i}`] = { selected: [i < right ? 0 : 1], correct: i < right, answeredAt: iso(60), attempts: 1 };
  }
  return { ...progress, answers };
}

describe('objectiveMastery', () => {
  it('starts every objective at 50 % with a wide spread, narrowing with answers', () => {
    const none = objectiveMastery(index(), emptyProgress());
    expect(none.map((m) => m.mastery)).toEqual([0.5, 0.5, 0.5]);
    const some = objectiveMastery(index(), answered(emptyProgress(), 1, 5, 1));
    expect(some[0]!.mastery).toBeCloseTo(6 / 8);
    expect(some[0]!.spread).toBeLessThan(none[0]!.spread);
    expect(some[0]!.examShare).toBeCloseTo(0.4);
    expect(some[2]!.examShare).toBeCloseTo(0.2);
  });
});

describe('drillPriorities', () => {
  it('ranks a demonstrated weakness first, then the never-seen, and says why in words', () => {
    let p = answered(emptyProgress(), 1, 6, 0); // strong
    p = answered(p, 2, 1, 4); // weak
    const ranked = drillPriorities(index(), p);
    expect(ranked.map((r) => r.objective)).toEqual([2, 3, 1]);
    expect(ranked[0]!.reason).toBe('1 of 5 right (20\u00a0%); Development is 80\u00a0% of the exam.');
    const never = ranked.find((r) => r.objective === 3)!;
    expect(never.reason).toBe('Never practised (6 questions waiting); Operations is 20\u00a0% of the exam.');
    // Objective 1 is mastered: it comes last even though its domain weighs more than objective 3's.
    expect(ranked.at(-1)!.objective).toBe(1);
  });

  it('weights by exam share: with nothing answered the heavier domain comes first', () => {
    expect(drillPriorities(index(), emptyProgress()).map((r) => r.objective)).toEqual([1, 2, 3]);
  });
});

describe('drawDrill', () => {
  it('shares the questions among the weakest objectives, unseen and wrong questions first', () => {
    const p = answered(emptyProgress(), 2, 2, 2);
    const drill = drawDrill(index(), p, 7, { count: 9, objectives: 2 });
    expect(drill.picks.map((x) => x.objective)).toEqual([1, 2]);
    expect(drill.picks.reduce((s, x) => s + x.questions, 0)).toBe(9);
    expect(drill.session.questionIds).toHaveLength(9);
    expect(new Set(drill.session.questionIds).size).toBe(9);
    // Objective 1 (never seen, heavier uncertainty) gets 5, objective 2 gets 4: its 2 unseen (q2-4, q2-5) and its 2
    // answered wrong (q2-2, q2-3), before either of its right ones.
    expect(drill.picks.map((x) => x.questions)).toEqual([5, 4]);
    const fromTwo = drill.session.questionIds.filter((id) => id.startsWith('q2-'));
    expect(new Set(fromTwo)).toEqual(new Set(['q2-4', 'q2-5', 'q2-2', 'q2-3']));
    expect(drill.session.optionOrders.every((o) => [...o].sort().join() === '0,1,2,3')).toBe(true);
  });

  it('keeps to one section when asked', () => {
    const drill = drawDrill(index(), emptyProgress(), 1, { count: 4, section: 'b' });
    expect(drill.picks.map((x) => x.objective)).toEqual([3]);
    expect(drill.session.questionIds.every((id) => id.startsWith('q3-'))).toBe(true);
  });
});

describe('readinessGains', () => {
  it('names the objectives whose mastery would raise the estimate most, in points', () => {
    const p = answered(answered(emptyProgress(), 1, 6, 0), 3, 0, 6);
    const gains = readinessGains(index(), p);
    expect(gains.map((g) => g.objective)).toEqual([2, 3, 1]);
    // Objective 2: 80 % × half of Development's questions × (1 − 0.5) = 20 points.
    expect(gains[0]!.points).toBeCloseTo(20);
    // Objective 3: 20 % × all of Operations × (1 − 1/8) = 17.5 points.
    expect(gains[1]!.points).toBeCloseTo(17.5);
  });
});

describe('nextSteps', () => {
  const attempt = (id: string, startedMinutesAgo: number, submitted: boolean, right: number): ExamAttempt => ({
    id,
    seed: 1,
    startedAt: iso(startedMinutesAgo),
    submittedAt: submitted ? iso(startedMinutesAgo - 30) : undefined,
    durationMinutes: 120,
    questionIds: ['q1-0', 'q1-1', 'q1-2', 'q1-3'],
    optionOrders: [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]],
    answers: Object.fromEntries(['q1-0', 'q1-1', 'q1-2', 'q1-3'].map((q, i) => [q, i < right ? [0] : [1]])),
    flagged: [],
    unsure: [],
    current: 0,
    updatedAt: iso(startedMinutesAgo - 1),
  });

  it('says a first visit is a first visit', () => {
    expect(nextSteps(emptyProgress(), index(), NOW).firstVisit).toBe(true);
  });

  it('finds the last lesson, the unfinished exam with its time left, and the last score with the one before', () => {
    let p = recordLessonVisit(emptyProgress(), 'dev/a/pipelines/', 'Pipelines', true, new Date(iso(300)));
    p = recordLessonVisit(p, 'dev/a/tuning/', 'Tuning', false, new Date(iso(200)));
    p = { ...p, exams: { old: attempt('old', 3000, true, 2), last: attempt('last', 2000, true, 3), open: attempt('open', 30, false, 1) } };
    const steps = nextSteps(p, index(), NOW);
    expect(steps.firstVisit).toBe(false);
    expect(steps.lastLesson).toEqual({ path: 'dev/a/tuning/', title: 'Tuning', read: false });
    expect(steps.unfinishedExam).toEqual({ id: 'open', minutesLeft: 90, answered: 4, total: 4 });
    expect(steps.lastExam).toEqual({ score: 0.75, previous: 0.5 });
    expect(steps.weakest).toHaveLength(3);
  });

  it('reports an unfinished exam whose time has run out with 0 minutes left, and works without the bank index', () => {
    const p = { ...emptyProgress(), exams: { stale: attempt('stale', 500, false, 0) } };
    const steps = nextSteps(p, null, NOW);
    expect(steps.unfinishedExam).toEqual({ id: 'stale', minutesLeft: 0, answered: 4, total: 4 });
    expect(steps.weakest).toEqual([]);
    expect(steps.lastExam).toBeNull();
  });
});

describe('recordLessonVisit', () => {
  it('keeps a lesson read once it was read, and dates the latest visit', () => {
    let p = recordLessonVisit(emptyProgress(), 'x/', 'X', true, new Date(iso(10)));
    p = recordLessonVisit(p, 'x/', 'X', false, NOW);
    expect(p.lessons['x/']).toEqual({ title: 'X', read: true, at: NOW.toISOString() });
    expect(readLessons(p)).toEqual(new Set(['x/']));
  });
});
