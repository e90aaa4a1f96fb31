/**
 * What the Progress page works out from saved progress and the bank index: the learner's latest answer to each
 * question, coverage and mastery per objective and domain, mock exam scores, and a readiness estimate.
 * Pure functions (no DOM, no storage), so every figure the page shows is unit tested.
 *
 * Readiness is an estimate of the share of exam-style questions the learner would answer correctly, weighted like
 * the exam (domain weights from the blueprint). It is not a pass prediction: Databricks does not publish a passing
 * score, and practice questions are not the exam's questions.
 */
import { isCorrect } from './exam-assembly.ts';
import type { BankIndex, BankIndexEntry } from './practice-bank.ts';
import type { ExamAttempt, ProgressData } from './progress-data.ts';

/** Below this many answered exam-domain questions the page says "not enough data" instead of a number. */
export const MIN_ANSWERS = 20;
/** z for a two-sided 95 % interval. */
export const Z = 1.96;

export interface LatestAnswer {
  correct: boolean;
  /** When it was given (ms since the epoch). */
  at: number;
}

const submitted = (attempt: ExamAttempt): attempt is ExamAttempt & { submittedAt: string } => attempt.submittedAt !== undefined;

/**
 * The learner's latest answer to each question still in the bank: from self-checks and practice (`answers`, graded
 * when given) and from submitted mock exams (graded here against the bank's answer key, dated at submission).
 * A question left blank in an exam is not an answer. Ids no longer in the bank are ignored.
 */
export function latestAnswers(progress: ProgressData, questions: readonly BankIndexEntry[]): Map<string, LatestAnswer> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const latest = new Map<string, LatestAnswer>();
  const offer = (id: string, answer: LatestAnswer) => {
    const known = latest.get(id);
    if (!known || answer.at > known.at) latest.set(id, answer);
  };
  for (const [id, record] of Object.entries(progress.answers)) {
    if (byId.has(id)) offer(id, { correct: record.correct, at: Date.parse(record.answeredAt) });
  }
  for (const attempt of Object.values(progress.exams)) {
    if (!submitted(attempt)) continue;
    const at = Date.parse(attempt.submittedAt);
    for (const [id, selected] of Object.entries(attempt.answers)) {
      const question = byId.get(id);
      if (question && selected.length > 0) offer(id, { correct: isCorrect(question.answer, selected), at });
    }
  }
  return latest;
}

export interface Tally {
  /** Questions in the bank. */
  inBank: number;
  /** Of those, questions the learner has answered. */
  seen: number;
  /** Of those, questions whose latest answer is correct. */
  correct: number;
}

export interface Coverage {
  /** Per objective, keyed by String(objective): "15", "spark-for-ml-engineers". */
  objectives: Map<string, Tally>;
  /** Per domain id, and "foundations". */
  domains: Map<string, Tally>;
}

export function coverage(latest: ReadonlyMap<string, LatestAnswer>, questions: readonly BankIndexEntry[]): Coverage {
  const objectives = new Map<string, Tally>();
  const domains = new Map<string, Tally>();
  const add = (map: Map<string, Tally>, key: string, answer: LatestAnswer | undefined) => {
    const tally = map.get(key) ?? { inBank: 0, seen: 0, correct: 0 };
    tally.inBank++;
    if (answer) tally.seen++;
    if (answer?.correct) tally.correct++;
    map.set(key, tally);
  };
  for (const question of questions) {
    const answer = latest.get(question.id);
    add(objectives, String(question.objective), answer);
    add(domains, question.domain, answer);
  }
  return { objectives, domains };
}

export type MasteryLevel = 'empty' | 'none' | 'started' | 'weak' | 'improving' | 'strong';

/** Words for each level: the heat map is read by these, never by colour alone. */
export const LEVEL_WORDS: Readonly<Record<MasteryLevel, string>> = {
  empty: 'No questions yet',
  none: 'Not started',
  started: 'Too few to tell',
  weak: 'Needs work',
  improving: 'Improving',
  strong: 'Strong',
};

/** Fewer answers than this and an objective's accuracy says little, so it is "too few to tell". */
export const MIN_FOR_LEVEL = 3;

export function masteryLevel(tally: Tally): MasteryLevel {
  if (tally.inBank === 0) return 'empty';
  if (tally.seen === 0) return 'none';
  if (tally.seen < MIN_FOR_LEVEL) return 'started';
  const accuracy = tally.correct / tally.seen;
  return accuracy >= 0.8 ? 'strong' : accuracy >= 0.6 ? 'improving' : 'weak';
}

/** Wilson score interval for k successes in n trials (null for n = 0): good at small n and near 0 % or 100 %. */
export function wilson(k: number, n: number, z = Z): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface DomainInput {
  id: string;
  title: string;
  /** Blueprint weight (44, 44, 12); normalised over the domains given. */
  weight: number;
  /** Questions of this domain with a latest answer. */
  answered: number;
  correct: number;
}

