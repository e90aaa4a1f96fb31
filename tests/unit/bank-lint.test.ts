import { describe, expect, it } from 'vitest';
import {
  camelCaseSvgAttributes,
  correctPositionSkew,
  legacyInLesson,
  legacyInQuestion,
  nearDuplicateStems,
  similarity,
  type LintQuestion,
} from '../../src/lib/bank-lint.ts';

const q = (id: string, stem: string, correctAt = 0, extra: Partial<LintQuestion> = {}): LintQuestion => ({
  id,
  file: 'content/questions/x.yaml',
  stem,
  explanation: 'Because.',
  options: [0, 1, 2, 3].map((i) => ({ text: `option ${i}`, correct: i === correctAt, why: 'why' })),
  ...extra,
});

describe('nearDuplicateStems', () => {
  it('flags a stem that repeats another with a word changed, not different questions', () => {
    const a = q('a', 'A team trains a gradient boosted model on a large table and wants to log every fold as a child run of one parent.');
    const b = q('b', 'A team trains a random forest model on a large table and wants to log every fold as a child run of one parent.');
    const c = q('c', 'Which evaluator metric does RegressionEvaluator use when metricName is not set?');
    expect(similarity(a.stem, c.stem)).toBeLessThan(0.1);
    const problems = nearDuplicateStems([a, b, c]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/% the same as "b"/);
  });
});

describe('correctPositionSkew', () => {
  it('flags a position holding more than 40 % of correct answers', () => {
    const skewed = Array.from({ length: 10 }, (_, i) => q(`s${i}`, `stem ${i}`, i < 5 ? 0 : i % 4));
    expect(correctPositionSkew(skewed, () => 'file')).toEqual([
      { where: 'file', message: 'option A holds 6 of 10 correct answers (60 %, more than 40 %); move some correct options' },
    ]);
    const even = Array.from({ length: 12 }, (_, i) => q(`e${i}`, `stem ${i}`, i % 4));
    expect(correctPositionSkew(even, () => 'file')).toEqual([]);
  });
});

describe('legacy terms', () => {
  it('allows a legacy API as a wrong option but not as the right answer', () => {
    const distractor = q('d', 'How do you promote?', 0);
    distractor.options = [
      { text: '`set_registered_model_alias`', correct: true, why: 'Aliases are current.' },
      { text: '`transition_model_version_stage`', correct: false, why: 'Stages are legacy.' },
      { text: 'x', correct: false, why: 'x' },
      { text: 'y', correct: false, why: 'y' },
    ];
    expect(legacyInQuestion(distractor)).toEqual([]);
    const taught = q('t', 'How do you promote?', 0, { explanation: 'Call `transition_model_version_stage` to move it.' });
    expect(legacyInQuestion(taught)).toEqual([
      { where: 'content/questions/x.yaml › t › explanation', message: 'uses transition_model_version_stage without saying it is legacy' },
    ]);
  });
  it('in a lesson, needs the legacy label in the same passage', () => {
    const mdx = '---\ntitle: x\n---\nUse `FeatureStoreClient` to write.\n\n:::note[Legacy]\n`FeatureStoreClient` is the legacy client.\n:::\n';
    expect(legacyInLesson('l.mdx', mdx)).toEqual([
      { where: 'l.mdx:4', message: 'uses FeatureStoreClient without saying it is legacy in the same passage' },
    ]);
  });
  it('does not mistake the dev/staging/prod workflow stages for registry stages', () => {
    expect(legacyInLesson('l.mdx', 'The staging stage runs integration tests.\n')).toEqual([]);
    expect(legacyInLesson('l.mdx', 'Load `models:/churn/Production` in the job.\n')).toHaveLength(1);
  });
});

describe('camelCaseSvgAttributes', () => {
  it('names the SVG spelling of a camelCase attribute', () => {
    expect(camelCaseSvgAttributes('d.mdx', '<svg>\n<path strokeWidth="2" stroke-dasharray="3" />')).toEqual([
      { where: 'd.mdx:2', message: 'SVG attribute strokeWidth is ignored in HTML; write stroke-width' },
    ]);
  });
});
