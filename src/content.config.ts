import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { objectiveIdSchema } from './lib/schema.ts';
import { questionBankLoader } from './lib/question-bank-loader.ts';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** The exam objectives (1–47) or foundation topic ids this page teaches. */
        objectives: z.array(objectiveIdSchema).optional(),
        /** When the page's facts were last checked against the official pages it cites. */
        verified: z.coerce.date().optional(),
      }),
    }),
  }),
  // The loader validates the bank with src/lib/schema.ts and supplies the schema of the rendered entries.
  questions: defineCollection({ loader: questionBankLoader() }),
};
