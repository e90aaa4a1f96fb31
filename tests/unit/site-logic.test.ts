import { describe, expect, it } from 'vitest';
import { selectQuestions, optionLetter } from '../../src/lib/question-selection.ts';
import { sidebarFromBlueprint } from '../../src/lib/sidebar.ts';
import { domainForPage } from '../../src/lib/page-domain.ts';
import { dedupeAssetTags, fixStarlightHtml } from '../../src/lib/html-fixes.ts';
import { officialReferenceProblem } from '../../src/lib/official-sources.ts';
import { findRawHtml } from '../../src/lib/schema.ts';
import { loadBlueprint } from '../../src/lib/blueprint.ts';

const bank = [
  { id: 'a', objective: 15 },
  { id: 'b', objective: 15, status: 'retired' as const },
  { id: 'c', objective: 15 },
  { id: 'd', objective: 16 },
];

describe('selectQuestions', () => {
  it('returns named questions in the order given', () => {
    expect(selectQuestions(bank, { ids: ['d', 'a'] }).map((q) => q.id)).toEqual(['d', 'a']);
  });
  it('returns the first active questions of an objective', () => {
    expect(selectQuestions(bank, { objective: 15 }).map((q) => q.id)).toEqual(['a', 'c']);
    expect(selectQuestions(bank, { objective: 15, limit: 1 }).map((q) => q.id)).toEqual(['a']);
  });
  it('fails the build with a clear message on a bad request', () => {
    expect(() => selectQuestions(bank, { ids: ['zzz'] })).toThrow('<SelfCheck> names question "zzz", which is not in content/questions/.');
    expect(() => selectQuestions(bank, { ids: ['b'] })).toThrow('which is retired');
    expect(() => selectQuestions(bank, { ids: ['a', 'a'] })).toThrow('lists question "a" twice');
    expect(() => selectQuestions(bank, { objective: 47 })).toThrow('found no questions');
    expect(() => selectQuestions(bank, {})).toThrow('needs either `ids` or `objective`');
  });
  it('letters options A, B, C…', () => {
    expect([0, 1, 4].map(optionLetter)).toEqual(['A', 'B', 'E']);
  });
});

describe('sidebarFromBlueprint', () => {
  const blueprint = loadBlueprint();
  it('lists domains in blueprint order with weights, and only sections that have pages', () => {
    const sidebar = sidebarFromBlueprint(blueprint, {
      page: (slug) => slug === 'model-development/advanced-mlflow',
      folder: (slug) => slug === 'mlops/drift-detection-and-monitoring',
    });
    expect(sidebar.map((item) => item.label)).toEqual([
      'Start here',
      'Practice',
      'Model Development (44%)',
      'MLOps (44%)',
      'Model Deployment (12%)',
    ]);
    expect(sidebar[2]).toEqual({
      label: 'Model Development (44%)',
      items: [{ label: 'Advanced MLflow Usage', slug: 'model-development/advanced-mlflow' }],
    });
    expect(sidebar[3]).toEqual({
      label: 'MLOps (44%)',
      items: [
        {
          label: 'Drift Detection and Lakehouse Monitoring',
          collapsed: true,
          items: [{ autogenerate: { directory: 'mlops/drift-detection-and-monitoring' } }],
        },
      ],
    });
  });
});

describe('domainForPage', () => {
  const blueprint = loadBlueprint();
  it('maps a page to its exam domain by folder', () => {
    expect(domainForPage('mlops/validation-testing', blueprint)).toBe('MLOps');
    expect(domainForPage('foundations/spark-for-ml', blueprint)).toBe('Foundations');
    expect(domainForPage('index', blueprint)).toBeUndefined();
  });
});

