import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { coverage, formatError, validateBank, validateBlueprint, type SourceFile } from '../../src/lib/bank-validation.ts';

const blueprintFile: SourceFile = { path: 'content/blueprint.yaml', text: readFileSync('content/blueprint.yaml', 'utf8') };
const { blueprint } = validateBlueprint(blueprintFile);

/** A question that passes every rule; each test breaks exactly one thing. */
const valid = () => ({
  id: 'fixture-question',
  objective: 15,
  difficulty: 2,
  type: 'single',
  stem: 'A team logs a child run. Which call does it use?\n\n```python\nwith mlflow.start_run():\n    pass\n```',
  options: [
    { text: '`mlflow.start_run(nested=True)`', correct: true, why: 'A child run needs nested=True.' },
    { text: '`mlflow.start_run()`', correct: false, why: 'Fails while a run is active.' },
    { text: '`mlflow.set_tag("child", True)`', correct: false, why: 'A tag does not create a run.' },
    { text: '`mlflow.end_run()`', correct: false, why: 'Ends the parent instead.' },
  ],
  explanation: 'Child runs are created with `nested=True` inside an active run.',
  references: ['https://mlflow.org/docs/latest/ml/tracking/tracking-api/'],
  verified: '2026-11-26',
});

const file = (questions: unknown, path = 'content/questions/fixture.yaml'): SourceFile => ({
  path,
  text: typeof questions === 'string' ? questions : stringify(questions),
});

function errorsFor(...files: SourceFile[]) {
  return validateBank(files, blueprint!).errors.map(formatError);
}

describe('the blueprint', () => {
  it('is valid and numbers objectives 1–47 across 3 domains and 11 sections', () => {
    expect(blueprint).toBeDefined();
    expect(blueprint!.domains.map((d) => d.weight)).toEqual([44, 44, 12]);
    expect(blueprint!.domains.flatMap((d) => d.sections)).toHaveLength(11);
    expect(blueprint!.domains.flatMap((d) => d.sections.flatMap((s) => s.objectives.map((o) => o.id)))).toEqual(
      Array.from({ length: 47 }, (_, i) => i + 1),
    );
  });

  it('rejects weights that do not add up to 100', () => {
    const broken = blueprintFile.text.replace('weight: 12', 'weight: 13');
    const { errors } = validateBlueprint({ path: 'content/blueprint.yaml', text: broken });
    expect(errors.map(formatError)).toContain('content/blueprint.yaml › domains: weights add up to 101, not 100');
  });
});

