/**
 * The question bank as open data, converted at build time by src/pages/practice/bank-full.json.ts and anki.tsv.ts:
 * - a versioned JSON file of every active question with its Markdown fields, for anyone who wants to reuse the bank;
 * - an Anki text import (one note per line: front, back, tags, GUID), so the bank can be studied as flashcards.
 * Pure functions, no Astro: tests/unit/bank-export.test.ts covers the escaping and the formats.
 */
import type { Blueprint, ObjectiveId, Question } from './schema.ts';
import { optionLetter } from './question-selection.ts';

/** What a reader of bank-full.json checks before anything else. Bump the version on any incompatible change. */
export const BANK_FORMAT = 'ml-pro-study-guide/bank';
export const BANK_FORMAT_VERSION = 1;

export interface BankExportQuestion {
  id: string;
  objective: number | string;
  difficulty: 1 | 2 | 3;
  type: 'single' | 'multiple';
  stem: string;
  options: Array<{ text: string; correct: boolean; why: string }>;
  explanation: string;
  references: string[];
  verified: string;
}

export interface BankExport {
  format: typeof BANK_FORMAT;
  version: typeof BANK_FORMAT_VERSION;
  /** ISO 8601 time of the build that wrote the file. */
  builtAt: string;
  /** SPDX licence expression the questions are published under. */
  license: string;
  /** The site version (package.json) and repository the file came from. */
  siteVersion: string;
  repository: string;
  questions: BankExportQuestion[];
}

const active = <Q extends Pick<Question, 'status'>>(questions: readonly Q[]) => questions.filter((q) => q.status !== 'retired');

/** The bank as published: active questions only, Markdown source fields, nothing the site adds (file, rendered HTML). */
export function toBankExport(
  questions: readonly Question[],
  meta: { builtAt: string; license: string; siteVersion: string; repository: string },
): BankExport {
  return {
    format: BANK_FORMAT,
    version: BANK_FORMAT_VERSION,
    builtAt: meta.builtAt,
    license: meta.license,
    siteVersion: meta.siteVersion,
    repository: meta.repository,
    questions: active(questions).map((q) => ({
      id: q.id,
      objective: q.objective,
      difficulty: q.difficulty,
      type: q.type,
      stem: q.stem,
      options: q.options.map((o) => ({ text: o.text, correct: o.correct, why: o.why })),
      explanation: q.explanation,
      references: [...q.references],
      verified: q.verified,
    })),
  };
}

// ───────────────────────────── Question sets (one per blueprint section or foundation topic) ─────────────────────────────

/** Where a question sits in the blueprint: its domain id (or "foundations") and section id (or foundation topic id). */
export interface QuestionPlace {
  domain: string;
  section: string;
}

export interface QuestionSet extends QuestionPlace {
  title: string;
  /** The objectives whose questions the set holds. */
  objectives: ObjectiveId[];
  /** The slug of the lesson page that teaches it (a section's overview, a foundation topic's page), if any. */
  page?: string;
}

/** Every exam-guide section, then every foundation topic, as a set of questions. Ids are unique across both. */
export function questionSets(blueprint: Pick<Blueprint, 'domains' | 'foundations'>): QuestionSet[] {
  const sets: QuestionSet[] = [
    ...blueprint.domains.flatMap((domain) =>
      domain.sections.map((section) => ({
        domain: domain.id,
        section: section.id,
        title: section.title,
        objectives: section.objectives.map((objective) => objective.id),
        page: `${domain.id}/${section.id}`,
      })),
    ),
    ...blueprint.foundations.map((topic) => ({
      domain: 'foundations',
      section: topic.id,
      title: topic.title,
      objectives: [topic.id],
      page: topic.page,
    })),
  ];
  const seen = new Set<string>();
  for (const set of sets) {
    if (seen.has(set.section)) throw new Error(`content/blueprint.yaml: "${set.section}" is both a section id and a foundation topic id; rename one.`);
    seen.add(set.section);
  }
  return sets;
}

/** Looks up a question's place by its objective. */
export function placeFinder(sets: readonly QuestionSet[]): (objective: ObjectiveId) => QuestionPlace | undefined {
  const places = new Map<ObjectiveId, QuestionPlace>();
  for (const set of sets) for (const objective of set.objectives) places.set(objective, { domain: set.domain, section: set.section });
  return (objective) => places.get(objective);
}

