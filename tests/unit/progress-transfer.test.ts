import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, emptyProgress, recordTime, SECTIONS, type ProgressData } from '../../src/lib/progress-data.ts';
import {
  EXPORT_FORMAT,
  MAX_IMPORT_BYTES,
  checkImportSize,
  countRecords,
  describeMerge,
  exportFileName,
  exportProgress,
  mergeImport,
  readImport,
} from '../../src/lib/progress-transfer.ts';

/** mulberry32: a tiny seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random but valid v3 progress, over a small id space so two generated copies overlap. */
function generate(seed: number): ProgressData {
  const r = random(seed);
  const int = (n: number) => Math.floor(r() * n);
  const date = () => new Date(Date.UTC(2026, int(12), 1 + int(28), int(24), int(60), int(60), int(1000))).toISOString();
  const ids = (n: number) => [...new Set(Array.from({ length: int(n) }, () => `q-${int(40)}`))];
  const indexes = () => [...new Set(Array.from({ length: 1 + int(3) }, () => int(5)))].sort();
  const data = emptyProgress();
  for (const id of ids(30)) data.answers[id] = { selected: indexes(), correct: r() < 0.5, answeredAt: date(), attempts: 1 + int(5) };
  for (const id of ids(6)) data.checklist[`item-${id}`] = { ticked: r() < 0.7, at: date() };
  for (const id of ids(10)) data.marks[id] = { flagged: r() < 0.5, unsure: r() < 0.5, at: date() };
  for (const id of ids(10)) {
    data.reviews[id] = {
      due: date(),
      stability: r() * 30,
      difficulty: 1 + r() * 9,
      elapsedDays: int(20),
      scheduledDays: int(40),
      learningSteps: int(3),
      reps: int(10),
      lapses: int(4),
      state: int(4),
      ...(r() < 0.5 ? { lastReview: date() } : {}),
      updatedAt: date(),
    };
  }
  for (let i = int(3); i > 0; i--) {
    const id = `exam-${int(5)}`;
    const questionIds = ids(12);
    data.exams[id] = {
      id,
      seed: int(2 ** 31),
      startedAt: date(),
      ...(r() < 0.7 ? { submittedAt: date() } : {}),
      durationMinutes: 120,
      questionIds,
      optionOrders: questionIds.map(() => [3, 1, 0, 2]),
      answers: Object.fromEntries(questionIds.filter(() => r() < 0.8).map((q) => [q, indexes()])),
      flagged: questionIds.filter(() => r() < 0.1),
      unsure: questionIds.filter(() => r() < 0.1),
      current: int(questionIds.length + 1),
      updatedAt: date(),
    };
  }
  return data;
}

const now = new Date(2026, 10, 27, 12, 30);
const file = (extra: Record<string, unknown>) => JSON.stringify({ format: EXPORT_FORMAT, version: CURRENT_VERSION, exportedAt: now.toISOString(), ...extra });
const t = (minute: number) => new Date(Date.UTC(2026, 10, 26, 10, minute)).toISOString();

describe('export', () => {
  it('writes the documented envelope and a dated file name', () => {
    const data = generate(1);
    const parsed = JSON.parse(exportProgress(data, now));
    expect(parsed).toEqual({ format: 'ml-pro-study-guide/progress', version: CURRENT_VERSION, exportedAt: now.toISOString(), progress: data });
    expect(exportFileName(now)).toBe('ml-pro-progress-2026-11-27.json');
  });

  it('round-trips losslessly: export → import gives back exactly the same progress (200 seeded cases)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const data = generate(seed);
      const result = readImport(exportProgress(data, now));
      if (!result.ok) throw new Error(`seed ${seed}: ${result.reason}`);
      expect(result.dropped, `seed ${seed}`).toBe(0);
      expect(result.data, `seed ${seed}`).toEqual(data);
      expect(result.exportedAt).toBe(now.toISOString());
      // Importing into an empty browser restores everything; importing into itself changes nothing.
      expect(mergeImport(emptyProgress(), result.data).data, `seed ${seed}`).toEqual(data);
      const again = mergeImport(data, result.data);
      expect(again.data).toEqual(data);
      expect(describeMerge(again)).toMatch(/^Nothing new to import/);
    }
  });
});

