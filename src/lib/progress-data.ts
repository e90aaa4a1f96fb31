/**
 * The shape of the learner's saved progress, how older shapes migrate to it, how untrusted data is checked,
 * and how two copies merge (two tabs, or an imported file) without losing the newer record of anything.
 *
 * Version 4:
 *   { "version": 4,
 *     "answers":   { "<question id>": { "selected": [1], "correct": true, "answeredAt": "<iso>", "attempts": 2 } },
 *     "checklist": { "<item id>": { "ticked": true, "at": "<iso>" } },
 *     "marks":     { "<question id>": { "flagged": false, "unsure": true, "at": "<iso>" } },
 *     "reviews":   { "<question id>": { …a spaced-repetition card, see ReviewCard…, "updatedAt": "<iso>" } },
 *     "exams":     { "<attempt id>": { …a mock exam attempt, see ExamAttempt…, "updatedAt": "<iso>" } },
 *     "lessons":   { "<page path>": { "title": "…", "read": true, "at": "<iso>" } } }
 * Every record carries a timestamp, so "newer wins" decides each merge; an untick or an unflag is a newer record,
 * never a deletion that a merge could undo.
 *
 * History: version 1 had only answers; version 2 added the checklist as "<item id>": "<iso>" (ticked items only);
 * version 3 added marks, reviews and exams; version 4 added lessons (what was read, for "continue where you left off").
 * To change the shape: bump CURRENT_VERSION, add MIGRATIONS[old], teach `parseRecords` the new fields.
 */

export const CURRENT_VERSION = 4;

export interface AnswerRecord {
  /** Indexes of the options the learner chose, in stored option order. */
  selected: number[];
  correct: boolean;
  answeredAt: string;
  /** How many times the learner has answered this question. */
  attempts: number;
}

export interface ChecklistRecord {
  ticked: boolean;
  at: string;
}

export interface MarkRecord {
  flagged: boolean;
  unsure: boolean;
  at: string;
}

/** A spaced-repetition card (ts-fsrs's Card with ISO dates), owned by src/lib/review-queue.ts. */
export interface ReviewCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview?: string;
  updatedAt: string;
}

/** A mock exam attempt, owned by src/lib/exam-assembly.ts and the mock exam page. */
export interface ExamAttempt {
  id: string;
  seed: number;
  startedAt: string;
  /** Set when the attempt is submitted (by the learner or by the clock). */
  submittedAt?: string;
  durationMinutes: number;
  questionIds: string[];
  /** For each question, the stored option indexes in the order they are shown. */
  optionOrders: number[][];
  /** Chosen stored option indexes per question id. */
  answers: Record<string, number[]>;
  flagged: string[];
  unsure: string[];
  /** The question on screen, so a reload resumes there. */
  current: number;
  updatedAt: string;
}

/** A lesson the learner opened: its title (for "continue reading"), whether it was read to the end, the last visit. */
export interface LessonRecord {
  title: string;
  /** Scrolled to the end, or a self-check answered; once read, a lesson stays read. */
  read: boolean;
  /** The last visit. */
  at: string;
}

export interface ProgressData {
  version: number;
  answers: Record<string, AnswerRecord>;
  checklist: Record<string, ChecklistRecord>;
  marks: Record<string, MarkRecord>;
  reviews: Record<string, ReviewCard>;
  exams: Record<string, ExamAttempt>;
  lessons: Record<string, LessonRecord>;
}

export function emptyProgress(): ProgressData {
  return { version: CURRENT_VERSION, answers: {}, checklist: {}, marks: {}, reviews: {}, exams: {}, lessons: {} };
}

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 added the readiness checklist.
  1: (data) => ({ ...data, version: 2, checklist: {} }),
  // Version 3 timestamps checklist records (so unticking survives a merge) and adds marks, reviews and exams.
  2: (data) => ({
    ...data,
    version: 3,
    checklist: Object.fromEntries(
      Object.entries((data.checklist as Record<string, unknown>) ?? {}).map(([id, at]) => [id, { ticked: true, at }]),
    ),
    marks: {},
    reviews: {},
    exams: {},
  }),
  // Version 4 remembers the lessons read.
  3: (data) => ({ ...data, version: 4, lessons: {} }),
};

const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isIndexList = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0 && n < 10);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

export const GUARDS = {
  answers: (r: Record<string, unknown>) =>
    isIndexList(r.selected) && typeof r.correct === 'boolean' && isDate(r.answeredAt) && Number.isInteger(r.attempts) && (r.attempts as number) >= 1,
  checklist: (r: Record<string, unknown>) => typeof r.ticked === 'boolean' && isDate(r.at),
  marks: (r: Record<string, unknown>) => typeof r.flagged === 'boolean' && typeof r.unsure === 'boolean' && isDate(r.at),
  reviews: (r: Record<string, unknown>) =>
    isDate(r.due) &&
    ['stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state'].every((k) => isNumber(r[k])) &&
    (r.lastReview === undefined || isDate(r.lastReview)) &&
    isDate(r.updatedAt),
  exams: (r: Record<string, unknown>) =>
    typeof r.id === 'string' &&
    isNumber(r.seed) &&
    isDate(r.startedAt) &&
    (r.submittedAt === undefined || isDate(r.submittedAt)) &&
    isNumber(r.durationMinutes) &&
    isStringList(r.questionIds) &&
    Array.isArray(r.optionOrders) &&
    r.optionOrders.every(isIndexList) &&
    (r.optionOrders as unknown[]).length === (r.questionIds as unknown[]).length &&
    isObject(r.answers) &&
    Object.values(r.answers).every(isIndexList) &&
    isStringList(r.flagged) &&
    isStringList(r.unsure) &&
    Number.isInteger(r.current) &&
    isDate(r.updatedAt),
  lessons: (r: Record<string, unknown>) => typeof r.title === 'string' && r.title.length <= 300 && typeof r.read === 'boolean' && isDate(r.at),
} as const;

export type Section = keyof typeof GUARDS;
export const SECTIONS = Object.keys(GUARDS) as Section[];

/** When a record last changed, for "newer wins". */
export function recordTime(section: Section, record: Record<string, unknown>): number {
  const field = { answers: 'answeredAt', checklist: 'at', marks: 'at', reviews: 'updatedAt', exams: 'updatedAt', lessons: 'at' }[section];
  return Date.parse(record[field] as string);
}

/**
 * Keeps the valid records of each section of current-version data; counts the records dropped as malformed.
 * A missing section is an empty one.
 */
export function parseRecords(data: Record<string, unknown>): { data: ProgressData; dropped: number } {
  const out = emptyProgress();
  let dropped = 0;
  for (const section of SECTIONS) {
    const records = data[section];
    if (records === undefined) continue;
    if (!isObject(records)) {
      dropped++;
      continue;
    }
    for (const [id, record] of Object.entries(records)) {
      if (isObject(record) && GUARDS[section](record)) (out[section] as Record<string, unknown>)[id] = record;
      else dropped++;
    }
  }
  return { data: out, dropped };
}

/** Merges two copies record by record; where both have a record, the newer one wins (ties keep `a`). */
export function mergeProgress(a: ProgressData, b: ProgressData): ProgressData {
  const out = emptyProgress();
  for (const section of SECTIONS) {
    const merged: Record<string, unknown> = { ...a[section] };
    for (const [id, record] of Object.entries(b[section])) {
      const mine = merged[id] as Record<string, unknown> | undefined;
      if (!mine || recordTime(section, record as unknown as Record<string, unknown>) > recordTime(section, mine)) merged[id] = record;
    }
    (out as unknown as Record<string, unknown>)[section] = merged;
  }
  return out;
}
