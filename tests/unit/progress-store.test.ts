import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  NOTICES,
  PROGRESS_KEY,
  openProgressStore,
  parseProgress,
  type Migration,
  type StorageLike,
} from '../../src/lib/progress-store.ts';

/** An in-memory Storage with switches for the ways real storage fails. */
class FakeStorage implements StorageLike {
  items = new Map<string, string>();
  failWrites: 'quota' | 'security' | null = null;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites === 'quota') throw new DOMException('full', 'QuotaExceededError');
    if (this.failWrites === 'security') throw new DOMException('blocked', 'SecurityError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const at = new Date('2026-11-26T10:00:00.000Z');

describe('progress store', () => {
  it('saves an answer and restores it in a new page load', () => {
    const storage = new FakeStorage();
    const store = openProgressStore(() => storage);
    store.recordAnswer('q-one', [2, 0], false, at);
    const reloaded = openProgressStore(() => storage);
    expect(reloaded.getAnswer('q-one')).toEqual({ selected: [0, 2], correct: false, answeredAt: at.toISOString(), attempts: 1 });
    expect(reloaded.persistent).toBe(true);
    expect(reloaded.notice).toBeNull();
    expect(JSON.parse(storage.items.get(PROGRESS_KEY)!).version).toBe(CURRENT_VERSION);
  });

  it('counts attempts and keeps the latest answer', () => {
    const store = openProgressStore(() => new FakeStorage());
    store.recordAnswer('q', [1], false, at);
    expect(store.recordAnswer('q', [0], true, at)).toMatchObject({ selected: [0], correct: true, attempts: 2 });
  });

  it('keeps answers another tab saved since this page loaded', () => {
    const storage = new FakeStorage();
    const tabA = openProgressStore(() => storage);
    const tabB = openProgressStore(() => storage);
    tabB.recordAnswer('from-b', [1], true, at);
    tabA.recordAnswer('from-a', [0], true, at);
    const after = openProgressStore(() => storage);
    expect(Object.keys(after.snapshot().answers).sort()).toEqual(['from-a', 'from-b']);
  });

  it('copies corrupt data aside, starts fresh and says so', () => {
    const storage = new FakeStorage();
    storage.items.set(PROGRESS_KEY, '{not json');
    const store = openProgressStore(() => storage);
    expect(store.notice).toBe(NOTICES.corrupt);
    expect(store.snapshot().answers).toEqual({});
    const copies = [...storage.items.entries()].filter(([key]) => key.startsWith(`${PROGRESS_KEY}:corrupt:`));
    expect(copies.map(([, value]) => value)).toEqual(['{not json']);
    store.recordAnswer('q', [1], true, at);
    expect(openProgressStore(() => storage).getAnswer('q')?.correct).toBe(true);
  });

  it('drops only the malformed entries and keeps a copy of the original', () => {
    const storage = new FakeStorage();
    const good = { selected: [1], correct: true, answeredAt: at.toISOString(), attempts: 1 };
    storage.items.set(PROGRESS_KEY, JSON.stringify({ version: 3, answers: { good, bad: { selected: 'x' } }, checklist: {} }));
    const store = openProgressStore(() => storage);
    expect(store.snapshot().answers).toEqual({ good });
    expect(store.notice).toBe(NOTICES.corrupt);
    expect([...storage.items.keys()].some((key) => key.startsWith(`${PROGRESS_KEY}:corrupt:`))).toBe(true);
  });

  it('falls back to memory when storage is unavailable', () => {
    const store = openProgressStore(() => {
      throw new DOMException('disabled', 'SecurityError');
    });
    expect(store.persistent).toBe(false);
    expect(store.notice).toBe(NOTICES.unavailable);
    store.recordAnswer('q', [0], true, at);
    expect(store.getAnswer('q')?.correct).toBe(true);
  });

  it('keeps answers in memory when storage is full', () => {
    const storage = new FakeStorage();
    const store = openProgressStore(() => storage);
    storage.failWrites = 'quota';
    store.recordAnswer('q', [3], false, at);
    expect(store.persistent).toBe(false);
    expect(store.notice).toBe(NOTICES.full);
    expect(store.getAnswer('q')?.selected).toEqual([3]);
    store.recordAnswer('r', [1], true, at);
    expect(store.getAnswer('r')?.correct).toBe(true);
  });

  it('never overwrites progress written by a newer version', () => {
    const storage = new FakeStorage();
    const newer = JSON.stringify({ version: 99, answers: {}, somethingNew: true });
    storage.items.set(PROGRESS_KEY, newer);
    const store = openProgressStore(() => storage);
    store.recordAnswer('q', [0], true, at);
    expect(store.notice).toBe(NOTICES.newer);
    expect(store.persistent).toBe(false);
    expect(storage.items.get(PROGRESS_KEY)).toBe(newer);
  });
});

describe('readiness checklist', () => {
  it('keeps ticked items across page loads and forgets unticked ones', () => {
    const storage = new FakeStorage();
    const store = openProgressStore(() => storage);
    store.setTicked('mock-exam-80', true, at);
    store.setTicked('rest-before-exam', true, at);
    store.setTicked('rest-before-exam', false, at);
    const reloaded = openProgressStore(() => storage);
    expect(reloaded.isTicked('mock-exam-80')).toBe(true);
    expect(reloaded.isTicked('rest-before-exam')).toBe(false);
    expect(reloaded.snapshot().checklist).toEqual({
      'mock-exam-80': { ticked: true, at: at.toISOString() },
      'rest-before-exam': { ticked: false, at: at.toISOString() },
    });
  });

  it('merges ticks and answers made in two tabs', () => {
    const storage = new FakeStorage();
    const tabA = openProgressStore(() => storage);
    const tabB = openProgressStore(() => storage);
    tabA.setTicked('a', true, at);
    tabB.recordAnswer('q', [0], true, at);
    const after = openProgressStore(() => storage).snapshot();
    expect(after.checklist).toEqual({ a: { ticked: true, at: at.toISOString() } });
    expect(Object.keys(after.answers)).toEqual(['q']);
  });
});

describe('the real migrations', () => {
  it('keeps every version-1 answer and adds the newer sections', () => {
    const storage = new FakeStorage();
    const answer = { selected: [1], correct: true, answeredAt: at.toISOString(), attempts: 3 };
    storage.items.set(PROGRESS_KEY, JSON.stringify({ version: 1, answers: { q: answer } }));
    const store = openProgressStore(() => storage);
    expect(store.notice).toBeNull();
    expect(store.getAnswer('q')).toEqual(answer);
    store.setTicked('item', true, at);
    expect(JSON.parse(storage.items.get(PROGRESS_KEY)!)).toEqual({
      version: 4,
      answers: { q: answer },
      checklist: { item: { ticked: true, at: at.toISOString() } },
      marks: {},
      reviews: {},
      exams: {},
      lessons: {},
    });
  });

  it('turns version-2 ticks into timestamped records', () => {
    const storage = new FakeStorage();
    storage.items.set(PROGRESS_KEY, JSON.stringify({ version: 2, answers: {}, checklist: { item: at.toISOString() } }));
    expect(openProgressStore(() => storage).snapshot().checklist).toEqual({ item: { ticked: true, at: at.toISOString() } });
  });
});

describe('parseProgress migrations', () => {
  const v1 = JSON.stringify({ version: 1, answers: { q: { chosen: [2], ok: true, when: 1764151200000 } } });
  const migrations: Record<number, Migration> = {
    1: (data) => {
      const answers = data.answers as Record<string, { chosen: number[]; ok: boolean; when: number }>;
      return {
        version: 2,
        answers: Object.fromEntries(
          Object.entries(answers).map(([id, a]) => [
            id,
            { selected: a.chosen, correct: a.ok, answeredAt: new Date(a.when).toISOString(), attempts: 1 },
          ]),
        ),
      };
    },
  };

  it('runs each migration in turn up to the current version', () => {
    const result = parseProgress(v1, migrations, 2);
    expect(result).toEqual({
      kind: 'ok',
      dropped: 0,
      data: {
        version: 2,
        answers: { q: { selected: [2], correct: true, answeredAt: '2025-11-26T10:00:00.000Z', attempts: 1 } },
        checklist: {},
        marks: {},
        reviews: {},
        exams: {},
        lessons: {},
      },
    });
  });

  it('treats a missing or failing migration as corrupt, never as a crash', () => {
    expect(parseProgress(v1, {}, 2)).toEqual({ kind: 'corrupt', reason: 'no migration from version 1' });
    const throwing = { 1: () => { throw new Error('boom'); } };
    expect(parseProgress(v1, throwing, 2)).toEqual({ kind: 'corrupt', reason: 'migration from version 1 failed' });
  });

  it('classifies empty, non-object and unversioned data', () => {
    expect(parseProgress(null)).toEqual({ kind: 'empty' });
    expect(parseProgress('[1,2]')).toEqual({ kind: 'corrupt', reason: 'not an object' });
    expect(parseProgress('{"answers":{}}')).toEqual({ kind: 'corrupt', reason: 'no version' });
    expect(parseProgress('x'.repeat(4_000_001))).toEqual({ kind: 'corrupt', reason: 'too large' });
  });
});
