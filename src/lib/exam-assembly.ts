/**
 * Assembling and scoring practice sessions from the bank index. Pure: the pages pass in the index, the seed and
 * the learner's history.
 *
 * A mock exam is drawn like the real one: 59 questions split across the three domains in proportion to their
 * weights (44/44/12 → 26/26/7, largest remainder), spread across each domain's objectives round-robin so no
 * objective is skipped while another repeats, with the question order and each question's options shuffled.
 */
import type { BankIndexEntry } from './practice-bank.ts';
import type { ProgressData } from './progress-data.ts';
import { seededRandom, shuffle } from './seeded-random.ts';

export const MOCK_EXAM = { questions: 59, minutes: 120 } as const;

/** Splits `total` across domains by weight, by largest remainder, so the counts add up to `total`. */
export function domainQuotas(domains: ReadonlyArray<{ id: string; weight: number }>, total: number): Record<string, number> {
  const weightSum = domains.reduce((sum, d) => sum + d.weight, 0);
  const exact = domains.map((d) => ({ id: d.id, share: (d.weight / weightSum) * total }));
  const quotas = Object.fromEntries(exact.map((d) => [d.id, Math.floor(d.share)]));
  let left = total - Object.values(quotas).reduce((a, b) => a + b, 0);
  for (const d of [...exact].sort((a, b) => (b.share % 1) - (a.share % 1))) {
    if (left-- <= 0) break;
    quotas[d.id]!++;
  }
  return quotas;
}

/** Takes `count` questions spread over objectives: one from each objective in turn (in shuffled order). */
function spreadAcrossObjectives(questions: readonly BankIndexEntry[], count: number, random: () => number): BankIndexEntry[] {
  const byObjective = new Map<number | string, BankIndexEntry[]>();
  for (const q of shuffle(questions, random)) byObjective.set(q.objective, [...(byObjective.get(q.objective) ?? []), q]);
  const queues = shuffle([...byObjective.values()], random);
  const picked: BankIndexEntry[] = [];
  while (picked.length < count && queues.some((queue) => queue.length)) {
    for (const queue of queues) {
      if (picked.length === count) break;
      const next = queue.shift();
      if (next) picked.push(next);
    }
  }
  return picked;
}

export interface DrawnSession {
  questionIds: string[];
  /** Per question, the stored option indexes in display order. */
  optionOrders: number[][];
}

/** The drawn questions in shuffled order, each with its options shuffled; shared by every kind of session. */
export function shuffledSession(picked: BankIndexEntry[], random: () => number): DrawnSession {
  const ordered = shuffle(picked, random);
  return {
    questionIds: ordered.map((q) => q.id),
    optionOrders: ordered.map((q) => shuffle([...Array(q.options).keys()], random)),
  };
}

/** Draws a mock exam from the exam questions of the bank (foundation questions are not on the exam). */
export function drawMockExam(
  index: readonly BankIndexEntry[],
  domains: ReadonlyArray<{ id: string; weight: number }>,
  seed: number,
  total: number = MOCK_EXAM.questions,
): DrawnSession {
  const random = seededRandom(seed);
  const quotas = domainQuotas(domains, total);
  const picked = domains.flatMap((d) => spreadAcrossObjectives(index.filter((q) => q.domain === d.id), quotas[d.id]!, random));
  return shuffledSession(picked, random);
}

export type PracticeSource = 'all' | 'unseen' | 'wrong' | 'marked';

export interface PracticeFilter {
  /** Keep questions in any of these domains, sections or objectives (empty or missing: all). */
  scopes?: ReadonlyArray<{ kind: 'domain' | 'section' | 'objective'; id: string | number }>;
  difficulties?: ReadonlyArray<1 | 2 | 3>;
  source: PracticeSource;
  count: number;
  seed: number;
}

/** The questions a practice-builder filter matches, before the count is applied. */
export function matchingQuestions(index: readonly BankIndexEntry[], progress: ProgressData, filter: PracticeFilter): BankIndexEntry[] {
  const inScope = (q: BankIndexEntry) =>
    !filter.scopes?.length ||
    filter.scopes.some((s) => (s.kind === 'domain' ? q.domain === s.id : s.kind === 'section' ? q.section === s.id : q.objective === s.id));
  const bySource = (q: BankIndexEntry) => {
    const answer = progress.answers[q.id];
    const mark = progress.marks[q.id];
    if (filter.source === 'unseen') return !answer;
    if (filter.source === 'wrong') return !!answer && !answer.correct;
    if (filter.source === 'marked') return !!mark && (mark.flagged || mark.unsure);
    return true;
  };
  return index.filter((q) => inScope(q) && (!filter.difficulties?.length || filter.difficulties.includes(q.difficulty)) && bySource(q));
}

/** Draws a practice session: matching questions spread across objectives, up to `count`. */
export function drawPractice(index: readonly BankIndexEntry[], progress: ProgressData, filter: PracticeFilter): DrawnSession {
  const random = seededRandom(filter.seed);
  return shuffledSession(spreadAcrossObjectives(matchingQuestions(index, progress, filter), filter.count, random), random);
}

export interface Tally {
  correct: number;
  total: number;
}

export interface SessionScore extends Tally {
  answered: number;
  byDomain: Record<string, Tally>;
  byObjective: Record<string, Tally>;
  /** Question ids answered wrongly or left unanswered. */
  missed: string[];
}

export const isCorrect = (answer: readonly number[], chosen: readonly number[] | undefined) =>
  !!chosen && chosen.length === answer.length && answer.every((i) => chosen.includes(i));

/** Scores a session: overall, per domain and per objective. Unanswered questions count as wrong. */
export function scoreSession(index: readonly BankIndexEntry[], questionIds: readonly string[], answers: Record<string, number[]>): SessionScore {
  const byId = new Map(index.map((q) => [q.id, q]));
  const score: SessionScore = { correct: 0, total: 0, answered: 0, byDomain: {}, byObjective: {}, missed: [] };
  const add = (tallies: Record<string, Tally>, key: string, right: boolean) => {
    const t = (tallies[key] ??= { correct: 0, total: 0 });
    t.total++;
    if (right) t.correct++;
  };
  for (const id of questionIds) {
    const q = byId.get(id);
    if (!q) continue; // a question retired since the attempt: it no longer counts
    const chosen = answers[id];
    const right = isCorrect(q.answer, chosen);
    score.total++;
    if (chosen?.length) score.answered++;
    if (right) score.correct++;
    else score.missed.push(id);
    add(score.byDomain, q.domain, right);
    add(score.byObjective, String(q.objective), right);
  }
  return score;
}

/** Milliseconds left in a timed attempt (never negative). */
export function timeLeft(startedAt: string, minutes: number, now: number): number {
  return Math.max(0, Date.parse(startedAt) + minutes * 60_000 - now);
}
