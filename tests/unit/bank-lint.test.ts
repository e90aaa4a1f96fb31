import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  camelCaseSvgAttributes,
  correctPositionSkew,
  currentNameMissing,
  legacyInLesson,
  legacyInQuestion,
  markdownLinks,
  nearDuplicateStems,
  oldPageReferences,
  scenarioShare,
  similarity,
  starlightComponentImports,
  type LintQuestion,
} from '../../src/lib/bank-lint.ts';
import { lintTerms, parseTerminology } from '../../src/lib/terminology.ts';

// The lint's legacy terms are the project's own terminology map: these tests also pin what that map must catch.
const { entries, errors } = parseTerminology({ path: 'content/terminology.yaml', text: readFileSync('content/terminology.yaml', 'utf8') });
const terms = lintTerms(entries);

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

describe('scenarioShare', () => {
  it('flags an exam objective with under 30 % difficulty-3 questions, not a foundation topic', () => {
    const mix = (objective: number | string, hard: number, total: number) =>
      Array.from({ length: total }, (_, i) => q(`${objective}-${i}`, 'stem', 0, { objective, difficulty: i < hard ? 3 : 2 }));
    expect(scenarioShare([...mix(34, 3, 10), ...mix(12, 2, 10), ...mix('spark', 0, 10)])).toEqual([
      { where: 'objective 12', message: '2 of its 10 questions are difficulty 3 (20 %, under 30 %); make a scenario of one more' },
    ]);
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
    expect(errors).toEqual([]);
    expect(legacyInQuestion(distractor, terms)).toEqual([]);
    const taught = q('t', 'How do you promote?', 0, { explanation: 'Call `transition_model_version_stage` to move it.' });
    expect(legacyInQuestion(taught, terms)).toEqual([
      { where: 'content/questions/x.yaml › t › explanation', message: expect.stringMatching(/^uses .*stage.* without saying it is legacy$/i) },
    ]);
  });
  it('in a lesson, needs the legacy label in the same passage', () => {
    const mdx = '---\ntitle: x\n---\nUse `FeatureStoreClient` to write.\n\n:::note[Legacy]\n`FeatureStoreClient` is the legacy client.\n:::\n';
    expect(legacyInLesson('l.mdx', mdx, terms)).toEqual([
      { where: 'l.mdx:4', message: expect.stringMatching(/^uses FeatureStoreClient.* without saying it is legacy in the same passage$/) },
    ]);
  });
  it('does not mistake the dev/staging/prod workflow stages for registry stages', () => {
    expect(legacyInLesson('l.mdx', 'The staging stage runs integration tests.\n', terms)).toEqual([]);
    expect(legacyInLesson('l.mdx', 'Load `models:/churn/Production` in the job.\n', terms)).toHaveLength(1);
    expect(legacyInLesson('l.mdx', 'Move the Model Version Stage to Production.\n', terms)).toHaveLength(1);
  });
});

describe('renamed features', () => {
  const renamed = lintTerms([
    {
      id: 'bundles', exam_term: 'Databricks Asset Bundles', current_term: 'Declarative Automation Bundles', change: 'renamed',
      since: '2026-03', note: 'n', patterns: ['\\bDatabricks Asset Bundles?\\b'], reference: 'https://docs.databricks.com/x',
      old_paths: ['/lakehouse-monitoring/'], rule: 'name-current',
    },
  ]);
  it('asks a lesson that uses the exam name to give the current name too', () => {
    expect(currentNameMissing('a.mdx', '---\ntitle: x\n---\nDeploy with Databricks Asset Bundles.\n', renamed)).toEqual([
      { where: 'a.mdx', message: 'uses "Databricks Asset Bundles" but never names its current name, "Declarative Automation Bundles" (content/terminology.yaml)' },
    ]);
    expect(currentNameMissing('a.mdx', 'Databricks Asset Bundles (now Declarative Automation Bundles).\n', renamed)).toEqual([]);
  });
  it('flags a reference or a lesson link to the old page of a renamed feature', () => {
    const links = markdownLinks('See [alerts](https://docs.databricks.com/en/lakehouse-monitoring/monitor-alerts.html) and [x](https://mlflow.org/).');
    expect(links).toEqual(['https://docs.databricks.com/en/lakehouse-monitoring/monitor-alerts.html', 'https://mlflow.org/']);
    expect(oldPageReferences('q', links, renamed)).toEqual([
      { where: 'q', message: 'https://docs.databricks.com/en/lakehouse-monitoring/monitor-alerts.html is an old page of "Databricks Asset Bundles"; cite the current page of "Declarative Automation Bundles"' },
    ]);
  });
});

describe('camelCaseSvgAttributes', () => {
  it('names the SVG spelling of a camelCase attribute', () => {
    expect(camelCaseSvgAttributes('d.mdx', '<svg>\n<path strokeWidth="2" stroke-dasharray="3" />')).toEqual([
      { where: 'd.mdx:2', message: 'SVG attribute strokeWidth is ignored in HTML; write stroke-width' },
    ]);
  });
});

describe('starlightComponentImports', () => {
  it("flags an import from Starlight's component barrel, not one from the guide's components", () => {
    const mdx = "---\ntitle: T\n---\nimport { Steps } from '@astrojs/starlight/components';\nimport Steps2 from '~/components/Steps.astro';\n";
    expect(starlightComponentImports('p.mdx', mdx)).toEqual([{ where: 'p.mdx:4', message: expect.stringContaining('every page') }]);
  });
});