// ───────────────────────────── Rendered HTML for paper ─────────────────────────────

const EC_BLOCK = /<div class="expressive-code">[\s\S]*?<\/figure><\/div>/g;
const EC_LINE = /<div class="code">([\s\S]*?)<\/div>/g;
const ASSET_TAG = /<link rel="stylesheet" href="[^"]+">|<script type="module" src="[^"]+"><\/script>/g;

/**
 * Rendered question HTML with each Expressive Code block reduced to a plain <pre><code> of the same text, and the
 * blocks' stylesheet and script tags dropped. A printable set has no use for token colours or copy buttons, and one
 * element per block instead of one per token keeps a 100-question page light for browsers and accessibility checks.
 */
export function plainCodeBlocks(html: string): string {
  return html
    .replace(EC_BLOCK, (block) => {
      const lines = [...block.matchAll(EC_LINE)].map((line) => line[1]!.replace(/<[^>]*>/g, ''));
      return `<pre><code>${lines.join('\n')}</code></pre>`;
    })
    .replace(ASSET_TAG, '');
}

// ───────────────────────────── Markdown → simple HTML for flashcards ─────────────────────────────

/**
 * Text as HTML text. Double quotes become &quot; so that no field of the Anki file contains a raw `"` (Anki's reader
 * treats a field that starts with one as quoted); attributes written here use single quotes for the same reason.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const escapeUrl = (url: string) => escapeHtml(url).replace(/'/g, '%27');
const link = (url: string, text: string) => `<a href='${escapeUrl(url)}'>${text}</a>`;

/** Bold and italics (asterisks only: underscores are common inside identifiers), on text already escaped. */
const emphasis = (html: string) =>
  html.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<b>$1</b>').replace(/(^|[^*\w])\*(?=[^\s*])([^*]*?[^\s*])\*(?![*\w])/g, '$1<i>$2</i>');

/** Inline Markdown: code spans (taken first, so nothing inside them is formatted), links, autolinks, emphasis. */
export function inlineMarkdown(markdown: string): string {
  let out = '';
  const code = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  for (const match of markdown.matchAll(code)) {
    out += textSpan(markdown.slice(last, match.index));
    out += `<code>${escapeHtml(match[2]!.replace(/^ ([\s\S]*) $/, '$1'))}</code>`;
    last = match.index + match[0].length;
  }
  return out + textSpan(markdown.slice(last));
}

function textSpan(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|<(https?:\/\/[^>\s]+)>/g)) {
    out += emphasis(escapeHtml(text.slice(last, match.index)));
    out += match[3] ? link(match[3], escapeHtml(match[3])) : link(match[2]!, emphasis(escapeHtml(match[1]!)));
    last = match.index + match[0].length;
  }
  return out + emphasis(escapeHtml(text.slice(last)));
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const BULLET = /^\s*[-*+]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
const TABLE_ROW = /^\s*\|/;

/**
 * The Markdown the bank allows (paragraphs, fenced code, bullet and numbered lists, pipe tables, inline code,
 * emphasis, links) as plain HTML with no classes or styles, readable in any flashcard app. Code keeps its line breaks
 * as <br> so that the result can sit on one line of a text file.
 */
export function markdownToSimpleHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let i = 0;
  const takeWhile = (test: (line: string) => boolean) => {
    const taken: string[] = [];
    while (i < lines.length && test(lines[i]!)) taken.push(lines[i++]!);
    return taken;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      i++;
      const closing = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      const code = takeWhile((l) => !closing.test(l));
      i++; // the closing fence (or the end of the text)
      blocks.push(`<pre><code>${code.map(escapeHtml).join('<br>')}</code></pre>`);
    } else if (TABLE_ROW.test(line)) {
      const rows = takeWhile((l) => TABLE_ROW.test(l)).map((row) =>
        row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim()),
      );
      const isRule = (cells: string[]) => cells.every((cell) => /^:?-+:?$/.test(cell));
      const [head, ...body] = rows.length > 1 && isRule(rows[1]!) ? [rows[0]!, ...rows.slice(2)] : [undefined, ...rows];
      const row = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${inlineMarkdown(c)}</${tag}>`).join('')}</tr>`;
      blocks.push(`<table>${head ? `<thead>${row(head, 'th')}</thead>` : ''}<tbody>${body.map((r) => row(r!, 'td')).join('')}</tbody></table>`);
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const marker = BULLET.test(line) ? BULLET : NUMBERED;
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !FENCE.test(lines[i]!)) {
        if (marker.test(lines[i]!)) items.push(lines[i]!.replace(marker, ''));
        else items[items.length - 1] += ` ${lines[i]!.trim()}`; // a continuation line of the item
        i++;
      }
      const tag = marker === BULLET ? 'ul' : 'ol';
      blocks.push(`<${tag}>${items.map((item) => `<li>${inlineMarkdown(item)}</li>`).join('')}</${tag}>`);
    } else {
      const paragraph = takeWhile((l) => !!l.trim() && !FENCE.test(l) && !TABLE_ROW.test(l) && !BULLET.test(l) && !NUMBERED.test(l));
      blocks.push(`<p>${inlineMarkdown(paragraph.map((l) => l.trim()).join(' '))}</p>`);
    }
  }
  return blocks.join('');
}

