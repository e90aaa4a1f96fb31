import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadBlueprint } from '~/lib/blueprint.ts';
import { lessonForObjective } from '~/lib/objective-lesson.ts';
import type { BankIndex } from '~/lib/practice-bank.ts';

/** The index of every active question, for the practice pages (see src/lib/practice-bank.ts). */
export const GET: APIRoute = async () => {
  const blueprint = loadBlueprint();
  const where = new Map<number | string, { domain: string; section: string }>();
  for (const domain of blueprint.domains)
    for (const section of domain.sections)
      for (const objective of section.objectives) where.set(objective.id, { domain: domain.id, section: section.id });
  for (const topic of blueprint.foundations) where.set(topic.id, { domain: 'foundations', section: topic.id });

  const questions = (await getCollection('questions'))
    .map((entry) => entry.data)
    .filter((q) => q.status !== 'retired')
    .map((q) => ({
      id: q.id,
      objective: q.objective,
      ...where.get(q.objective)!,
      difficulty: q.difficulty,
      type: q.type,
      options: q.options.length,
      answer: q.options.flatMap((o, i) => (o.correct ? [i] : [])),
    }));
  // The lesson for each objective (src/lib/objective-lesson.ts); its sidebar label ("15. Nested runs") is the objective's short name.
  const pages = await getCollection('docs');
  const objective = (id: number | string, fallback: string) => {
    const page = lessonForObjective(pages, id);
    const title = page && (typeof id === 'number' ? `${id}. ${page.data.title}` : page.data.title);
    return { id, label: page?.data.sidebar?.label ?? title ?? fallback, lesson: page ? `${page.id}/` : null };
  };
  const index: BankIndex = {
    builtAt: new Date().toISOString(),
    domains: blueprint.domains.map((d) => ({
      id: d.id,
      title: d.title,
      weight: d.weight,
      sections: d.sections.map((s) => ({ id: s.id, title: s.title, objectives: s.objectives.map((o) => o.id) })),
    })),
    foundations: blueprint.foundations.map((f) => ({ id: f.id, title: f.title })),
    objectives: [
      ...blueprint.domains.flatMap((d) => d.sections.flatMap((s) => s.objectives.map((o) => objective(o.id, `Objective ${o.id}`)))),
      ...blueprint.foundations.map((f) => objective(f.id, f.title)),
    ],
    questions,
  };
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
