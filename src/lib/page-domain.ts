/** The search filter value for a lesson page, from the folder its id starts with. */
export function domainForPage(pageId: string, blueprint: { domains: ReadonlyArray<{ id: string; title: string }> }) {
  const folder = pageId.split('/')[0];
  if (folder === 'foundations') return 'Foundations';
  return blueprint.domains.find((domain) => domain.id === folder)?.title;
}