describe('validateBank', () => {
  it('accepts a valid question and reports no errors', () => {
    const result = validateBank([file([valid()])], blueprint!);
    expect(result.errors).toEqual([]);
    expect(result.questions.map((q) => q.id)).toEqual(['fixture-question']);
  });

  it('rejects an empty or missing bank', () => {
    expect(errorsFor()).toEqual(['content/questions/: the bank is empty: no .yaml files were found']);
    expect(errorsFor(file([]))).toEqual(['content/questions/fixture.yaml: the file holds no questions']);
  });

  it('reports YAML syntax errors with their line', () => {
    const [error] = errorsFor(file('- id: broken\n  stem: "unclosed\n'));
    expect(error).toMatch(/^content\/questions\/fixture\.yaml: YAML syntax error at line \d+, column \d+/);
  });

  it('catches a # in an unquoted value, which YAML would silently drop as a comment', () => {
    const text = stringify([valid()]).replace('text: "`mlflow.end_run()`"', 'text: Ends run #4711 first');
    expect(text).toContain('Ends run #4711 first');
    expect(errorsFor(file(text))).toEqual([
      'content/questions/fixture.yaml: line 22: "#4711…" after the value is read as a YAML comment and dropped; quote the value',
    ]);
    expect(errorsFor(file(`# a comment line is fine\n${stringify([valid()])}`))).toEqual([]);
  });

  it('rejects a file that is not a list', () => {
    expect(errorsFor(file(valid()))).toEqual([
      'content/questions/fixture.yaml: a question file must be a YAML list of questions (each item starts with "- id: …")',
    ]);
  });

  it('rejects duplicate ids across files, naming the first file', () => {
    expect(errorsFor(file([valid()], 'content/questions/a.yaml'), file([valid()], 'content/questions/b.yaml'))).toEqual([
      'content/questions/b.yaml › question "fixture-question" › id: duplicate id: already used in content/questions/a.yaml',
    ]);
  });

  it('rejects an unknown objective', () => {
    expect(errorsFor(file([{ ...valid(), objective: 48 }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › objective: unknown objective 48: use an exam objective 1–47 or a foundation id from content/blueprint.yaml',
    ]);
  });

  it('rejects a single question with two correct options', () => {
    const q = valid();
    q.options[1]!.correct = true;
    expect(errorsFor(file([q]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › options: a "single" question needs exactly 1 correct option, found 2',
    ]);
  });

  it('rejects a multiple question with fewer than two correct options', () => {
    expect(errorsFor(file([{ ...valid(), type: 'multiple' }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › options: a "multiple" question needs 2 or more correct options and at least one wrong one, found 1',
    ]);
  });

  it('rejects fewer than 4 or more than 5 options', () => {
    const three = { ...valid(), options: valid().options.slice(0, 3) };
    const six = { ...valid(), options: [...valid().options, ...valid().options.slice(1, 3).map((o) => ({ ...o, text: o.text + '!' }))] };
    expect(errorsFor(file([three]))).toContain(
      'content/questions/fixture.yaml › question "fixture-question" › options: a question needs 4 or 5 options',
    );
    expect(errorsFor(file([six]))).toContain(
      'content/questions/fixture.yaml › question "fixture-question" › options: a question needs 4 or 5 options',
    );
  });

  it('requires a why on every option', () => {
    const q = valid() as unknown as { options: Array<Record<string, unknown>> };
    delete q.options[2]!.why;
    expect(errorsFor(file([q]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › options[2].why: why must be a string of Markdown',
    ]);
    q.options[2]!.why = '   ';
    expect(errorsFor(file([q]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › options[2].why: why must not be empty',
    ]);
  });

  it('rejects duplicate option texts', () => {
    const q = valid();
    q.options[3]!.text = '`mlflow.start_run()`';
    expect(errorsFor(file([q]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › options[3].text: duplicates the text of option 2',
    ]);
  });

  it('accepts only official https references', () => {
    expect(errorsFor(file([{ ...valid(), references: ['http://mlflow.org/docs/latest/'] }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › references[0]: "http://mlflow.org/docs/latest/" must use https',
    ]);
    expect(errorsFor(file([{ ...valid(), references: ['https://medium.com/some-post'] }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › references[0]: "medium.com/some-post" is not an official documentation site (see src/lib/official-sources.ts)',
    ]);
    expect(errorsFor(file([{ ...valid(), references: [] }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › references: cite at least one official page',
    ]);
  });

  it('rejects raw HTML in Markdown but allows angle brackets in code', () => {
    expect(errorsFor(file([{ ...valid(), explanation: 'See <b>this</b>.' }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › explanation: raw HTML <b> is not allowed; use Markdown',
    ]);
    expect(errorsFor(file([{ ...valid(), explanation: 'Use `List<String>` when `a < b`.\n\n```python\nx = "<div>"\n```' }]))).toEqual([]);
  });

  it('rejects code fences in option text', () => {
    const q = valid();
    q.options[0]!.text = '```python\nx = 1\n```';
    expect(errorsFor(file([q]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › options[0].text: option text must be inline Markdown (one paragraph, no code fence); put long code in the stem',
    ]);
  });

  it('rejects an invalid verified date, a bad id and unknown fields', () => {
    expect(errorsFor(file([{ ...valid(), verified: '26/11/2026' }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › verified: must be a date written YYYY-MM-DD',
    ]);
    expect(errorsFor(file([{ ...valid(), id: 'Bad_Id' }]))).toEqual([
      'content/questions/fixture.yaml › question "Bad_Id" › id: id must be kebab-case (a-z, 0-9, single hyphens)',
    ]);
    expect(errorsFor(file([{ ...valid(), answer: 'A' }]))[0]).toMatch(/question "fixture-question": Unrecognized key.*"answer"/);
  });

  it('rejects a bad difficulty or type', () => {
    expect(errorsFor(file([{ ...valid(), difficulty: 4 }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › difficulty: difficulty is 1 (recall), 2 (apply) or 3 (analyse a scenario)',
    ]);
    expect(errorsFor(file([{ ...valid(), type: 'truefalse' }]))).toEqual([
      'content/questions/fixture.yaml › question "fixture-question" › type: type is "single" or "multiple"',
    ]);
  });

  it('lists every error, not just the first', () => {
    const q = { ...valid(), difficulty: 9, verified: 'soon', references: ['https://example.com/'] };
    expect(errorsFor(file([q, { ...valid(), id: 'second', objective: 'nope-topic' }]))).toHaveLength(4);
  });
});

describe('coverage', () => {
  it('counts questions per objective, per domain and by difficulty, skipping retired ones', () => {
    const questions = validateBank(
      [file([valid(), { ...valid(), id: 'b', difficulty: 3 }, { ...valid(), id: 'c', status: 'retired' }])],
      blueprint!,
    ).questions;
    const table = coverage(questions, blueprint!);
    expect(table.objectives.find((r) => r.label === '15')).toEqual({ label: '15', questions: 2, byDifficulty: [0, 1, 1] });
    expect(table.domains[0]).toEqual({ label: 'Model Development', questions: 2, byDifficulty: [0, 1, 1] });
    expect(table.total.questions).toBe(2);
  });
});
