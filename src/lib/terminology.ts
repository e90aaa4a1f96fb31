/**
 * The terminology map (content/terminology.yaml): names and APIs that moved since the September 2025 exam guide.
 * One list serves three users: the glossary page renders it, `npm run validate` checks it, and the content lint uses
 * its patterns instead of hard-coded word lists (a legacy API taught as current, an old name used without the new one,
 * a reference to the old page of a renamed feature).
 */
import { z } from 'astro/zod';
import { parseDocument } from 'yaml';
import { officialReferenceProblem } from './official-sources.ts';
import type { SourceFile } from './bank-validation.ts';

/** A pattern is a regex source (case-sensitive), or a literal `/source/flags` when it needs flags such as `i`. */
export function compilePattern(pattern: string): RegExp {
  const literal = pattern.match(/^\/([\s\S]+)\/([dgimsuvy]*)$/);
  return literal ? new RegExp(literal[1]!, literal[2]!.replace('g', '')) : new RegExp(pattern);
}

const regexSource = z.string().superRefine((source, ctx) => {
  try {
    compilePattern(source);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `"${source}" is not a valid regular expression: ${(error as Error).message}` });
  }
});

export const terminologyEntrySchema = z
  .strictObject({
    /** kebab-case, unique. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id must be kebab-case' }),
    /** The name the exam guide (or older documentation) uses. */
    exam_term: z.string().min(1),
    /** The name or API to use today. */
    current_term: z.string().min(1),
    /** renamed: the same thing under a new name · replaced: a different successor · deprecated: going away. */
    change: z.enum(['renamed', 'replaced', 'deprecated'], { error: 'change is "renamed", "replaced" or "deprecated"' }),
    /** When, as precisely as the official source says; empty when it gives no date. */
    since: z.string(),
    /** What changed and what to write on the exam versus at work, in the guide's own words. */
    note: z.string().min(1),
    /** Regular expressions matching the old term: a source (case-sensitive) or `/source/i` for flags. */
    patterns: z.array(regexSource).min(1, { error: 'give at least one pattern for the old term' }),
    /** The official page that states the change. */
    reference: z.string().superRefine((url, ctx) => {
      const problem = officialReferenceProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** URL path fragments of the old documentation pages; references should point at the current ones. */
    old_paths: z.array(z.string().min(2)).optional(),
    /**
     * How the lint treats the old term. label-legacy: every passage that uses it must say it is legacy (APIs that
     * must never be taught as current). name-current: a lesson that uses it must also name the current term (exam
     * terms that stay in use). Default: name-current for a rename, label-legacy otherwise.
     */
    rule: z.enum(['label-legacy', 'name-current']).optional(),
  })
  .transform((entry) => ({ ...entry, rule: entry.rule ?? (entry.change === 'renamed' ? 'name-current' : 'label-legacy') }));

export type TerminologyEntry = z.output<typeof terminologyEntrySchema>;

export interface TerminologyResult {
  entries: TerminologyEntry[];
  errors: string[];
}

/** Parses and validates the map; every error names the file, the entry and the field. */
export function parseTerminology(file: SourceFile): TerminologyResult {
  const doc = parseDocument(file.text);
  if (doc.errors.length) return { entries: [], errors: doc.errors.map((e) => `${file.path}: YAML syntax error: ${e.message.split('\n')[0]}`) };
  const list = doc.toJS();
  if (!Array.isArray(list) || !list.length) return { entries: [], errors: [`${file.path}: must be a non-empty YAML list of terms`] };
  const entries: TerminologyEntry[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  list.forEach((raw: unknown, index: number) => {
    const result = terminologyEntrySchema.safeParse(raw);
    const label = (raw as { id?: unknown })?.id ?? `entry ${index + 1}`;
    if (!result.success) {
      for (const issue of result.error.issues) errors.push(`${file.path} › ${String(label)} › ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      return;
    }
    if (seen.has(result.data.id)) errors.push(`${file.path} › ${result.data.id}: the id is used twice`);
    seen.add(result.data.id);
    entries.push(result.data);
  });
  return { entries, errors };
}

/** A term as the lint uses it: the old name's patterns compiled, and the entry's rule. */
export interface LintTerm {
  name: string;
  current: string;
  patterns: RegExp[];
  rule: 'label-legacy' | 'name-current';
  oldPaths: string[];
}

export function lintTerms(entries: ReadonlyArray<TerminologyEntry>): LintTerm[] {
  return entries.map((e) => ({
    name: e.exam_term,
    current: e.current_term,
    patterns: e.patterns.map(compilePattern),
    rule: e.rule,
    oldPaths: e.old_paths ?? [],
  }));
}
