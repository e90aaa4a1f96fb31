/**
 * Starlight route middleware: gives every lesson page a Pagefind `domain` filter (the exam domain its folder
 * belongs to, or "Foundations"), so search results can be narrowed by domain.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { domainForPage } from './lib/page-domain.ts';
import { loadBlueprint } from './lib/blueprint.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const { entry, head } = context.locals.starlightRoute;
  const domain = domainForPage(entry.id, loadBlueprint());
  if (domain) head.push({ tag: 'meta', attrs: { name: 'pagefind-domain', 'data-pagefind-filter': 'domain[content]', content: domain } });
});
