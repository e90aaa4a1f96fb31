import { describe, expect, it } from 'vitest';
import {
  ANKI_FIELDS,
  ANKI_HEADER,
  BANK_FORMAT,
  BANK_FORMAT_VERSION,
  ankiField,
  ankiTag,
  escapeHtml,
  inlineMarkdown,
  markdownToSimpleHtml,
  parseAnkiText,
  placeFinder,
  plainCodeBlocks,
  questionSets,
  toAnkiNote,
  toAnkiText,
  toBankExport,
} from '../../src/lib/bank-export.ts';
import { readBankFiles } from '../../src/lib/bank-files.ts';
import { loadBlueprint } from '../../src/lib/blueprint.ts';
import { validateBank } from '../../src/lib/bank-validation.ts';
import type { Question } from '../../src/lib/schema.ts';
import { DEFAULT_REPOSITORY_URL, REPOSITORY_URL, SITE_VERSION, reportProblemUrl, repositoryUrl } from '../../src/lib/site-config.ts';

const question = (overrides: Partial<Question> = {}): Question => ({
  id: 'sample-question',
  objective: 15,
  difficulty: 2,
  type: 'single',
  stem: 'Which call starts a **child** run?\n\n```python\nwith mlflow.start_run():\n\tpass  # "quoted"\n```',
  options: [
    { text: '`mlflow.start_run(nested=True)`', correct: true, why: 'Nested.' },
    { text: 'A tab\there', correct: false, why: 'No.' },
    { text: 'Say "hi" & <go>', correct: false, why: 'No.' },
    { text: 'None of these', correct: false, why: 'No.' },
  ],
  explanation: 'A run inside a run\nneeds `nested=True`.',
  references: ['https://mlflow.org/docs/latest/ml/tracking/tracking-api/'],
  verified: '2026-11-26',
  ...overrides,
});

const meta = { builtAt: '2026-11-26T12:00:00.000Z', license: 'NOASSERTION', siteVersion: '0.1.0', repository: 'https://example.org/r' };

