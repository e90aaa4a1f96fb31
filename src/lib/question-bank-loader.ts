/**
 * Astro content loader for the question bank: one entry per question, keyed by its id.
 * It runs the same validation as `npm run validate` (so `astro dev` refuses a broken bank too) and renders every
 * Markdown field with the site's own Markdown pipeline, so code in questions is highlighted like code in lessons.
 */
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { readBankFiles, readBlueprintFile } from './bank-files.ts';
import { formatError, validateBank, validateBlueprint } from './bank-validation.ts';
import { renderedQuestionSchema } from './schema.ts';

// `satisfies` keeps the concrete schema type, from which Astro infers the entries' type.
export function questionBankLoader() {
  return {
    name: 'question-bank',
    schema: renderedQuestionSchema,
    async load({ config, store, renderMarkdown, logger }) {
      const root = fileURLToPath(config.root);
      const { blueprint, errors: blueprintErrors } = validateBlueprint(readBlueprintFile(root));
      const { questions, errors } = blueprint ? validateBank(readBankFiles(root), blueprint) : { questions: [], errors: [] };
      const all = [...blueprintErrors, ...errors];
      if (all.length) {
        throw new Error(`The question bank is invalid (run \`npm run validate\`):\n${all.map(formatError).join('\n')}`);
      }
      const html = async (markdown: string) => (await renderMarkdown(markdown)).html;
      // Option text sits inside a <label>: render it, then unwrap the single paragraph Markdown puts around it.
      const inline = async (markdown: string) => (await html(markdown)).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
      store.clear();
      for (const question of questions) {
        store.set({
          id: question.id,
          filePath: question.file,
          data: {
            ...question,
            html: {
              stem: await html(question.stem),
              explanation: await html(question.explanation),
              options: await Promise.all(
                question.options.map(async (option) => ({ text: await inline(option.text), why: await html(option.why) })),
              ),
            },
          },
        });
      }
      logger.info(`${questions.length} questions loaded`);
    },
  } satisfies Loader;
}