// ───────────────────────────── Anki text import ─────────────────────────────

/**
 * Header lines Anki (2.1.55+) reads from a text file before the notes: tab-separated, fields are HTML, the third
 * column holds tags and the fourth a GUID, so importing a newer file updates the notes instead of duplicating them.
 * Older Anki versions skip them as comments.
 */
export const ANKI_HEADER = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags\tGUID', '#tags column:3', '#guid column:4'];
export const ANKI_FIELDS = 4;

/**
 * One field of the file: HTML on a single line with no tab and no double quote. Tabs and line breaks become character
 * references (the same characters to an HTML renderer), quotes become &quot;.
 */
export function ankiField(html: string): string {
  return html.replace(/\t/g, '&#9;').replace(/\r\n|\r|\n/g, '&#10;').replace(/"/g, '&quot;');
}

/** An Anki tag: no spaces (they separate tags). `::` makes a hierarchy in Anki's browser, all under `ml-pro`. */
export const ankiTag = (value: string) => value.trim().replace(/\s+/g, '_');

export interface AnkiNote {
  front: string;
  back: string;
  tags: string[];
  guid: string;
}

/** A question as a Basic note: stem and lettered options on the front; answer, explanation and sources on the back. */
export function toAnkiNote(question: Question, place: QuestionPlace | undefined): AnkiNote {
  const correct = question.options.flatMap((option, index) => (option.correct ? [optionLetter(index)] : []));
  const howMany = question.type === 'single' ? 'Choose one answer.' : `Choose ${correct.length} answers.`;
  const front =
    markdownToSimpleHtml(question.stem) +
    `<p><i>${howMany}</i></p>` +
    question.options.map((option, index) => `<p><b>${optionLetter(index)}.</b> ${inlineMarkdown(option.text)}</p>`).join('');
  const back =
    `<p><b>Correct answer${correct.length > 1 ? 's' : ''}: ${correct.join(', ')}</b></p>` +
    markdownToSimpleHtml(question.explanation) +
    `<p>Official source${question.references.length > 1 ? 's' : ''}: ${question.references.map((url) => link(url, escapeHtml(url))).join(', ')}</p>` +
    `<p><small>Question ${escapeHtml(question.id)} · checked ${escapeHtml(question.verified)}</small></p>`;
  const tags = [`ml-pro::objective::${question.objective}`, `ml-pro::difficulty::${question.difficulty}`];
  if (place) tags.push(`ml-pro::domain::${place.domain}`, `ml-pro::section::${place.section}`);
  return { front, back, tags: tags.map(ankiTag), guid: `ml-pro-study-guide:${question.id}` };
}

/** The whole file: header lines, then one line per active question, each with exactly ANKI_FIELDS tab-separated fields. */
export function toAnkiText(questions: readonly Question[], placeOf: (objective: number | string) => QuestionPlace | undefined): string {
  const lines = active(questions).map((q) => {
    const note = toAnkiNote(q, placeOf(q.objective));
    return [note.front, note.back, note.tags.join(' '), note.guid].map(ankiField).join('\t');
  });
  return [...ANKI_HEADER, ...lines].join('\n') + '\n';
}

/** Reads a file written by toAnkiText back into its header lines and rows of fields (for tests and tools). */
export function parseAnkiText(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n').filter((line) => line !== '');
  const header = lines.filter((line) => line.startsWith('#'));
  const rows = lines.filter((line) => !line.startsWith('#')).map((line) => line.split('\t'));
  return { header, rows };
}
