import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { RenderedQuestion } from '~/lib/schema.ts';
import { toBankExport } from '~/lib/bank-export.ts';
import { CONTENT_LICENSE, REPOSITORY_URL, SITE_VERSION } from '~/lib/site-config.ts';

/** The whole active bank as open data, in its Markdown source form (format: src/lib/bank-export.ts). */
export const GET: APIRoute = async () => {
  const questions: RenderedQuestion[] = (await getCollection('questions')).map((entry) => entry.data);
  const data = toBankExport(questions, {
    builtAt: new Date().toISOString(),
    license: CONTENT_LICENSE,
    siteVersion: SITE_VERSION,
    repository: REPOSITORY_URL,
  });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