describe('import rejects what it cannot use, with a reason, and changes nothing', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['broken JSON', '{"format": "ml-pro-study-guide/progress", "version": 3, "progr', /not valid JSON/],
    ['an empty file', '  \n', /empty/],
    ['foreign JSON', JSON.stringify({ name: 'my-package', version: '1.0.0' }), /not a progress export from this guide/],
    ['a JSON array', '[1, 2, 3]', /not a progress export/],
    ['raw stored progress without the envelope', JSON.stringify(emptyProgress()), /not a progress export/],
    ['a newer version', file({ version: CURRENT_VERSION + 1, progress: { ...emptyProgress(), version: CURRENT_VERSION + 1 } }), /newer version of this guide.*Reload/],
    ['no version', file({ version: 'three', progress: emptyProgress() }), /no valid version/],
    ['no progress', file({ progress: null }), /damaged/],
    ['mismatched versions', file({ version: 2, progress: emptyProgress() }), /does not match its version/],
    ['progress without answers', file({ progress: { version: CURRENT_VERSION } }), /damaged \(no answers\)/],
  ];
  for (const [name, text, reason] of cases) {
    it(name, () => {
      const result = readImport(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toMatch(reason);
        expect(result.reason).toMatch(/Nothing was changed\.$/);
      }
    });
  }

  it('a file that is too large, before and after reading', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)).toMatch(/was not read\. Nothing was changed\.$/);
    expect(checkImportSize(10_000)).toBeNull();
    const result = readImport(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(result.ok).toBe(false);
  });
});

describe('import of older versions and damaged records', () => {
  it('migrates an older export exactly as stored progress is migrated', () => {
    const v2 = { version: 2, answers: { q1: { selected: [1], correct: true, answeredAt: t(1), attempts: 1 } }, checklist: { study: t(2) } };
    const result = readImport(file({ version: 2, progress: v2 }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.version).toBe(CURRENT_VERSION);
    expect(result.data.answers.q1!.correct).toBe(true);
    expect(result.data.checklist.study).toEqual({ ticked: true, at: t(2) });
    expect(result.data.exams).toEqual({});
  });

  it('reads a file that an editor saved with a byte-order mark', () => {
    const data = generate(7);
    const result = readImport(`\uFEFF${exportProgress(data, now)}`);
    expect(result.ok && result.data).toEqual(data);
  });

  it('skips malformed records, keeps the rest, and says how many were skipped', () => {
    const progress = { ...emptyProgress(), answers: { ok: { selected: [0], correct: true, answeredAt: t(1), attempts: 1 }, bad: { selected: 'x' } } };
    const result = readImport(file({ progress }));
    if (!result.ok) throw new Error(result.reason);
    expect(Object.keys(result.data.answers)).toEqual(['ok']);
    expect(result.dropped).toBe(1);
    expect(describeMerge(mergeImport(emptyProgress(), result.data), result.dropped)).toBe('Imported: added 1 answer. 1 damaged record was skipped.');
  });
});

describe('merging an import', () => {
  it('keeps the newer record on either side and says what was added and updated', () => {
    const local = emptyProgress();
    local.answers.mineNewer = { selected: [1], correct: true, answeredAt: t(30), attempts: 3 };
    local.answers.fileNewer = { selected: [0], correct: false, answeredAt: t(1), attempts: 1 };
    const imported = emptyProgress();
    imported.answers.mineNewer = { selected: [0], correct: false, answeredAt: t(10), attempts: 1 };
    imported.answers.fileNewer = { selected: [2], correct: true, answeredAt: t(20), attempts: 2 };
    imported.answers.onlyInFile = { selected: [2], correct: true, answeredAt: t(20), attempts: 1 };
    imported.checklist.item = { ticked: false, at: t(40) };
    const outcome = mergeImport(local, imported);
    expect(outcome.data.answers.mineNewer!.attempts).toBe(3);
    expect(outcome.data.answers.fileNewer!.correct).toBe(true);
    expect(outcome.data.answers.onlyInFile).toBeDefined();
    expect(outcome.added).toMatchObject({ answers: 1, checklist: 1 });
    expect(outcome.updated).toMatchObject({ answers: 1 });
    expect(outcome.kept).toBe(1);
    expect(describeMerge(outcome)).toBe(
      'Imported: added 1 answer, 1 checklist item; updated 1 answer with newer ones from the file. 1 record in the file was no newer than yours, so yours was kept.',
    );
  });

  it('never loses the newer side of any record (property over 100 seeded pairs)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const local = generate(seed);
      const imported = generate(seed + 1000);
      const { data, added, updated, kept } = mergeImport(local, imported);
      for (const section of SECTIONS) {
        const merged = data[section] as unknown as Record<string, Record<string, unknown>>;
        const mine = local[section] as unknown as Record<string, Record<string, unknown>>;
        const theirs = imported[section] as unknown as Record<string, Record<string, unknown>>;
        expect(Object.keys(merged).sort(), `seed ${seed} ${section}`).toEqual([...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort());
        for (const [id, record] of Object.entries(merged)) {
          const newest = Math.max(...[mine[id], theirs[id]].filter(Boolean).map((r) => recordTime(section, r!)));
          expect(recordTime(section, record), `seed ${seed} ${section} ${id}`).toBe(newest);
        }
      }
      const fileRecords = SECTIONS.reduce((sum, s) => sum + countRecords(imported)[s], 0);
      const changed = SECTIONS.reduce((sum, s) => sum + added[s] + updated[s], 0);
      expect(changed + kept).toBe(fileRecords);
    }
  });
});
