import { describe, expect, it } from 'vitest';
import {
  cueFigures,
  cueThresholdProblems,
  hasUnemphasisedNegative,
  itemWritingProblems,
  questionCues,
  type CueQuestion,
} from '../../src/lib/bank-cues.ts';

/** A single-answer question with these option texts; the first is the key unless `keyAt` says otherwise. */
const question = (id: string, stem: string, texts: string[], keyAt = 0): CueQuestion => ({
  id,
  file: 'content/questions/x.yaml',
  type: 'single',
  stem,
  explanation: 'Because.',
  options: texts.map((text, i) => ({ text, correct: i === keyAt, why: 'why' })),
});

const STEM = 'A team logs each fold of a cross-validation as a run. Which call groups the folds under one parent run?';
/** Four options of equal length whose words are not in the stem: no cue at all. */
const neutral = (id: string, keyAt = 0) =>
  question(id, STEM, ['`call_a(x)` alpha', '`call_b(x)` bravo', '`call_c(x)` delta', '`call_d(x)` omega'], keyAt);
/** The key carries a long justification the distractors lack. */
const longKey = (id: string) =>
  question(id, STEM, ['`mlflow.start_run(nested=True)` inside the parent run, which makes each fold a child run of it', '`mlflow.set_tag()`', '`mlflow.log_param()`', '`mlflow.autolog()`']);

describe('key length', () => {
  it('flags a key that is the strictly longest and more than 1.5× the mean distractor', () => {
    const cues = questionCues(longKey('long'));
    expect(cues.longestKey).toBe(true);
    expect(cues.shortestKey).toBe(false);
    expect(cues.lengthRatio).toBeGreaterThan(1.5);
    expect(cues.scores.longest).toBe(1);
  });

  it('flags the over-correction: a key that is the strictly shortest', () => {
    const cues = questionCues(question('short', STEM, ['`start_run`', '`mlflow.set_tag("parent", run_id)` per fold', '`mlflow.log_param("fold", n)` per fold', '`mlflow.autolog(log_models=False)` once']));
    expect(cues.shortestKey).toBe(true);
    expect(cues.lengthRatio).toBeLessThan(1 / 1.5);
  });

  it('fails the bank when more than 30 % of keys are the longest, naming the worst question first', () => {
    const bank = [longKey('worst'), ...Array.from({ length: 3 }, (_, i) => longKey(`l${i}`)), ...Array.from({ length: 6 }, (_, i) => neutral(`n${i}`))];
    bank[0]!.options[0]!.text += ' and more words that make it the worst offender';
    const { figures, cues } = cueFigures(bank);
    expect(figures.longestKeyShare).toBeCloseTo(0.4);
    const problems = cueThresholdProblems(figures, cues);
    const longest = problems.find((p) => p.message.startsWith('the key is the strictly longest option'));
    expect(longest?.message).toMatch(/40\.0 % \(limit 30\.0 %\)\. Worst:\n\s+content\/questions\/x\.yaml › worst/);
  });

  it('passes a bank whose keys are the longest about one time in four', () => {
    const bank = Array.from({ length: 8 }, (_, i) => neutral(`n${i}`, i % 4));
    const { figures, cues } = cueFigures(bank);
    expect(figures.longestKeyShare).toBe(0);
    expect(figures.strategyScores.longest).toBeCloseTo(0.25);
    expect(cueThresholdProblems(figures, cues)).toEqual([]);
  });
});

describe('the over-correction: keys that are never the extremes', () => {
  /** The key is always the second longest: a learner who skips the longest and the shortest option finds it. */
  const middle = (id: string) =>
    question(id, STEM, ['`call_bb(x)` alpha', '`call_aaa(x)` bravo', '`call_c(x)` delta', '`call_d(x)` omeg'], 0);

  it('flags "neither the longest nor the shortest" and "not the longest" beating chance', () => {
    const cues = questionCues(middle('m'));
    expect(cues.longestKey).toBe(false);
    expect(cues.shortestKey).toBe(false);
    expect(cues.scores.avoidExtremes).toBe(0.5);
    expect(cues.scores.avoidLongest).toBeCloseTo(1 / 3);
    const bank = Array.from({ length: 8 }, (_, i) => middle(`m${i}`));
    const messages = cueThresholdProblems(cueFigures(bank).figures, cueFigures(bank).cues).map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/^avoiding the longest and the shortest option beats chance by: 25\.0 %/));
    expect(messages).toContainEqual(expect.stringMatching(/^avoiding the longest option beats chance by: 8\.3 %/));
  });

  it('passes when the key is the longest, the shortest and in between about as often as any option', () => {
    const bank = Array.from({ length: 8 }, (_, i) => neutral(`n${i}`, i % 4));
    const { figures, cues } = cueFigures(bank);
    expect(figures.strategyScores.avoidExtremes).toBeCloseTo(0.25);
    expect(cueThresholdProblems(figures, cues)).toEqual([]);
  });
});

