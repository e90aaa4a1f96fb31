/**
 * The learner's progress, kept in the browser's localStorage under one versioned key.
 *
 * Stored shape (version 2):
 *   { "version": 2,
 *     "answers": { "<question id>": { "selected": [1], "correct": true,
 *                                     "answeredAt": "2026-11-26T10:00:00.000Z", "attempts": 2 } },
 *     "checklist": { "<item id>": "2026-11-26T10:00:00.000Z" } }      // ticked items and when
 * Version 1 had no checklist.
 *
 * Stored state is untrusted input: it may be corrupt, written by a newer build, or unwritable (quota, private
 * mode, storage disabled). None of these may break a page or lose an answer the site has seen:
 * - unreadable data is copied aside under `<key>:corrupt:<time>` before a fresh record starts;
 * - data from a newer version is left untouched and this visit runs in memory;
 * - a failed write keeps everything in memory for the rest of the visit.
 * Each case sets `notice`, a sentence the page shows quietly.
 *
 * Migrations: when the shape changes, bump CURRENT_VERSION and add MIGRATIONS[old] that turns a version-`old`
 * object into version `old + 1`. Question ids are stable forever, so answers never need re-keying.
 */

export const PROGRESS_KEY = 'mlpro:progress';
export const CURRENT_VERSION = 2;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface AnswerRecord {
  /** Indexes of the options the learner chose, in stored option order. */
  selected: number[];
  correct: boolean;
  /** ISO timestamp of the latest answer. */
  answeredAt: string;
  /** How many times the learner has checked this question. */
  attempts: number;
}

export interface ProgressData {
  version: number;
  answers: Record<string, AnswerRecord>;
  /** Readiness-checklist items the learner has ticked, with the time they ticked them. */
  checklist: Record<string, string>;
}

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 added the readiness checklist.
  1: (data) => ({ ...data, version: 2, checklist: {} }),
};

export const NOTICES = {
  unavailable: 'Your browser is not letting this site save progress, so answers are kept only until you leave the page.',
  full: 'Your browser storage is full, so new answers are kept only until you leave the page.',
  corrupt: 'Saved progress could not be read. A copy was kept in your browser and a fresh record started.',
  newer: 'Your progress was saved by a newer version of this guide. Reload to get it; until then answers are kept only for this visit.',
} as const;

const MAX_STORED_CHARS = 2_000_000;

export function emptyProgress(): ProgressData {
  return { version: CURRENT_VERSION, answers: {}, checklist: {} };
}

function isAnswerRecord(value: unknown): value is AnswerRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    Array.isArray(r.selected) &&
    r.selected.every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < 10) &&
    typeof r.correct === 'boolean' &&
    typeof r.answeredAt === 'string' &&
    !Number.isNaN(Date.parse(r.answeredAt)) &&
    Number.isInteger(r.attempts) &&
    (r.attempts as number) >= 1
  );
}

export type ParseResult =
  | { kind: 'ok'; data: ProgressData; dropped: number }
  | { kind: 'empty' }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number };

/** Turns the stored string into current-version progress, running migrations; never throws. */
export function parseProgress(
  raw: string | null,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  currentVersion = CURRENT_VERSION,
): ParseResult {
  if (raw === null || raw === '') return { kind: 'empty' };
  if (raw.length > MAX_STORED_CHARS) return { kind: 'corrupt', reason: 'too large' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'corrupt', reason: 'not JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'corrupt', reason: 'not an object' };
  let data = value as Record<string, unknown>;
  if (!Number.isInteger(data.version) || (data.version as number) < 1) return { kind: 'corrupt', reason: 'no version' };
  if ((data.version as number) > currentVersion) return { kind: 'newer', version: data.version as number };
  while ((data.version as number) < currentVersion) {
    const from = data.version as number;
    const migrate = migrations[from];
    if (!migrate) return { kind: 'corrupt', reason: `no migration from version ${from}` };
    try {
      data = migrate(data);
    } catch {
      return { kind: 'corrupt', reason: `migration from version ${from} failed` };
    }
    if (data.version !== from + 1) return { kind: 'corrupt', reason: `migration from version ${from} did not advance` };
  }
  const answers = data.answers;
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return { kind: 'corrupt', reason: 'no answers' };
  const kept: Record<string, AnswerRecord> = {};
  let dropped = 0;
  for (const [id, record] of Object.entries(answers)) {
    if (isAnswerRecord(record)) kept[id] = record;
    else dropped++;
  }
  const checklist: Record<string, string> = {};
  const ticked = data.checklist;
  if (ticked && typeof ticked === 'object' && !Array.isArray(ticked)) {
    for (const [id, at] of Object.entries(ticked)) {
      if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) checklist[id] = at;
      else dropped++;
    }
  } else if (ticked !== undefined) dropped++;
  return { kind: 'ok', data: { version: currentVersion, answers: kept, checklist }, dropped };
}

