import { describe, expect, it } from 'vitest';
import {
  domainQuotas,
  drawMockExam,
  drawPractice,
  matchingQuestions,
  scoreSession,
  timeLeft,
} from '../../src/lib/exam-assembly.ts';
import type { BankIndexEntry } from '../../src/lib/practice-bank.ts';
import { emptyProgress } from '../../src/lib/progress-data.ts';
import { seededRandom, shuffle } from '../../src/lib/seeded-random.ts';

const domains = [
  { id: 'model-development', weight: 44 },
  { id: 'mlops', weight: 44 },
  { id: 'model-deployment', weight: 12 },
];
const objectivesOf: Record<string, number[]> = {
  'model-development': Array.from({ length: 22 }, (_, i) => i + 1),
  mlops: Array.from({ length: 20 }, (_, i) => i + 23),
  'model-deployment': [43, 44, 45, 46, 47],
};

/** A synthetic bank: `perObjective` questions for each of the 47 objectives, plus some foundation questions. */
function bank(perObjective = 10): BankIndexEntry[] {
  const out: BankIndexEntry[] = [];
  for (const [domain, objectives] of Object.entries(objectivesOf))
    for (const objective of objectives)
      for (let k = 0; k < perObjective; k++)
        out.push({ id: `q${objective}-${k}`, objective, domain, section: `s${objective}`, difficulty: ((k % 3) + 1) as 1 | 2 | 3, type: 'single', options: 4 + (k % 2), answer: [k % 4] });
  for (let k = 0; k < 20; k++) out.push({ id: `f-${k}`, objective: 'spark-for-ml-engineers', domain: 'foundations', section: 'spark-for-ml-engineers', difficulty: 2, type: 'single', options: 4, answer: [0] });
  return out;
}

describe('domainQuotas', () => {
  it('splits 59 questions 26/26/7 for weights 44/44/12', () => {
    expect(domainQuotas(domains, 59)).toEqual({ 'model-development': 26, mlops: 26, 'model-deployment': 7 });
  });
  it('always adds up to the total', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 200; run++) {
      const weights = domains.map((d) => ({ id: d.id, weight: 1 + Math.floor(random() * 60) }));
      const total = 1 + Math.floor(random() * 100);
      expect(Object.values(domainQuotas(weights, total)).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});

describe('drawMockExam (property-style over many seeds)', () => {
  const index = bank();
  it('draws 59 distinct exam questions in the domain proportions, spread across objectives, for any seed', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const exam = drawMockExam(index, domains, seed * 7919);
      expect(exam.questionIds).toHaveLength(59);
      expect(new Set(exam.questionIds).size).toBe(59);
      const drawn = exam.questionIds.map((id) => index.find((q) => q.id === id)!);
      const count = (d: string) => drawn.filter((q) => q.domain === d).length;
      expect([count('model-development'), count('mlops'), count('model-deployment')]).toEqual([26, 26, 7]);
      expect(drawn.some((q) => q.domain === 'foundations')).toBe(false);
      // Spread: within a domain, no objective appears twice before every objective has appeared once.
      for (const [domain, objectives] of Object.entries(objectivesOf)) {
        const perObjective = objectives.map((o) => drawn.filter((q) => q.objective === o).length);
        expect(Math.max(...perObjective) - Math.min(...perObjective)).toBeLessThanOrEqual(1);
        void domain;
      }
      // Options: each order is a permutation of the question's option indexes.
      exam.optionOrders.forEach((order, i) => expect([...order].sort()).toEqual([...Array(drawn[i]!.options).keys()]));
    }
  });
  it('is reproducible from its seed, and different seeds give different exams', () => {
    expect(drawMockExam(index, domains, 42)).toEqual(drawMockExam(index, domains, 42));
    expect(drawMockExam(index, domains, 42).questionIds).not.toEqual(drawMockExam(index, domains, 43).questionIds);
  });
});

describe('practice selection', () => {
  const index = bank(3);
  it('filters by scope, difficulty and history', () => {
    const progress = emptyProgress();
    progress.answers['q15-0'] = { selected: [1], correct: false, answeredAt: '2026-11-26T10:00:00.000Z', attempts: 1 };
    progress.answers['q15-1'] = { selected: [1], correct: true, answeredAt: '2026-11-26T10:00:00.000Z', attempts: 1 };
    progress.marks['q16-0'] = { flagged: true, unsure: false, at: '2026-11-26T10:00:00.000Z' };
    const ids = (filter: Parameters<typeof matchingQuestions>[2]) => matchingQuestions(index, progress, filter).map((q) => q.id);
    expect(ids({ scopes: [{ kind: 'objective', id: 15 }], source: 'all', count: 10, seed: 1 })).toEqual(['q15-0', 'q15-1', 'q15-2']);
    expect(ids({ scopes: [{ kind: 'objective', id: 15 }], source: 'unseen', count: 10, seed: 1 })).toEqual(['q15-2']);
    expect(ids({ source: 'wrong', count: 10, seed: 1 })).toEqual(['q15-0']);
    expect(ids({ source: 'marked', count: 10, seed: 1 })).toEqual(['q16-0']);
    expect(ids({ scopes: [{ kind: 'domain', id: 'model-deployment' }], difficulties: [3], source: 'all', count: 10, seed: 1 })).toEqual(['q43-2', 'q44-2', 'q45-2', 'q46-2', 'q47-2']);
  });
  it('draws at most the count asked for', () => {
    expect(drawPractice(index, emptyProgress(), { source: 'all', count: 12, seed: 5 }).questionIds).toHaveLength(12);
    expect(drawPractice(index, emptyProgress(), { scopes: [{ kind: 'section', id: 's1' }], source: 'all', count: 12, seed: 5 }).questionIds).toHaveLength(3);
  });
});

describe('scoreSession', () => {
  const index = bank(2);
  it('scores overall, per domain and per objective; unanswered counts as wrong', () => {
    const score = scoreSession(index, ['q1-0', 'q1-1', 'q43-0'], { 'q1-0': [0], 'q1-1': [0] });
    expect(score).toMatchObject({ correct: 1, total: 3, answered: 2, missed: ['q1-1', 'q43-0'] });
    expect(score.byDomain).toEqual({ 'model-development': { correct: 1, total: 2 }, 'model-deployment': { correct: 0, total: 1 } });
    expect(score.byObjective['1']).toEqual({ correct: 1, total: 2 });
  });
  it('needs every correct option and no wrong one for a multiple-answer question', () => {
    const multi: BankIndexEntry[] = [{ id: 'm', objective: 1, domain: 'model-development', section: 's', difficulty: 2, type: 'multiple', options: 5, answer: [1, 3] }];
    expect(scoreSession(multi, ['m'], { m: [3, 1] }).correct).toBe(1);
    expect(scoreSession(multi, ['m'], { m: [1] }).correct).toBe(0);
    expect(scoreSession(multi, ['m'], { m: [1, 3, 4] }).correct).toBe(0);
  });
});

describe('timeLeft and shuffle', () => {
  it('counts down from the stored start and stops at zero', () => {
    const start = '2026-11-26T10:00:00.000Z';
    expect(timeLeft(start, 120, Date.parse(start) + 60_000)).toBe(119 * 60_000);
    expect(timeLeft(start, 120, Date.parse(start) + 200 * 60_000)).toBe(0);
  });
  it('shuffles without losing or adding items', () => {
    const items = [...Array(50).keys()];
    expect([...shuffle(items, seededRandom(3))].sort((a, b) => a - b)).toEqual(items);
  });
});
