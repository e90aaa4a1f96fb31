import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { RenderedQuestion } from '~/lib/schema.ts';
import { placeFinder, questionSets, toAnkiText } from '~/lib/bank-export.ts';
import { loadBlueprint } from '~/lib/blueprint.ts';

/** The active bank as an Anki text import: File → Import in Anki, note type Basic (format: src/lib/bank-export.ts). */
export const GET: APIRoute = async () => {
  const questions: RenderedQuestion[] = (await getCollection('questions')).map((entry) => entry.data);
  const text = toAnkiText(questions, placeFinder(questionSets(loadBlueprint())));
  return new Response(text, { headers: { 'Content-Type': 'text/tab-separated-values; charset=utf-8' } });
};
