/**
 * The one schema module for the question bank and the exam blueprint.
 * It imports only `astro/zod` so that both `src/content.config.ts` (inside Astro) and
 * `scripts/validate-bank.ts` (plain Node) can use it. Every rule a single entry can break lives
 * here; rules that need the whole bank (unique ids, known objectives) live in bank-validation.ts.
 */
import { z } from 'astro/zod';
import { officialReferenceProblem } from './official-sources.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Markdown with fenced and inline code removed, so that `<`/`>` inside code is never mistaken for HTML. */
export function stripCode(markdown: string): string {
  return markdown.replace(/(`{3,}|~{3,})[^\n]*\n[\s\S]*?(\n\1|$)/g, '').replace(/`[^`\n]*`/g, '');
}

/** An HTML tag or comment outside code spans and fences. Autolinks like <https://…> are Markdown, not HTML. */
export function findRawHtml(markdown: string): string | null {
  const match = stripCode(markdown).match(/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<!--/);
  if (!match || /^<https?:/.test(match[0])) return null;
  return match[0];
}

const markdownText = (what: string) =>
  z
    .string({ error: `${what} must be a string of Markdown` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .superRefine((value, ctx) => {
      const html = findRawHtml(value);
      if (html) ctx.addIssue({ code: 'custom', message: `raw HTML ${html} is not allowed; use Markdown` });
    });

/** Option text is rendered inside a <label>, which may hold only inline content. */
const optionText = markdownText('option text').superRefine((value, ctx) => {
  if (/^\s*(`{3,}|~{3,})/m.test(value) || /\n\s*\n/.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'option text must be inline Markdown (one paragraph, no code fence); put long code in the stem',
    });
  }
});

export const objectiveIdSchema = z.union([
  z.int({ error: 'an exam objective is a whole number from 1 to 47' }).min(1),
  z.string().regex(KEBAB, { error: 'a foundation topic id is kebab-case, e.g. "spark-for-ml"' }),
]);
export type ObjectiveId = z.infer<typeof objectiveIdSchema>;

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const optionSchema = z.strictObject({
  text: optionText,
  correct: z.boolean({ error: 'correct must be true or false' }),
  why: markdownText('why'),
});

/** The fields of a question, before the rules that compare fields with each other. */
export const questionFieldsSchema = z.strictObject({
    id: z.string().regex(KEBAB, { error: 'id must be kebab-case (a-z, 0-9, single hyphens)' }),
    objective: objectiveIdSchema,
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], {
      error: 'difficulty is 1 (recall), 2 (apply) or 3 (analyse a scenario)',
    }),
    type: z.enum(['single', 'multiple'], { error: 'type is "single" or "multiple"' }),
    stem: markdownText('stem'),
    options: z
      .array(optionSchema, { error: 'options must be a list' })
      .min(4, { error: 'a question needs 4 or 5 options' })
      .max(5, { error: 'a question needs 4 or 5 options' }),
    explanation: markdownText('explanation'),
    references: z
      .array(
        z.string().superRefine((url, ctx) => {
          const problem = officialReferenceProblem(url);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      )
      .min(1, { error: 'cite at least one official page' }),
    verified: isoDate,
    status: z.enum(['active', 'retired']).optional(),
});

export const questionSchema = questionFieldsSchema.superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (question.type === 'single' && correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a "single" question needs exactly 1 correct option, found ${correct}`,
      });
    }
    if (question.type === 'multiple' && (correct < 2 || correct === question.options.length)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a "multiple" question needs 2 or more correct options and at least one wrong one, found ${correct}`,
      });
    }
    const seen = new Map<string, number>();
    question.options.forEach((option, index) => {
      const key = option.text.toLowerCase().replace(/\s+/g, ' ');
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', index, 'text'],
          message: `duplicates the text of option ${first + 1}`,
        });
      } else seen.set(key, index);
    });
  });

export type Question = z.infer<typeof questionSchema>;

/** A validated question as the site uses it: its Markdown fields also rendered to HTML at build time. */
export const renderedQuestionSchema = questionFieldsSchema.extend({
  file: z.string(),
  html: z.object({
    stem: z.string(),
    explanation: z.string(),
    options: z.array(z.object({ text: z.string(), why: z.string() })),
  }),
});
export type RenderedQuestion = z.infer<typeof renderedQuestionSchema>;
export type QuestionOption = z.infer<typeof optionSchema>;

/** A bank file is a YAML list of questions. */
export const bankFileSchema = z.array(z.unknown(), { error: 'a question file must be a YAML list of questions' });

/** A fact about the exam and how sure we are of it. */
const examFact = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value,
    status: z.enum(['official', 'community-reported'], {
      error: 'status says whether an official page confirms the fact',
    }),
    source: z.string().optional(),
  });

export const objectiveSchema = z.strictObject({
  id: z.int().min(1),
  text: z.string().min(1),
});

export const sectionSchema = z.strictObject({
  id: z.string().regex(KEBAB),
  title: z.string().min(1),
  objectives: z.array(objectiveSchema).min(1),
});

export const domainSchema = z.strictObject({
  id: z.string().regex(KEBAB),
  title: z.string().min(1),
  weight: z.number().min(0).max(100),
  sections: z.array(sectionSchema).min(1),
});

export const foundationSchema = z.strictObject({
  id: z.string().regex(KEBAB),
  title: z.string().min(1),
  /** The lesson page slug under src/content/docs, e.g. "foundations/spark-for-ml". */
  page: z.string().optional(),
  /** Exam objectives this topic supports. */
  supports: z.array(z.int().min(1)).default([]),
});

export const blueprintSchema = z
  .strictObject({
    exam: z.strictObject({
      name: z.string(),
      guideVersion: z.string(),
      scoredQuestions: examFact(z.int().positive()),
      minutes: examFact(z.int().positive()),
      passingScore: examFact(z.string()),
      weightsStatus: z.enum(['official', 'community-reported']),
    }),
    domains: z.array(domainSchema).min(1),
    foundations: z.array(foundationSchema).default([]),
  })
  .superRefine((blueprint, ctx) => {
    const total = blueprint.domains.reduce((sum, domain) => sum + domain.weight, 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', path: ['domains'], message: `weights add up to ${total}, not 100` });
    const ids = blueprint.domains.flatMap((d) => d.sections.flatMap((s) => s.objectives.map((o) => o.id)));
    ids.forEach((id, index) => {
      if (id !== index + 1) {
        ctx.addIssue({ code: 'custom', path: ['domains'], message: `objectives must be numbered 1, 2, 3… in order; found ${id} at position ${index + 1}` });
      }
    });
  });

export type Blueprint = z.infer<typeof blueprintSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Section = z.infer<typeof sectionSchema>;
