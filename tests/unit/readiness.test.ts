import { describe, expect, it } from 'vitest';
import type { BankIndexEntry } from '../../src/lib/practice-bank.ts';
import { emptyProgress, type ExamAttempt } from '../../src/lib/progress-data.ts';
import {
  MIN_ANSWERS,
  coverage,
  estimateReadiness,
  examTrend,
  latestAnswers,
  masteryLevel,
  readinessInputs,
  wilson,
  type DomainInput,
} from '../../src/lib/readiness.ts';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 26, 10, minute)).toISOString();

const domains = (answers: Array<[answered: number, correct: number]>): DomainInput[] =>
  [
    { id: 'model-development', title: 'Model Development', weight: 44 },
    { id: 'mlops', title: 'MLOps', weight: 44 },
    { id: 'model-deployment', title: 'Model Deployment', weight: 12 },
  ].map((d, i) => ({ ...d, answered: answers[i]![0], correct: answers[i]![1] }));

const q = (id: string, objective: number | string, domain: string, answer = [0]): BankIndexEntry => ({
  id,
  objective,
  domain,
  section: 's',
  difficulty: 2,
  type: answer.length > 1 ? 'multiple' : 'single',
  options: 4,
  answer,
});

const bank: BankIndexEntry[] = [
  q('a1', 1, 'model-development'),
  q('a2', 1, 'model-development', [1, 2]),
  q('a3', 2, 'model-development'),
  q('b1', 23, 'mlops'),
  q('c1', 43, 'model-deployment', [3]),
  q('f1', 'deep-learning', 'foundations'),
];

const attempt = (id: string, answers: Record<string, number[]>, submittedAt?: string): ExamAttempt => ({
  id,
  seed: 1,
  startedAt: t(0),
  ...(submittedAt ? { submittedAt } : {}),
  durationMinutes: 120,
  questionIds: ['a1', 'a2', 'b1', 'c1'],
  optionOrders: [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]],
  answers,
  flagged: [],
  unsure: [],
  current: 0,
  updatedAt: submittedAt ?? t(1),
});

