/**
 * Starlight route middleware, run for every page:
 * - a Pagefind `domain` filter (the exam domain the page's folder belongs to, or "Foundations"), so search
 *   results can be narrowed by domain;
 * - a sidebar that shows only the current section in full (src/lib/sidebar-pruning.ts), to keep pages light.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { domainForPage } from './lib/page-domain.ts';
import { pruneSidebar } from './lib/sidebar-pruning.ts';
import { loadBlueprint } from './lib/blueprint.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const { entry, head } = route;
  route.sidebar = pruneSidebar(route.sidebar);
  const domain = domainForPage(entry.id, loadBlueprint());
  if (domain) head.push({ tag: 'meta', attrs: { name: 'pagefind-domain', 'data-pagefind-filter': 'domain[content]', content: domain } });
});
