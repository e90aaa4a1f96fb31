import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { extractAssets, type QuestionContent } from '~/lib/practice-bank.ts';

/** One question's pre-rendered content, fetched by the practice pages when they show it. */
export const getStaticPaths = (async () => {
  const questions = await getCollection('questions');
  return questions.filter((q) => q.data.status !== 'retired').map((q) => ({ params: { id: q.id }, props: { question: q } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const q = (props as { question: CollectionEntry<'questions'> }).question.data;
  const n = q.options.length;
  const { fragments, assets } = extractAssets([
    q.html.stem,
    ...q.html.options.map((o) => o.text),
    ...q.html.options.map((o) => o.why),
    q.html.explanation,
  ]);
  const content: QuestionContent = {
    id: q.id,
    objective: q.objective,
    type: q.type,
    stem: fragments[0]!,
    options: fragments.slice(1, 1 + n),
    whys: fragments.slice(1 + n, 1 + 2 * n),
    explanation: fragments[1 + 2 * n]!,
    references: q.references,
    verified: q.verified,
    assets,
  };
  return new Response(JSON.stringify(content), { headers: { 'Content-Type': 'application/json' } });
};