describe('toBankExport', () => {
  it('is versioned and names its format', () => {
    const data = toBankExport([question()], meta);
    expect(data.format).toBe(BANK_FORMAT);
    expect(data.format).toBe('ml-pro-study-guide/bank');
    expect(data.version).toBe(BANK_FORMAT_VERSION);
    expect(data.version).toBe(1);
    expect(data.builtAt).toBe(meta.builtAt);
    expect(data.license).toBe('NOASSERTION');
  });
  it('keeps active questions only, with their Markdown source fields and nothing else', () => {
    const rendered = { ...question(), file: 'content/questions/x.yaml', html: { stem: '<p>x</p>', explanation: '', options: [] } };
    const data = toBankExport([rendered, question({ id: 'old', status: 'retired' })], meta);
    expect(data.questions.map((q) => q.id)).toEqual(['sample-question']);
    expect(Object.keys(data.questions[0]!).sort()).toEqual(
      ['difficulty', 'explanation', 'id', 'objective', 'options', 'references', 'stem', 'type', 'verified'].sort(),
    );
    expect(data.questions[0]!.stem).toBe(question().stem);
    expect(data.questions[0]!.options[0]).toEqual({ text: '`mlflow.start_run(nested=True)`', correct: true, why: 'Nested.' });
  });
  it('survives a JSON round trip unchanged', () => {
    const data = toBankExport([question()], meta);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('Markdown to simple HTML', () => {
  it('escapes text, including quotes', () => {
    expect(escapeHtml(`a < b && "c" > 'd'`)).toBe(`a &lt; b &amp;&amp; &quot;c&quot; &gt; 'd'`);
  });
  it('formats inline code, emphasis and links, but nothing inside code', () => {
    expect(inlineMarkdown('Use `**not bold** <x>` and **bold**, *italic*, 2 * 3 * 4, snake_case_name')).toBe(
      'Use <code>**not bold** &lt;x&gt;</code> and <b>bold</b>, <i>italic</i>, 2 * 3 * 4, snake_case_name',
    );
    expect(inlineMarkdown('See [the docs](https://mlflow.org/a) or <https://docs.databricks.com/b>.')).toBe(
      "See <a href='https://mlflow.org/a'>the docs</a> or <a href='https://docs.databricks.com/b'>https://docs.databricks.com/b</a>.",
    );
  });
  it('renders paragraphs, fenced code with line breaks, lists and tables', () => {
    const html = markdownToSimpleHtml(
      'One\nparagraph.\n\n```python\nif a < b:\n    go()\n```\n\n- first\n- second\n  continued\n\n| ts | co2 |\n|----|-----|\n| 08:00 | 410 |',
    );
    expect(html).toBe(
      '<p>One paragraph.</p>' +
        '<pre><code>if a &lt; b:<br>    go()</code></pre>' +
        '<ul><li>first</li><li>second continued</li></ul>' +
        '<table><thead><tr><th>ts</th><th>co2</th></tr></thead><tbody><tr><td>08:00</td><td>410</td></tr></tbody></table>',
    );
    expect(html).not.toContain('\n');
  });
});

describe('Anki text import', () => {
  it('puts every field on one line, without tabs or double quotes', () => {
    expect(ankiField('a\tb\nc\r\nd "e"')).toBe('a&#9;b&#10;c&#10;d &quot;e&quot;');
    expect(ankiTag('two  words')).toBe('two_words');
  });
  it('starts with the header lines Anki reads', () => {
    const text = toAnkiText([question()], () => undefined);
    expect(text.split('\n').slice(0, ANKI_HEADER.length)).toEqual([
      '#separator:tab',
      '#html:true',
      '#columns:Front\tBack\tTags\tGUID',
      '#tags column:3',
      '#guid column:4',
    ]);
    expect(text.endsWith('\n')).toBe(true);
  });
  it('writes a front with lettered options, a back with the answer, tags and a stable GUID', () => {
    const note = toAnkiNote(question({ type: 'multiple', options: question().options.map((o, i) => ({ ...o, correct: i < 2 })) }), {
      domain: 'model-development',
      section: 'advanced-mlflow',
    });
    expect(note.front).toContain('<p><b>A.</b> <code>mlflow.start_run(nested=True)</code></p>');
    expect(note.front).toContain('<p><b>C.</b> Say &quot;hi&quot; &amp; &lt;go&gt;</p>');
    expect(note.front).toContain('Choose 2 answers.');
    expect(note.back).toContain('Correct answers: A, B');
    expect(note.back).toContain("<a href='https://mlflow.org/docs/latest/ml/tracking/tracking-api/'>");
    expect(note.tags).toEqual([
      'ml-pro::objective::15',
      'ml-pro::difficulty::2',
      'ml-pro::domain::model-development',
      'ml-pro::section::advanced-mlflow',
    ]);
    expect(note.guid).toBe('ml-pro-study-guide:sample-question');
  });
  it('parses back to one row per active question with exactly four fields, tabs and newlines escaped', () => {
    const text = toAnkiText([question(), question({ id: 'second' }), question({ id: 'gone', status: 'retired' })], () => undefined);
    const { header, rows } = parseAnkiText(text);
    expect(header).toEqual(ANKI_HEADER);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toHaveLength(ANKI_FIELDS);
      for (const field of row) expect(field).not.toMatch(/["\n\r]/);
    }
    // The tab inside the code block and the option survive as character references, not as separators.
    expect(rows[0]![0]).toContain('&#9;pass');
    expect(rows[0]![0]).toContain('A tab&#9;here');
    expect(rows.map((r) => r[3])).toEqual(['ml-pro-study-guide:sample-question', 'ml-pro-study-guide:second']);
  });
  it('converts the whole real bank: one well-formed line per active question', () => {
    const blueprint = loadBlueprint();
    const { questions, errors } = validateBank(readBankFiles(process.cwd()), blueprint);
    expect(errors).toEqual([]);
    const place = placeFinder(questionSets(blueprint));
    const { rows } = parseAnkiText(toAnkiText(questions, place));
    expect(rows).toHaveLength(questions.filter((q) => q.status !== 'retired').length);
    for (const row of rows) {
      expect(row).toHaveLength(ANKI_FIELDS);
      expect(row[0]).toMatch(/^</); // never a "#" comment line, never a quoted field
      expect(row.join('')).not.toContain('"');
      expect(row[2]).toMatch(/ml-pro::domain::/);
    }
  });
});

describe('plainCodeBlocks', () => {
  it('reduces an Expressive Code block to plain text lines and drops its asset tags', () => {
    const block =
      '<div class="expressive-code"><link rel="stylesheet" href="/_astro/ec.css"><script type="module" src="/_astro/ec.js"></script>' +
      '<figure class="frame not-content"><figcaption class="header"></figcaption><pre data-language="python" class="wrap"><code>' +
      '<div class="ec-line"><div class="code"><span style="--0:#C792EA">if</span><span> a &lt; b:</span></div></div>' +
      '<div class="ec-line"><div class="code"><span class="indent">    </span><span style="--0:#fff">go()</span></div></div>' +
      '</code></pre><div class="copy"><div aria-live="polite"></div><button title="Copy to clipboard" data-code="x"><div></div></button></div></figure></div>';
    expect(plainCodeBlocks(`<p>Before</p>${block}<p>After <code>x</code></p>`)).toBe(
      '<p>Before</p><pre><code>if a &lt; b:\n    go()</code></pre><p>After <code>x</code></p>',
    );
  });
});

describe('question sets', () => {
  it('has one set per exam-guide section and per foundation topic, and places every objective', () => {
    const blueprint = loadBlueprint();
    const sets = questionSets(blueprint);
    expect(sets).toHaveLength(blueprint.domains.flatMap((d) => d.sections).length + blueprint.foundations.length);
    const place = placeFinder(sets);
    expect(place(15)).toEqual({ domain: 'model-development', section: 'advanced-mlflow' });
    expect(place(blueprint.foundations[0]!.id)).toEqual({ domain: 'foundations', section: blueprint.foundations[0]!.id });
  });
  it('refuses an id used both as a section and as a foundation topic', () => {
    const blueprint = { domains: [{ id: 'd', title: 'D', weight: 100, sections: [{ id: 'x', title: 'X', objectives: [{ id: 1, text: 't' }] }] }], foundations: [{ id: 'x', title: 'X', supports: [] }] };
    expect(() => questionSets(blueprint)).toThrow('"x" is both a section id and a foundation topic id');
  });
});

describe('site config', () => {
  it('defaults the repository and reads the version from package.json', () => {
    expect(repositoryUrl(undefined)).toBe(DEFAULT_REPOSITORY_URL);
    expect(repositoryUrl('  ')).toBe(DEFAULT_REPOSITORY_URL);
    expect(repositoryUrl('https://github.com/me/guide.git/')).toBe('https://github.com/me/guide');
    expect(() => repositoryUrl('github.com/me/guide')).toThrow('PUBLIC_REPOSITORY_URL must be');
    expect(REPOSITORY_URL).toMatch(/^https?:\/\//);
    expect(SITE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
  it('prefills a new-issue URL with the question id and the site version', () => {
    const url = new URL(reportProblemUrl('mlflow-nested-cv-folds', 'https://github.com/me/guide', '1.2.3'));
    expect(url.origin + url.pathname).toBe('https://github.com/me/guide/issues/new');
    expect(url.searchParams.get('title')).toContain('mlflow-nested-cv-folds');
    expect(url.searchParams.get('body')).toContain('Question: mlflow-nested-cv-folds\nSite version: 1.2.3');
  });
});
