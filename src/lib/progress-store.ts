/**
 * The learner's progress (shape, migrations and merging: progress-data.ts), kept in the browser's localStorage
 * under one versioned key.
 *
 * Stored state is untrusted input: it may be corrupt, written by a newer build, or unwritable (quota, private
 * mode, storage disabled). None of these may break a page or lose a record the site has seen:
 * - unreadable data is copied aside under `<key>:corrupt:<time>` before a fresh record starts;
 * - data from a newer version is left untouched and this visit runs in memory;
 * - a failed write keeps everything in memory for the rest of the visit.
 * Each case sets `notice`, a sentence the page shows quietly.
 * Every write first merges what another tab saved meanwhile (newer record wins), so tabs never erase each other.
 */
import {
  CURRENT_VERSION,
  MIGRATIONS,
  emptyProgress,
  mergeProgress,
  parseRecords,
  type AnswerRecord,
  type Migration,
  type ProgressData,
} from './progress-data.ts';

export { CURRENT_VERSION, MIGRATIONS, emptyProgress, type AnswerRecord, type Migration, type ProgressData };

export const PROGRESS_KEY = 'mlpro:progress';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const NOTICES = {
  unavailable: 'Your browser is not letting this site save progress, so answers are kept only until you leave the page.',
  full: 'Your browser storage is full, so new answers are kept only until you leave the page.',
  corrupt: 'Saved progress could not be read. A copy was kept in your browser and a fresh record started.',
  newer: 'Your progress was saved by a newer version of this guide. Reload to get it; until then answers are kept only for this visit.',
} as const;

const MAX_STORED_CHARS = 4_000_000;

export type ParseResult =
  | { kind: 'ok'; data: ProgressData; dropped: number }
  | { kind: 'empty' }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number };

/** Turns a stored (or imported) string into current-version progress, running migrations; never throws. */
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
  if (!data.answers || typeof data.answers !== 'object' || Array.isArray(data.answers)) return { kind: 'corrupt', reason: 'no answers' };
  const { data: parsed, dropped } = parseRecords(data);
  return { kind: 'ok', data: { ...parsed, version: currentVersion }, dropped };
}

export interface ProgressStore {
  /** False when records live only in memory for this visit. */
  readonly persistent: boolean;
  /** A sentence to show the learner when something went wrong with storage, else null. */
  readonly notice: string | null;
  /** A copy of everything saved. */
  snapshot(): ProgressData;
  /** Applies a change on top of the latest saved state (merged from other tabs) and saves it. */
  update(change: (data: ProgressData) => ProgressData): void;
  /** Replaces everything (reset, or an import already merged by the caller). */
  replace(data: ProgressData): void;
  getAnswer(id: string): AnswerRecord | undefined;
  recordAnswer(id: string, selected: number[], correct: boolean, now?: Date): AnswerRecord;
  isTicked(itemId: string): boolean;
  setTicked(itemId: string, ticked: boolean, now?: Date): void;
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

  const keepCopy = (raw: string) => {
    notice = NOTICES.corrupt;
    try {
      storage?.setItem(`${key}:corrupt:${Date.now()}`, raw);
    } catch {
      // A copy that cannot be written is not worth more than the working page.
    }
  };

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

  const update = (change: (current: ProgressData) => ProgressData) => {
    const latest = read();
    if (latest) data = mergeProgress(data, latest);
    data = change(data);
    write();
  };

  return {
    get persistent() {
      return storage !== null;
    },
    get notice() {
      return notice;
    },
    snapshot: () => structuredClone(data),
    update,
    replace(next) {
      data = structuredClone(next);
      write();
    },
    getAnswer: (id) => data.answers[id],
    recordAnswer(id, selected, correct, now = new Date()) {
      let record!: AnswerRecord;
      update((current) => {
        record = {
          selected: [...selected].sort((a, b) => a - b),
          correct,
          answeredAt: now.toISOString(),
          attempts: (current.answers[id]?.attempts ?? 0) + 1,
        };
        return { ...current, answers: { ...current.answers, [id]: record } };
      });
      return record;
    },
    isTicked: (itemId) => data.checklist[itemId]?.ticked === true,
    setTicked(itemId, ticked, now = new Date()) {
      update((current) => ({ ...current, checklist: { ...current.checklist, [itemId]: { ticked, at: now.toISOString() } } }));
    },
  };
}
