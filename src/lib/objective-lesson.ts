/**
 * The lesson that teaches an objective, for every page that links an objective to its lesson (section overviews,
 * exam links, the progress map, the practice bank index). A lesson page lists its objective in its frontmatter;
 * worked-example and companion pages may list the same one, so the page that comes first in the sidebar (the lowest
 * `sidebar.order`) is the lesson. Case studies and preparation pages, which exercise objectives rather than teach
 * them, and pages that cover several objectives are used only when nothing else covers it.
 */
export interface LessonPage {
  id: string;
  data: { objectives?: ReadonlyArray<number | string>; sidebar?: { order?: number } };
}

export function lessonForObjective<P extends LessonPage>(pages: readonly P[], objective: number | string): P | undefined {
  const order = (p: P) => p.data.sidebar?.order ?? Number.POSITIVE_INFINITY;
  const first = (candidates: P[]) => candidates.sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id))[0];
  const teaches = (p: P) => !/^(case-studies|preparation|exam)\//.test(p.id);
  const covers = pages.filter((p) => p.data.objectives?.includes(objective));
  return first(covers.filter((p) => teaches(p) && p.data.objectives!.length === 1)) ?? first(covers.filter(teaches)) ?? first(covers);
}