describe('HTML fixes', () => {
  it('hides the search shortcut hint from the accessible name', () => {
    expect(fixStarlightHtml('<kbd class="sl-hidden md:sl-flex astro-x" style="display: none;">')).toBe(
      '<kbd aria-hidden="true" class="sl-hidden md:sl-flex astro-x" style="display: none;">',
    );
    const button =
      '<button data-open-modal disabled aria-label="Search" aria-keyshortcuts="Control+K" class="astro-b"><svg aria-hidden="true"></svg>' +
      '<span class="sl-hidden md:sl-block astro-b" aria-hidden="true">Search</span>';
    expect(fixStarlightHtml(button)).toBe(
      '<button data-open-modal disabled aria-keyshortcuts="Control+K" class="astro-b"><svg aria-hidden="true"></svg>' +
        '<span class="search-label md:sl-block astro-b">Search</span>',
    );
  });
  it('keeps only the first copy of an asset tag on a page', () => {
    const seen = new Set<string>();
    const tags = '<link rel="stylesheet" href="/_astro/ec.css"><script type="module" src="/_astro/ec.js"></script>';
    expect(dedupeAssetTags(`${tags}<pre>1</pre>`, seen)).toBe(`${tags}<pre>1</pre>`);
    expect(dedupeAssetTags(`${tags}<pre>2</pre>`, seen)).toBe('<pre>2</pre>');
  });
});

describe('official references', () => {
  it('accepts official documentation and rejects the rest', () => {
    expect(officialReferenceProblem('https://docs.databricks.com/aws/en/mlflow/')).toBeNull();
    expect(officialReferenceProblem('https://learn.microsoft.com/en-us/azure/databricks/mlflow/')).toBeNull();
    expect(officialReferenceProblem('https://learn.microsoft.com/en-us/training/')).toMatch(/not an official/);
    expect(officialReferenceProblem('not a url')).toMatch(/not a valid URL/);
  });
  it('finds raw HTML outside code only', () => {
    expect(findRawHtml('a <br/> b')).toBe('<br/>');
    expect(findRawHtml('see <https://mlflow.org>')).toBeNull();
    expect(findRawHtml('`<div>` and\n```\n<span>\n```')).toBeNull();
  });
});

import { pruneSidebar } from '../../src/lib/sidebar-pruning.ts';

describe('pruneSidebar', () => {
  const link = (label: string, isCurrent = false) => ({ type: 'link' as const, label, href: `/${label}/`, isCurrent });
  const group = (label: string, entries: any[], collapsed = true) => ({ type: 'group' as const, label, entries, collapsed });
  const sidebar = [
    link('home'),
    group('Model Development', [group('Using Spark ML', [link('sparkml-overview'), link('pipelines')]), group('Advanced MLflow', [link('mlflow-overview'), link('nested-runs', true)])], false),
    group('MLOps', [group('Validation Testing', [link('testing-overview'), link('unit-tests')])], false),
    group('Foundations', [link('foundations-overview'), link('spark'), link('metrics')]),
  ];
  it('keeps the current section in full and turns other sections into a link to their overview', () => {
    const pruned = pruneSidebar(sidebar);
    expect(pruned[1]).toEqual(
      group('Model Development', [
        { ...link('sparkml-overview'), label: 'Using Spark ML' },
        group('Advanced MLflow', [link('mlflow-overview'), link('nested-runs', true)]),
      ], false),
    );
    expect(pruned[2]).toEqual(group('MLOps', [{ ...link('testing-overview'), label: 'Validation Testing' }], false));
    expect(pruned[0]).toEqual(link('home'));
  });
  it('turns a collapsed top-level group without the current page into one link to its overview', () => {
    expect(pruneSidebar(sidebar)[3]).toEqual({ ...link('foundations-overview'), label: 'Foundations' });
    const inside = [group('Foundations', [link('foundations-overview'), link('spark', true)])];
    expect(pruneSidebar(inside)[0]).toEqual(group('Foundations', [link('foundations-overview'), link('spark', true)], false));
  });
  it('opens the top-level group that holds the current page', () => {
    const closed = [group('Model Development', [group('Advanced MLflow', [link('nested-runs', true)])], true)];
    expect(pruneSidebar(closed)[0]!.collapsed).toBe(false);
  });
});