describe('estimateReadiness', () => {
  it('says "not enough data" with no answers at all', () => {
    const result = estimateReadiness(domains([[0, 0], [0, 0], [0, 0]]));
    expect(result.status).toBe('insufficient');
    expect(result.answered).toBe(0);
    expect(result.domains.every((d) => d.accuracy === null && d.interval === null)).toBe(true);
  });

  it('says "not enough data" below the minimum number of answers, but still reports each domain', () => {
    const result = estimateReadiness(domains([[10, 9], [MIN_ANSWERS - 12, 1], [1, 1]]));
    expect(result.status).toBe('insufficient');
    expect(result.answered).toBe(MIN_ANSWERS - 1);
    expect(result.domains[0]!.accuracy).toBeCloseTo(0.9);
    expect(result.domains[0]!.interval!.low).toBeLessThan(0.9);
  });

  it('gives an estimate inside its band once there are enough answers', () => {
    const result = estimateReadiness(domains([[40, 30], [40, 28], [12, 9]]));
    expect(result.status).toBe('estimate');
    if (result.status !== 'estimate') return;
    expect(result.low).toBeLessThan(result.estimate);
    expect(result.high).toBeGreaterThan(result.estimate);
    expect(result.estimate).toBeGreaterThan(0.65);
    expect(result.estimate).toBeLessThan(0.78);
    expect(result.unanswered).toEqual([]);
  });

  it('weights the domains 44/44/12, so the small domain moves the estimate least', () => {
    const n = 10_000;
    const perfectInDeployment = estimateReadiness(domains([[n, 0], [n, n / 2], [n, n]]));
    const perfectInDevelopment = estimateReadiness(domains([[n, n], [n, n / 2], [n, 0]]));
    if (perfectInDeployment.status !== 'estimate' || perfectInDevelopment.status !== 'estimate') throw new Error('expected estimates');
    expect(perfectInDeployment.estimate).toBeCloseTo(0.44 * 0 + 0.44 * 0.5 + 0.12 * 1, 2);
    expect(perfectInDevelopment.estimate).toBeCloseTo(0.44 * 1 + 0.44 * 0.5 + 0.12 * 0, 2);
    // Unequal answer counts do not change the weights: it is not a pooled accuracy.
    const lopsided = estimateReadiness(domains([[n, n], [50, 0], [50, 0]]));
    if (lopsided.status !== 'estimate') throw new Error('expected an estimate');
    expect(lopsided.estimate).toBeLessThan(0.5);
  });

  it('narrows the band as answers accumulate at the same accuracy', () => {
    const widths = [10, 40, 160, 640].map((n) => {
      const result = estimateReadiness(domains([[n, 0.75 * n], [n, 0.75 * n], [n, 0.75 * n]]));
      if (result.status !== 'estimate') throw new Error('expected an estimate');
      return result.high - result.low;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeLessThan(widths[i - 1]!);
    expect(widths[0]!).toBeGreaterThan(0.15);
    expect(widths.at(-1)!).toBeLessThan(0.06);
  });

  it('treats a domain with no answers as unknown: named, and the band wide', () => {
    const result = estimateReadiness(domains([[100, 100], [100, 100], [0, 0]]));
    if (result.status !== 'estimate') throw new Error('expected an estimate');
    expect(result.unanswered).toEqual(['Model Deployment']);
    expect(result.high - result.low).toBeGreaterThan(0.1);
    expect(result.high).toBeLessThanOrEqual(1);
    expect(result.low).toBeGreaterThanOrEqual(0);
  });

  it('keeps the band within 0–100 % at the extremes', () => {
    for (const share of [0, 1]) {
      const result = estimateReadiness(domains([[30, 30 * share], [30, 30 * share], [30, 30 * share]]));
      if (result.status !== 'estimate') throw new Error('expected an estimate');
      expect(result.low).toBeGreaterThanOrEqual(0);
      expect(result.high).toBeLessThanOrEqual(1);
      expect(result.high - result.low).toBeGreaterThan(0);
    }
  });
});

describe('wilson', () => {
  it('matches the textbook interval and is null without data', () => {
    // 8 of 10: Wilson 95 % interval is about 0.490–0.943.
    const { low, high } = wilson(8, 10)!;
    expect(low).toBeCloseTo(0.49, 2);
    expect(high).toBeCloseTo(0.943, 2);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('latestAnswers, coverage and mastery', () => {
  it('takes the latest answer per question from self-checks and submitted exams, ignoring ids not in the bank', () => {
    const progress = emptyProgress();
    progress.answers.a1 = { selected: [1], correct: false, answeredAt: t(5), attempts: 1 };
    progress.answers.b1 = { selected: [0], correct: true, answeredAt: t(50), attempts: 2 };
    progress.answers.retired = { selected: [0], correct: true, answeredAt: t(5), attempts: 1 };
    // Submitted at t(20): a1 right (newer than the self-check), a2 wrong, b1 right but older than the self-check, c1 blank.
    progress.exams.e1 = attempt('e1', { a1: [0], a2: [1], b1: [1], c1: [] }, t(20));
    // Never submitted: not an answer.
    progress.exams.e2 = attempt('e2', { a3: [0] });
    const latest = latestAnswers(progress, bank);
    expect([...latest.keys()].sort()).toEqual(['a1', 'a2', 'b1']);
    expect(latest.get('a1')!.correct).toBe(true);
    expect(latest.get('a2')!.correct).toBe(false);
    expect(latest.get('b1')).toEqual({ correct: true, at: Date.parse(t(50)) });

    const cover = coverage(latest, bank);
    expect(cover.objectives.get('1')).toEqual({ inBank: 2, seen: 2, correct: 1 });
    expect(cover.objectives.get('2')).toEqual({ inBank: 1, seen: 0, correct: 0 });
    expect(cover.objectives.get('deep-learning')).toEqual({ inBank: 1, seen: 0, correct: 0 });
    expect(cover.domains.get('model-development')).toEqual({ inBank: 3, seen: 2, correct: 1 });
    const inputs = readinessInputs({ domains: [{ id: 'mlops', title: 'MLOps', weight: 44, sections: [] }] }, cover);
    expect(inputs).toEqual([{ id: 'mlops', title: 'MLOps', weight: 44, answered: 1, correct: 1 }]);
  });

  it('names a level that needs no colour to read', () => {
    expect(masteryLevel({ inBank: 0, seen: 0, correct: 0 })).toBe('empty');
    expect(masteryLevel({ inBank: 10, seen: 0, correct: 0 })).toBe('none');
    expect(masteryLevel({ inBank: 10, seen: 2, correct: 2 })).toBe('started');
    expect(masteryLevel({ inBank: 10, seen: 5, correct: 2 })).toBe('weak');
    expect(masteryLevel({ inBank: 10, seen: 5, correct: 3 })).toBe('improving');
    expect(masteryLevel({ inBank: 10, seen: 5, correct: 4 })).toBe('strong');
  });
});

describe('examTrend', () => {
  it('scores submitted attempts oldest first against the answer key, blanks as wrong, and counts unfinished ones', () => {
    const progress = emptyProgress();
    progress.exams.late = attempt('late', { a1: [0], a2: [2, 1], b1: [0], c1: [3] }, t(40));
    progress.exams.early = attempt('early', { a1: [0], a2: [1] }, t(10));
    progress.exams.open = attempt('open', {});
    const { scores, unfinished } = examTrend(progress, bank);
    expect(scores.map((s) => [s.id, s.correct, s.total])).toEqual([
      ['early', 1, 4],
      ['late', 4, 4],
    ]);
    expect(scores[1]!.score).toBe(1);
    expect(unfinished).toBe(1);
    expect(examTrend(progress, bank, 1).scores.map((s) => s.id)).toEqual(['late']);
  });
});
