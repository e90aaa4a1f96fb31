/**
 * Moving progress between browsers: an export file, reading one back (validated like stored progress, through the
 * same migrations), and merging it into what is saved so that the newer record of everything wins.
 *
 * The file:
 *   { "format": "ml-pro-study-guide/progress", "version": 3, "exportedAt": "<iso>", "progress": { …ProgressData… } }
 * A file that cannot be used changes nothing; the reason is a sentence the page can show as it is.
 */
import { CURRENT_VERSION, mergeProgress, recordTime, SECTIONS, type ProgressData, type Section } from './progress-data.ts';
import { parseProgress } from './progress-store.ts';

export const EXPORT_FORMAT = 'ml-pro-study-guide/progress';
/** Far above any real export (about 250 bytes an answer); stops a wrong file from freezing the page. */
export const MAX_IMPORT_BYTES = 4_000_000;

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  progress: ProgressData;
}

export function exportProgress(data: ProgressData, now = new Date()): string {
  const file: ProgressExport = { format: EXPORT_FORMAT, version: CURRENT_VERSION, exportedAt: now.toISOString(), progress: data };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** ml-pro-progress-YYYY-MM-DD.json, in the learner's own calendar. */
export function exportFileName(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `ml-pro-progress-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.json`;
}

export type ImportResult =
  | { ok: true; data: ProgressData; dropped: number; exportedAt: string | null }
  | { ok: false; reason: string };

const UNCHANGED = 'Nothing was changed.';
const tooLarge = (bytes: number) =>
  `That file is ${(bytes / 1e6).toFixed(1)} MB, far more than a progress export from this guide, so it was not read. ${UNCHANGED}`;

/** For the page to call before reading a file at all. */
export function checkImportSize(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? tooLarge(bytes) : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Reads an export file's text; on success the progress is at the current version with malformed records dropped. */
export function readImport(raw: string, currentVersion = CURRENT_VERSION): ImportResult {
  // A byte-order mark, as some editors save one, is not part of the JSON.
  const text = raw.replace(/^\uFEFF/, '');
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: tooLarge(text.length) };
  if (text.trim() === '') return { ok: false, reason: `That file is empty. ${UNCHANGED}` };
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, reason: `That file is not valid JSON: it may be damaged or cut short. ${UNCHANGED}` };
  }
  if (!isObject(file) || file.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      reason: `That file is not a progress export from this guide (its "format" should be "${EXPORT_FORMAT}"). ${UNCHANGED}`,
    };
  }
  const version = file.version;
  if (!Number.isInteger(version) || (version as number) < 1) {
    return { ok: false, reason: `That progress export is damaged: it has no valid version number. ${UNCHANGED}` };
  }
  if ((version as number) > currentVersion) {
    return {
      ok: false,
      reason: `That file was exported by a newer version of this guide (format ${version as number}; this page reads up to ${currentVersion}). Reload this page to get the newest version, then import again. ${UNCHANGED}`,
    };
  }
  if (!isObject(file.progress) || file.progress.version !== version) {
    return { ok: false, reason: `That progress export is damaged: its progress is missing or does not match its version. ${UNCHANGED}` };
  }
  // The same path as stored progress: migrations for older versions, then record-by-record validation.
  const parsed = parseProgress(JSON.stringify(file.progress), undefined, currentVersion);
  if (parsed.kind !== 'ok') {
    const why = parsed.kind === 'corrupt' ? parsed.reason : parsed.kind === 'newer' ? `version ${parsed.version}` : 'empty';
    return { ok: false, reason: `That progress export is damaged (${why}). ${UNCHANGED}` };
  }
  const exportedAt = typeof file.exportedAt === 'string' && !Number.isNaN(Date.parse(file.exportedAt)) ? file.exportedAt : null;
  return { ok: true, data: parsed.data, dropped: parsed.dropped, exportedAt };
}

export type SectionCounts = Record<Section, number>;

export interface MergeOutcome {
  data: ProgressData;
  /** Records only the file had. */
  added: SectionCounts;
  /** Records the file had newer than this browser's. */
  updated: SectionCounts;
  /** Records in the file no newer than this browser's, which were kept. */
  kept: number;
}

/** A section's records as plain objects, for code that treats every section alike. */
const records = (data: ProgressData, section: Section) => data[section] as unknown as Record<string, Record<string, unknown>>;

const zero = (): SectionCounts => ({ answers: 0, checklist: 0, marks: 0, reviews: 0, exams: 0, lessons: 0 });

/** Merges an imported copy into local progress (mergeProgress: newer record wins) and counts what changed. */
export function mergeImport(local: ProgressData, imported: ProgressData): MergeOutcome {
  const added = zero();
  const updated = zero();
  let kept = 0;
  for (const section of SECTIONS) {
    const mine = records(local, section);
    for (const [id, record] of Object.entries(records(imported, section))) {
      if (!mine[id]) added[section]++;
      else if (recordTime(section, record) > recordTime(section, mine[id])) updated[section]++;
      else kept++;
    }
  }
  return { data: mergeProgress(local, imported), added, updated, kept };
}

const NOUNS: Readonly<Record<Section, [string, string]>> = {
  answers: ['answer', 'answers'],
  checklist: ['checklist item', 'checklist items'],
  marks: ['question flag', 'question flags'],
  reviews: ['review card', 'review cards'],
  exams: ['mock exam', 'mock exams'],
  lessons: ['lesson visit', 'lesson visits'],
};

const count = (n: number, section: Section) => `${n} ${NOUNS[section][n === 1 ? 0 : 1]}`;

/** "12 answers, 1 mock exam" (sections with none left out), or "nothing". */
export function describeCounts(counts: SectionCounts): string {
  const parts = SECTIONS.filter((s) => counts[s] > 0).map((s) => count(counts[s], s));
  return parts.length ? parts.join(', ') : 'nothing';
}

export function countRecords(data: ProgressData): SectionCounts {
  const counts = zero();
  for (const section of SECTIONS) counts[section] = Object.keys(data[section]).length;
  return counts;
}

const total = (counts: SectionCounts) => SECTIONS.reduce((sum, s) => sum + counts[s], 0);

/** The sentence the page says after an import. */
export function describeMerge(outcome: MergeOutcome, dropped = 0): string {
  const skipped = dropped ? ` ${dropped} damaged ${dropped === 1 ? 'record was' : 'records were'} skipped.` : '';
  if (total(outcome.added) + total(outcome.updated) === 0) {
    const what = outcome.kept ? 'everything in the file is already here or older than what is here' : 'the file holds no progress';
    return `Nothing new to import: ${what}. Nothing was changed.${skipped}`;
  }
  const parts = [];
  if (total(outcome.added)) parts.push(`added ${describeCounts(outcome.added)}`);
  if (total(outcome.updated)) parts.push(`updated ${describeCounts(outcome.updated)} with newer ones from the file`);
  const kept = outcome.kept
    ? ` ${outcome.kept} ${outcome.kept === 1 ? 'record' : 'records'} in the file ${outcome.kept === 1 ? 'was' : 'were'} no newer than yours, so yours ${outcome.kept === 1 ? 'was' : 'were'} kept.`
    : '';
  return `Imported: ${parts.join('; ')}.${kept}${skipped}`;
}
