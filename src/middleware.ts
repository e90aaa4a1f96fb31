import { defineMiddleware } from 'astro:middleware';
import { fixStarlightHtml } from './lib/html-fixes.ts';

/** Applies src/lib/html-fixes.ts to every HTML page as it is prerendered. */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  return new Response(fixStarlightHtml(await response.text()), response);
});