export interface DomainReadiness extends DomainInput {
  /** correct / answered, or null with no answers. */
  accuracy: number | null;
  /** The domain's own 95 % Wilson interval, or null with no answers. */
  interval: { low: number; high: number } | null;
}

export type Readiness =
  | { status: 'insufficient'; answered: number; needed: number; domains: DomainReadiness[] }
  | {
      status: 'estimate';
      answered: number;
      /** Weighted estimate of the share answered correctly, 0–1. */
      estimate: number;
      /** 95 % band around it, 0–1. */
      low: number;
      high: number;
      /** Titles of domains with no answers yet: they count as 50 % with the widest margin. */
      unanswered: string[];
      domains: DomainReadiness[];
    };

/**
 * Weighted accuracy over the exam domains with a 95 % band that widens with fewer answers.
 *
 * Method (a stratified adjusted-Wald interval): each domain d is estimated by its Wilson centre, which is the
 * Agresti–Coull adjusted proportion p̃_d = (k_d + z²/2) / (n_d + z²), with variance p̃_d(1 − p̃_d) / (n_d + z²).
 * The overall estimate is Σ w_d·p̃_d with the blueprint weights w_d normalised to sum to 1, and the band is
 * estimate ± z·√(Σ w_d²·var_d), clipped to [0, 1]. With many answers p̃_d is the plain accuracy, so the estimate is
 * the weighted accuracy; with few it is pulled towards 50 % and the band is wide; a domain with no answers counts
 * as 50 % ± 49 % in its weight, so skipping a domain can never make the estimate look confident.
 * Each answer is treated as an independent draw from its domain, which practice sets only approximate: the band
 * is a guide to how much the data can say, not a guarantee.
 */
export function estimateReadiness(domains: readonly DomainInput[], minAnswers = MIN_ANSWERS, z = Z): Readiness {
  const detailed: DomainReadiness[] = domains.map((d) => ({
    ...d,
    accuracy: d.answered ? d.correct / d.answered : null,
    interval: wilson(d.correct, d.answered, z),
  }));
  const answered = domains.reduce((sum, d) => sum + d.answered, 0);
  if (answered < minAnswers || domains.length === 0) return { status: 'insufficient', answered, needed: minAnswers, domains: detailed };
  const totalWeight = domains.reduce((sum, d) => sum + d.weight, 0);
  const z2 = z * z;
  let estimate = 0;
  let variance = 0;
  for (const d of domains) {
    const w = d.weight / totalWeight;
    const adjusted = (d.correct + z2 / 2) / (d.answered + z2);
    estimate += w * adjusted;
    variance += (w * w * adjusted * (1 - adjusted)) / (d.answered + z2);
  }
  const half = z * Math.sqrt(variance);
  return {
    status: 'estimate',
    answered,
    estimate,
    low: Math.max(0, estimate - half),
    high: Math.min(1, estimate + half),
    unanswered: domains.filter((d) => d.answered === 0).map((d) => d.title),
    domains: detailed,
  };
}

/** The readiness inputs for the blueprint's exam domains (foundations are not on the exam). */
export function readinessInputs(index: Pick<BankIndex, 'domains'>, cover: Coverage): DomainInput[] {
  return index.domains.map((d) => {
    const tally = cover.domains.get(d.id);
    return { id: d.id, title: d.title, weight: d.weight, answered: tally?.seen ?? 0, correct: tally?.correct ?? 0 };
  });
}

export interface ExamScore {
  id: string;
  submittedAt: string;
  /** Questions answered correctly; blanks count as wrong, as in the exam. */
  correct: number;
  /** Questions of the attempt still in the bank (a question retired since cannot be graded). */
  total: number;
  /** correct / total, 0–1. */
  score: number;
}

export function scoreAttempt(attempt: ExamAttempt & { submittedAt: string }, byId: ReadonlyMap<string, BankIndexEntry>): ExamScore {
  let correct = 0;
  let total = 0;
  for (const id of attempt.questionIds) {
    const question = byId.get(id);
    if (!question) continue;
    total++;
    if (isCorrect(question.answer, attempt.answers[id])) correct++;
  }
  return { id: attempt.id, submittedAt: attempt.submittedAt, correct, total, score: total ? correct / total : 0 };
}

/** The last `limit` submitted mock exams, oldest first, and how many attempts are still unfinished. */
export function examTrend(
  progress: ProgressData,
  questions: readonly BankIndexEntry[],
  limit = 10,
): { scores: ExamScore[]; unfinished: number } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const attempts = Object.values(progress.exams);
  const scores = attempts
    .filter(submitted)
    .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt))
    .slice(-limit)
    .map((attempt) => scoreAttempt(attempt, byId))
    .filter((s) => s.total > 0);
  return { scores, unfinished: attempts.filter((a) => !submitted(a)).length };
}

/** "68 %": a whole percent, never broken across lines (a plain no-break space: every font has one, so line height holds). */
export const percent = (share: number) => `${Math.round(share * 100)}\u00a0%`;