export interface ProgressStore {
  /** False when answers live only in memory for this visit. */
  readonly persistent: boolean;
  /** A sentence to show the learner when something went wrong with storage, else null. */
  readonly notice: string | null;
  getAnswer(id: string): AnswerRecord | undefined;
  recordAnswer(id: string, selected: number[], correct: boolean, now?: Date): AnswerRecord;
  isTicked(itemId: string): boolean;
  setTicked(itemId: string, ticked: boolean, now?: Date): void;
  snapshot(): ProgressData;
}

/**
 * Opens the store. `getStorage` is a function because merely reading `window.localStorage` throws a
 * SecurityError when storage is disabled.
 */
export function openProgressStore(getStorage: () => StorageLike | null, key = PROGRESS_KEY): ProgressStore {
  let storage: StorageLike | null = null;
  let notice: string | null = null;
  let data = emptyProgress();

  try {
    storage = getStorage();
  } catch {
    storage = null;
  }
  if (!storage) notice = NOTICES.unavailable;

  // Reads the current stored state; returns null (and switches to memory) if it cannot be trusted.
  const read = (): ProgressData | null => {
    if (!storage) return null;
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      storage = null;
      notice = NOTICES.unavailable;
      return null;
    }
    const parsed = parseProgress(raw);
    if (parsed.kind === 'empty') return emptyProgress();
    if (parsed.kind === 'ok') {
      if (parsed.dropped > 0) keepCopy(raw as string);
      return parsed.data;
    }
    if (parsed.kind === 'newer') {
      storage = null; // never overwrite what a newer build wrote
      notice = NOTICES.newer;
      return null;
    }
    keepCopy(raw as string);
    return emptyProgress();
  };

  const keepCopy = (raw: string) => {
    notice = NOTICES.corrupt;
    try {
      storage?.setItem(`${key}:corrupt:${Date.now()}`, raw);
    } catch {
      // A copy that cannot be written is not worth more than the working page.
    }
  };

  const write = () => {
    if (!storage) return;
    try {
      storage.setItem(key, JSON.stringify(data));
    } catch (error) {
      storage = null;
      notice = error instanceof DOMException && /quota/i.test(error.name) ? NOTICES.full : NOTICES.unavailable;
    }
  };

  data = read() ?? data;

  // Before a write, merge in what another tab saved since this page loaded, so neither tab's changes are lost.
  const refresh = () => {
    const latest = read();
    if (latest) {
      data = {
        ...latest,
        answers: { ...data.answers, ...latest.answers },
        checklist: { ...data.checklist, ...latest.checklist },
      };
    }
  };

  return {
    get persistent() {
      return storage !== null;
    },
    get notice() {
      return notice;
    },
    getAnswer: (id) => data.answers[id],
    recordAnswer(id, selected, correct, now = new Date()) {
      refresh();
      const previous = data.answers[id];
      const record: AnswerRecord = {
        selected: [...selected].sort((a, b) => a - b),
        correct,
        answeredAt: now.toISOString(),
        attempts: (previous?.attempts ?? 0) + 1,
      };
      data = { ...data, answers: { ...data.answers, [id]: record } };
      write();
      return record;
    },
    isTicked: (itemId) => itemId in data.checklist,
    setTicked(itemId, ticked, now = new Date()) {
      refresh();
      const checklist = { ...data.checklist };
      if (ticked) checklist[itemId] ??= now.toISOString();
      else delete checklist[itemId];
      data = { ...data, checklist };
      write();
    },
    snapshot: () => structuredClone(data),
  };
}