describe('stem overlap', () => {
  it('flags a key that is the only option repeating the stem', () => {
    const q = question('overlap', STEM, ['group folds under parent cross-validation', 'write a Delta table', 'set a registry alias', 'tune with Optuna now'], 0);
    expect(questionCues(q).stemOverlapKey).toBe(true);
    const bank = [q, question('o2', STEM, ['parent run groups folds', 'a Delta table', 'an alias', 'a trial'])];
    const { figures, cues } = cueFigures(bank);
    expect(cueThresholdProblems(figures, cues).some((p) => p.message.startsWith('the key shares the most words with the stem'))).toBe(true);
  });
});

describe('absolute words and hedges', () => {
  const absolutes = (id: string) =>
    question(id, STEM, ['`start_run(nested=True)` alpha', '`set_tag` always works here', '`log_param` must be used', '`autolog` never fails you']);
  const hedged = (id: string) =>
    question(id, STEM, ['`start_run(nested=True)` usually', '`set_tag(parent, x)` bravo', '`log_param(fold, n)` delta', '`autolog(silent=1)` omega']);

  it('scores the "avoid absolutes" strategy above chance when only distractors are absolute', () => {
    const cues = questionCues(absolutes('abs'));
    expect(cues.absolutesOnlyInDistractors).toBe(true);
    expect(cues.scores.avoidAbsolutes).toBe(1);
    const { figures, cues: all } = cueFigures([absolutes('a1'), neutral('n1')]);
    expect(cueThresholdProblems(figures, all).map((p) => p.message)).toContainEqual(expect.stringMatching(/^avoiding options with absolute words beats chance by: 37\.5 %/));
  });

  it('scores the "prefer hedges" strategy above chance when only the key hedges', () => {
    const cues = questionCues(hedged('hedge'));
    expect(cues.hedgeOnlyInKey).toBe(true);
    const { figures, cues: all } = cueFigures([hedged('h1'), hedged('h2')]);
    expect(cueThresholdProblems(figures, all).map((p) => p.message)).toContainEqual(expect.stringMatching(/^preferring options with hedges beats chance/));
  });

  it('flags the mirror cues: absolutes only in the key, hedges only in distractors', () => {
    const absoluteKey = (id: string) => question(id, STEM, ['`call_a(x)` always', '`call_b(x)` bravo', '`call_c(x)` delta', '`call_d(x)` omega']);
    const hedgedDistractors = (id: string) => question(id, STEM, ['`call_a(x)` alpha', '`call_b(x)` may do', '`call_c(x)` can do', '`call_d(x)` often']);
    const bank = [absoluteKey('x1'), absoluteKey('x2'), hedgedDistractors('h1'), hedgedDistractors('h2')];
    const messages = cueThresholdProblems(cueFigures(bank).figures, cueFigures(bank).cues).map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/^preferring options with absolute words beats chance/));
    expect(messages).toContainEqual(expect.stringMatching(/^avoiding options with hedges beats chance/));
  });

  it('gives no advantage when absolutes fall on the key as often as on a distractor', () => {
    const q = question('even', STEM, ['`start_run(nested=True)` always', '`set_tag` always works', '`log_param` is fine', '`autolog` is fine']);
    expect(questionCues(q).scores.avoidAbsolutes).toBe(0);
  });
});

describe('item-writing rules', () => {
  it('requires an emphasised negative in a negative question, and ignores negatives inside a clause', () => {
    expect(hasUnemphasisedNegative('Which of these is not a valid alias name?')).toBe(true);
    expect(hasUnemphasisedNegative('Which of these is **NOT** a valid alias name?')).toBe(false);
    expect(hasUnemphasisedNegative('All of these log a model EXCEPT which one?')).toBe(true);
    expect(hasUnemphasisedNegative('All of these log a model **EXCEPT** which one?')).toBe(false);
    expect(hasUnemphasisedNegative('Which call raises when the challenger does not qualify?')).toBe(false);
    expect(hasUnemphasisedNegative('Which permission follows least privilege?')).toBe(false);
    const q = question('neg', 'A team registers models. Which name is not allowed?', ['a', 'b', 'c', 'd']);
    expect(itemWritingProblems(q)).toEqual([
      { where: 'content/questions/x.yaml › neg', message: expect.stringMatching(/negative word is not emphasised/) },
    ]);
  });

  it('rejects "all of the above" and "none of the above"', () => {
    const q = question('aota', STEM, ['`start_run(nested=True)`', '`set_tag()`', 'None of the above', 'All of the above']);
    expect(itemWritingProblems(q).map((p) => p.where)).toEqual(['content/questions/x.yaml › aota › options[2]', 'content/questions/x.yaml › aota › options[3]']);
  });
});

describe('multiple-answer questions', () => {
  it('reports how much longer correct options are than wrong ones', () => {
    const q: CueQuestion = { ...longKey('m'), type: 'multiple' };
    q.options[1]!.correct = true;
    const { figures } = cueFigures([q]);
    expect(figures.singleQuestions).toBe(0);
    expect(figures.multipleQuestions).toBe(1);
    expect(figures.multipleCorrectLengthRatio).toBeGreaterThan(2);
  });
});
