import { describe, expect, it } from 'vitest';
import { emptyProgress, mergeProgress, parseRecords } from '../../src/lib/progress-data.ts';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 26, 10, minute)).toISOString();

describe('mergeProgress', () => {
  it('keeps the newer record of each item and everything only one side has', () => {
    const a = emptyProgress();
    const b = emptyProgress();
    a.answers.q1 = { selected: [0], correct: false, answeredAt: t(1), attempts: 1 };
    b.answers.q1 = { selected: [2], correct: true, answeredAt: t(5), attempts: 2 };
    a.answers.onlyA = { selected: [1], correct: true, answeredAt: t(1), attempts: 1 };
    b.checklist.item = { ticked: false, at: t(9) };
    a.checklist.item = { ticked: true, at: t(3) };
    const merged = mergeProgress(a, b);
    expect(merged.answers.q1!.correct).toBe(true);
    expect(merged.answers.onlyA).toBeDefined();
    // An untick made later wins over an older tick: unticking is a record, not a deletion.
    expect(merged.checklist.item).toEqual({ ticked: false, at: t(9) });
  });

  it('never lets an older import overwrite newer local progress', () => {
    const local = emptyProgress();
    local.answers.q = { selected: [1], correct: true, answeredAt: t(30), attempts: 4 };
    const imported = emptyProgress();
    imported.answers.q = { selected: [0], correct: false, answeredAt: t(10), attempts: 1 };
    expect(mergeProgress(local, imported).answers.q!.attempts).toBe(4);
  });
});

describe('parseRecords', () => {
  it('keeps valid records, drops malformed ones and counts them', () => {
    const { data, dropped } = parseRecords({
      answers: { ok: { selected: [1], correct: true, answeredAt: t(1), attempts: 1 }, bad: { selected: [1] } },
      marks: { q: { flagged: true, unsure: false, at: t(2) } },
      exams: 'nonsense',
    });
    expect(Object.keys(data.answers)).toEqual(['ok']);
    expect(data.marks.q!.flagged).toBe(true);
    expect(data.exams).toEqual({});
    expect(dropped).toBe(2);
  });
});
