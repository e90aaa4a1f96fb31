/**
 * The sidebar, generated from the blueprint: one group per exam domain, one entry per section. A section is a
 * single page (`<domain>/<section>.mdx`) or, when it is long, a folder of parts (`<domain>/<section>/*.mdx`,
 * ordered by `sidebar.order`). Sections with neither are left out, so the sidebar never links to a missing page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Blueprint } from './schema.ts';

type SidebarItem =
  | { label: string; slug: string }
  | { label: string; link: string }
  | { label: string; collapsed?: boolean; items: Array<SidebarItem | { autogenerate: { directory: string } }> };

export interface PageLookup {
  /** True when src/content/docs/<slug>.md(x) exists. */
  page(slug: string): boolean;
  /** True when the folder src/content/docs/<slug>/ exists. */
  folder(slug: string): boolean;
}

/** The lookup over a docs folder on disk (the site's src/content/docs, or a copy with the same layout). */
export function docsPageLookup(docsDir: string): PageLookup {
  return {
    page: (slug) => ['.mdx', '.md'].some((ext) => existsSync(join(docsDir, slug + ext))),
    folder: (slug) => existsSync(join(docsDir, slug)),
  };
}

export function sidebarFromBlueprint(blueprint: Blueprint, pages: PageLookup): SidebarItem[] {
  const domains: SidebarItem[] = blueprint.domains.map((domain) => ({
    label: `${domain.title} (${domain.weight}%)`,
    items: domain.sections.flatMap((section): SidebarItem[] => {
      const slug = `${domain.id}/${section.id}`;
      if (pages.folder(slug)) return [{ label: section.title, collapsed: true, items: [{ autogenerate: { directory: slug } }] }];
      if (pages.page(slug)) return [{ label: section.title, slug }];
      return [];
    }),
  }));
  const start: SidebarItem = {
    label: 'Start here',
    items: [{ label: 'How to use this guide', slug: 'index' }, ...(pages.folder('exam') ? [{ autogenerate: { directory: 'exam' } }] : [])],
  };
  // The guide's own material beyond the exam objectives, each folder a collapsed group when it has pages.
  const extras: SidebarItem[] = [
    ['foundations', 'Foundations'],
    ['case-studies', 'Case studies'],
    ['preparation', 'How to prepare'],
  ]
    .filter(([folder]) => pages.folder(folder!))
    .map(([folder, label]) => ({ label: label!, collapsed: true, items: [{ autogenerate: { directory: folder! } }] }));
  // The practice pages are Astro routes, not docs entries, so they are linked by path (Starlight adds the base).
  const practice: SidebarItem = {
    label: 'Practice',
    items: [
      { label: 'Build a practice session', link: '/practice/' },
      { label: 'Mock exam', link: '/practice/exam/' },
      { label: 'Review queue', link: '/practice/review/' },
      { label: 'Your progress', link: '/progress/' },
    ],
  };
  return [start, practice, ...domains, ...extras];
}
