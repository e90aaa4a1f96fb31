import { describe, expect, it } from 'vitest';
import { compilePattern, parseTerminology } from '../../src/lib/terminology.ts';

const entry = `
- id: asset-bundles
  exam_term: Databricks Asset Bundles
  current_term: Declarative Automation Bundles
  change: renamed
  since: "2026-03"
  note: Same tool, new name.
  patterns: ['\\bDatabricks Asset Bundles?\\b']
  reference: https://docs.databricks.com/aws/en/dev-tools/bundles/
`;

describe('parseTerminology', () => {
  it('reads a valid map and derives the lint rule from the kind of change', () => {
    const { entries, errors } = parseTerminology({ path: 't.yaml', text: entry });
    expect(errors).toEqual([]);
    expect(entries[0]!.rule).toBe('name-current');
  });

  it('names the entry and field of every problem: a bad regex, an unofficial reference, a duplicate id', () => {
    const bad = entry.replace("['\\bDatabricks Asset Bundles?\\b']", "['(unclosed']").replace('docs.databricks.com', 'example.com');
    const { errors } = parseTerminology({ path: 't.yaml', text: bad + entry });
    expect(errors).toEqual([
      expect.stringMatching(/^t\.yaml › asset-bundles › patterns\.0: "\(unclosed" is not a valid regular expression/),
      expect.stringMatching(/^t\.yaml › asset-bundles › reference: /),
    ]);
    expect(parseTerminology({ path: 't.yaml', text: entry + entry }).errors).toEqual(['t.yaml › asset-bundles: the id is used twice']);
    expect(parseTerminology({ path: 't.yaml', text: 'a: 1' }).errors).toEqual(['t.yaml: must be a non-empty YAML list of terms']);
  });
});

describe('compilePattern', () => {
  it('takes a plain source as case-sensitive and a /literal/ with its flags', () => {
    expect(compilePattern('\\bserved_models\\b').test('SERVED_MODELS')).toBe(false);
    expect(compilePattern('/registry webhooks?/i').test('Registry Webhook')).toBe(true);
  });
});
