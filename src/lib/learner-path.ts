/**
 * The learner's path: what to do next, which objectives to drill, and which would raise readiness most.
 * Pure functions over saved progress and the bank index, so the home page, the practice pages and the progress page
 * say the same thing and every figure is unit tested.
 *
 * Mastery of an objective is estimated from the learner's latest answer to each of its questions (readiness.ts) with
 * a uniform prior, Beta(1 + correct, 1 + wrong): its mean is (correct + 1) / (answered + 2) and its spread shrinks as
 * answers accumulate. An objective never practised is therefore 50 % with the widest spread: it counts as weak.
 */
import { shuffledSession, type DrawnSession } from './exam-assembly.ts';
import type { BankIndex, BankIndexEntry } from './practice-bank.ts';
import type { ExamAttempt, LessonRecord, ProgressData } from './progress-data.ts';
import { coverage, examTrend, latestAnswers } from './readiness.ts';
import { countDueToday } from './review-queue.ts';
import { seededRandom, shuffle } from './seeded-random.ts';

export interface ObjectiveMastery {
  objective: number;
  label: string;
  /** The lesson that teaches it, a path below the site's base (null when no lesson exists). */
  lesson: string | null;
  domain: string;
  domainTitle: string;
  /** The domain's share of the exam (0–1). */
  domainWeight: number;
  /** The objective's share of the exam: its domain's weight split evenly over the domain's objectives (0–1). */
  examShare: number;
  inBank: number;
  answered: number;
  correct: number;
  /** Posterior mean accuracy, 0–1. */
  mastery: number;
  /** Posterior standard deviation: how uncertain the estimate still is. */
  spread: number;
}

/** Every exam objective with its mastery estimate, in blueprint order. Foundations are not on the exam. */
export function objectiveMastery(index: BankIndex, progress: ProgressData): ObjectiveMastery[] {
  const tallies = coverage(latestAnswers(progress, index.questions), index.questions).objectives;
  const info = new Map(index.objectives.map((o) => [String(o.id), o]));
  const totalWeight = index.domains.reduce((sum, d) => sum + d.weight, 0) || 1;
  return index.domains.flatMap((domain) => {
    const ids = domain.sections.flatMap((s) => s.objectives);
    return ids.map((objective) => {
      const tally = tallies.get(String(objective)) ?? { inBank: 0, seen: 0, correct: 0 };
      const mastery = (tally.correct + 1) / (tally.seen + 2);
      return {
        objective,
        label: info.get(String(objective))?.label ?? `Objective ${objective}`,
        lesson: info.get(String(objective))?.lesson ?? null,
        domain: domain.id,
        domainTitle: domain.title,
        domainWeight: domain.weight / totalWeight,
        examShare: domain.weight / totalWeight / ids.length,
        inBank: tally.inBank,
        answered: tally.seen,
        correct: tally.correct,
        mastery,
        spread: Math.sqrt((mastery * (1 - mastery)) / (tally.seen + 3)),
      };
    });
  });
}

export interface DrillPick extends ObjectiveMastery {
  /** Higher is weaker: exam share × (shortfall + uncertainty). */
  priority: number;
  /** Why it was picked, in words. */
  reason: string;
}

const pct = (x: number) => `${Math.round(x * 100)}\u00a0%`;

/** Why an objective is weak, in a sentence a learner can act on. */
export function weaknessReason(m: ObjectiveMastery): string {
  const share = `${m.domainTitle} is ${pct(m.domainWeight)} of the exam`;
  if (m.answered === 0) return `Never practised (${m.inBank} questions waiting); ${share}.`;
  if (m.answered < 3) return `Only ${m.answered} answered (${m.correct} right), too few to be sure; ${share}.`;
  return `${m.correct} of ${m.answered} right (${pct(m.correct / m.answered)}); ${share}.`;
}

/** Objectives ranked weakest first, weighted by their share of the exam and by how uncertain their estimate is. */
export function drillPriorities(index: BankIndex, progress: ProgressData): DrillPick[] {
  return objectiveMastery(index, progress)
    .filter((m) => m.inBank > 0)
    .map((m) => ({ ...m, priority: m.examShare * (1 - m.mastery + m.spread), reason: weaknessReason(m) }))
    .sort((a, b) => b.priority - a.priority || a.objective - b.objective);
}

export interface Drill {
  session: DrawnSession;
  picks: Array<DrillPick & { questions: number }>;
}

/**
 * A drill session: the `objectives` weakest objectives, `count` questions shared among them in proportion to their
 * priority (at least one each), preferring questions never answered, then those last answered wrong, then the rest.
 * With `section`, only that section's objectives are considered (the progress page's per-section drill).
 */
