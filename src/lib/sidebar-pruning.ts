/**
 * Every page carries the whole sidebar in its HTML, and a lesson's HTML must fit 14 kB (shared QUALITY.md). So each
 * page shows in full only the section it is in; every other section collapses to one link to its first page (the
 * section overview), labelled with the section's title. Top-level groups keep their place, so the map of the guide
 * stays visible from everywhere. A top-level group that is collapsed by configuration (the guide's extras:
 * foundations, case studies, preparation) and does not hold the current page becomes one link to its first page,
 * the folder's overview, which lists every page in it.
 */

export interface PrunableLink {
  type: 'link';
  label: string;
  href: string;
  isCurrent: boolean;
}
export interface PrunableGroup<E> {
  type: 'group';
  label: string;
  entries: E[];
  collapsed: boolean;
}
type Entry = PrunableLink | PrunableGroup<Entry>;

const hasCurrent = (entry: Entry): boolean =>
  entry.type === 'link' ? entry.isCurrent : entry.entries.some(hasCurrent);

const firstLink = (entry: Entry): PrunableLink | undefined =>
  entry.type === 'link' ? entry : entry.entries.map(firstLink).find(Boolean);

/** A group shown as one link to its first page (its overview), under the group's own label. */
function asLink<E extends Entry>(group: PrunableGroup<Entry>): E | undefined {
  const first = firstLink(group);
  return first ? ({ ...first, label: group.label, isCurrent: false } as E) : undefined;
}

/**
 * Replaces each nested group that does not hold the current page, and each top-level group collapsed by
 * configuration that does not hold it, with a link to its first page.
 */
export function pruneSidebar<E extends Entry>(entries: E[]): E[] {
  return entries.map((entry) => {
    if (entry.type !== 'group') return entry;
    const inside = hasCurrent(entry);
    if (!inside && entry.collapsed) return asLink<E>(entry) ?? entry;
    return {
      ...entry,
      // The group holding the current page opens; the others stay as configured.
      collapsed: inside ? false : entry.collapsed,
      entries: entry.entries.map((child) => {
        if (child.type !== 'group' || hasCurrent(child)) return child;
        return asLink<Entry>(child) ?? child;
      }),
    };
  });
}
