/**
 * Validation of the whole question bank: each file's YAML, each question against the schema,
 * then the rules that need the whole bank (unique ids, objectives that exist, a bank that is not empty).
 * Pure: it takes file texts and returns every error found, so unit tests can feed it fixtures.
 */
import { isScalar, parseDocument, visit } from 'yaml';
import type { z } from 'astro/zod';
import { blueprintSchema, bankFileSchema, questionSchema, type Blueprint, type Question } from './schema.ts';

export interface SourceFile {
  /** Path relative to the project root, used in messages. */
  path: string;
  text: string;
}

export interface BankError {
  file: string;
  /** The question id, when the error belongs to one question. */
  id?: string;
  /** Where in the question, e.g. `options[2].why`. */
  field?: string;
  message: string;
}

export interface LoadedQuestion extends Question {
  /** The file the question came from, relative to the project root. */
  file: string;
}

export function formatError(error: BankError): string {
  const where = [error.file, error.id && `question "${error.id}"`, error.field].filter(Boolean).join(' › ');
  return `${where}: ${error.message}`;
}

function pathToField(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function issuesToErrors(file: string, id: string | undefined, error: z.ZodError): BankError[] {
  return error.issues.map((issue) => ({
    file,
    id,
    field: issue.path.length ? pathToField(issue.path) : undefined,
    message: issue.message,
  }));
}

/** Parses YAML and reports syntax errors with line and column. */
function parseYaml(file: SourceFile): { value: unknown; errors: BankError[] } {
  const doc = parseDocument(file.text, { prettyErrors: true });
  if (doc.errors.length) {
    return {
      value: undefined,
      errors: doc.errors.map((e) => ({
        file: file.path,
        message: `YAML syntax error at line ${e.linePos?.[0].line ?? '?'}, column ${e.linePos?.[0].col ?? '?'}: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  // In YAML ` #` starts a comment, so `text: see row #4711` silently loses "#4711". A comment trailing a value on the
  // same line is almost always such an accident: report it.
  const errors: BankError[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.comment && node.range && !/\n\s*#/.test(file.text.slice(node.range[1], node.range[2]))) {
        const line = file.text.slice(0, node.range[0]).split('\n').length;
        errors.push({
          file: file.path,
          message: `line ${line}: "#${node.comment.trim().split(' ')[0]}…" after the value is read as a YAML comment and dropped; quote the value`,
        });
      }
    },
  });
  return { value: doc.toJS(), errors };
}

export function validateBlueprint(file: SourceFile): { blueprint?: Blueprint; errors: BankError[] } {
  const { value, errors } = parseYaml(file);
  if (errors.length) return { errors };
  const result = blueprintSchema.safeParse(value);
  if (!result.success) return { errors: issuesToErrors(file.path, undefined, result.error) };
  return { blueprint: result.data, errors: [] };
}

/** Every objective id a question may name: exam objectives 1–47 and foundation topic ids. */
export function knownObjectives(blueprint: Blueprint): Set<number | string> {
  const ids = new Set<number | string>();
  for (const domain of blueprint.domains)
    for (const section of domain.sections) for (const objective of section.objectives) ids.add(objective.id);
  for (const topic of blueprint.foundations) ids.add(topic.id);
  return ids;
}

export function validateBank(
  files: ReadonlyArray<SourceFile>,
  blueprint: Blueprint,
): { questions: LoadedQuestion[]; errors: BankError[] } {
  const errors: BankError[] = [];
  const questions: LoadedQuestion[] = [];
  const firstSeen = new Map<string, string>();
  const objectives = knownObjectives(blueprint);

  if (files.length === 0) {
    errors.push({ file: 'content/questions/', message: 'the bank is empty: no .yaml files were found' });
  }

  for (const file of files) {
    const parsed = parseYaml(file);
    errors.push(...parsed.errors);
    if (parsed.errors.length) continue;
    const list = bankFileSchema.safeParse(parsed.value);
    if (!list.success) {
      errors.push({ file: file.path, message: 'a question file must be a YAML list of questions (each item starts with "- id: …")' });
      continue;
    }
    if (list.data.length === 0) errors.push({ file: file.path, message: 'the file holds no questions' });

    list.data.forEach((raw, index) => {
      const rawId =
        raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
          ? (raw as { id: string }).id
          : undefined;
      const label = rawId ?? `#${index + 1} (no id)`;
      const result = questionSchema.safeParse(raw);
      if (!result.success) {
        errors.push(...issuesToErrors(file.path, label, result.error));
        return;
      }
      const question = result.data;
      const other = firstSeen.get(question.id);
      if (other) {
        errors.push({ file: file.path, id: question.id, field: 'id', message: `duplicate id: already used in ${other}` });
      } else firstSeen.set(question.id, file.path);
      if (!objectives.has(question.objective)) {
        errors.push({
          file: file.path,
          id: question.id,
          field: 'objective',
          message: `unknown objective ${JSON.stringify(question.objective)}: use an exam objective 1–47 or a foundation id from content/blueprint.yaml`,
        });
      }
      questions.push({ ...question, file: file.path });
    });
  }
  return { questions, errors };
}

export interface CoverageRow {
  label: string;
  questions: number;
  byDifficulty: [number, number, number];
}

/** Questions per objective and per domain (active ones only), with the difficulty mix. */
export function coverage(questions: ReadonlyArray<Question>, blueprint: Blueprint) {
  const active = questions.filter((q) => q.status !== 'retired');
  const row = (label: string, subset: ReadonlyArray<Question>): CoverageRow => ({
    label,
    questions: subset.length,
    byDifficulty: [1, 2, 3].map((d) => subset.filter((q) => q.difficulty === d).length) as [number, number, number],
  });
  const objectives: CoverageRow[] = [];
  const domains: CoverageRow[] = [];
  for (const domain of blueprint.domains) {
    const ids = new Set(domain.sections.flatMap((s) => s.objectives.map((o) => o.id)));
    domains.push(row(domain.title, active.filter((q) => ids.has(q.objective as number))));
    for (const section of domain.sections)
      for (const objective of section.objectives)
        objectives.push(row(`${objective.id}`, active.filter((q) => q.objective === objective.id)));
  }
  for (const topic of blueprint.foundations) objectives.push(row(topic.id, active.filter((q) => q.objective === topic.id)));
  return { objectives, domains, total: row('All', active) };
}