export function drawDrill(
  index: BankIndex,
  progress: ProgressData,
  seed: number,
  { count = 15, objectives = 5, section }: { count?: number; objectives?: number; section?: string } = {},
): Drill {
  const random = seededRandom(seed);
  const inSection = section ? new Set(index.domains.flatMap((d) => d.sections).find((s) => s.id === section)?.objectives ?? []) : null;
  const ranked = drillPriorities(index, progress)
    .filter((p) => !inSection || inSection.has(p.objective))
    .slice(0, objectives);
  const total = ranked.reduce((sum, p) => sum + p.priority, 0) || 1;
  const latest = latestAnswers(progress, index.questions);
  const rank = (q: BankIndexEntry) => (!latest.has(q.id) ? 0 : latest.get(q.id)!.correct ? 2 : 1);
  // Largest-remainder shares of `count`, at least one each.
  const raw = ranked.map((p) => Math.max(1, (p.priority / total) * count));
  const shares = raw.map(Math.floor);
  let left = count - shares.reduce((a, b) => a + b, 0);
  for (const i of raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i)) {
    if (left <= 0) break;
    shares[i]!++;
    left--;
  }
  const picks: Drill['picks'] = [];
  const picked: BankIndexEntry[] = [];
  ranked.forEach((pick, i) => {
    const pool = shuffle(
      index.questions.filter((q) => q.objective === pick.objective),
      random,
    ).sort((a, b) => rank(a) - rank(b));
    const chosen = pool.slice(0, shares[i]);
    picked.push(...chosen);
    picks.push({ ...pick, questions: chosen.length });
  });
  return {
    session: shuffledSession(picked, random),
    picks,
  };
}

export interface ReadinessGain {
  objective: number;
  label: string;
  lesson: string | null;
  /** Percentage points the readiness estimate would gain if every question of the objective were answered right. */
  points: number;
}

/**
 * The objectives that would raise the readiness estimate most. Readiness weighs each domain by its exam weight and
 * scores a domain by its questions, so mastering objective o adds about
 * weight(domain) × (o's questions / the domain's questions) × (1 − o's mastery).
 */
export function readinessGains(index: BankIndex, progress: ProgressData, top = 3): ReadinessGain[] {
  const all = objectiveMastery(index, progress);
  const domainQuestions = new Map<string, number>();
  for (const m of all) domainQuestions.set(m.domain, (domainQuestions.get(m.domain) ?? 0) + m.inBank);
  return all
    .filter((m) => m.inBank > 0)
    .map((m) => ({
      objective: m.objective,
      label: m.label,
      lesson: m.lesson,
      points: 100 * m.domainWeight * (m.inBank / domainQuestions.get(m.domain)!) * (1 - m.mastery),
    }))
    .sort((a, b) => b.points - a.points || a.objective - b.objective)
    .slice(0, top);
}

export interface NextSteps {
  /** Nothing saved yet: show the static introduction only. */
  firstVisit: boolean;
  lastLesson: { path: string; title: string; read: boolean } | null;
  /** The latest mock exam not yet submitted; `minutesLeft` 0 means its time ran out (opening it submits it). */
  unfinishedExam: { id: string; minutesLeft: number; answered: number; total: number } | null;
  dueToday: number;
  lastExam: { score: number; previous: number | null } | null;
  weakest: DrillPick[];
}

/** What a returning learner should see first. `index` may be missing (offline, or not loaded yet). */
export function nextSteps(progress: ProgressData, index: BankIndex | null, now: Date): NextSteps {
  const lessons = Object.entries(progress.lessons) as Array<[string, LessonRecord]>;
  const firstVisit =
    !lessons.length && !Object.keys(progress.answers).length && !Object.keys(progress.exams).length && !Object.keys(progress.reviews).length;
  const last = lessons.sort((a, b) => Date.parse(b[1].at) - Date.parse(a[1].at))[0];
  const open = Object.values(progress.exams)
    .filter((e): e is ExamAttempt => !e.submittedAt)
    .map((e) => ({ e, left: Math.max(0, Date.parse(e.startedAt) + e.durationMinutes * 60_000 - now.getTime()) }))
    .sort((a, b) => Date.parse(b.e.updatedAt) - Date.parse(a.e.updatedAt))[0];
  const active = index ? new Set(index.questions.map((q) => q.id)) : null;
  const trend = index ? examTrend(progress, index.questions).scores : [];
  return {
    firstVisit,
    lastLesson: last ? { path: last[0], title: last[1].title, read: last[1].read } : null,
    unfinishedExam: open
      ? {
          id: open.e.id,
          minutesLeft: Math.ceil(open.left / 60_000),
          answered: Object.values(open.e.answers).filter((a) => a.length > 0).length,
          total: open.e.questionIds.length,
        }
      : null,
    dueToday: countDueToday(progress, now, active ? (id) => active.has(id) : undefined),
    lastExam: trend.length ? { score: trend.at(-1)!.score, previous: trend.length > 1 ? trend.at(-2)!.score : null } : null,
    weakest: index ? drillPriorities(index, progress).slice(0, 3) : [],
  };
}
