/**
 * Quality rules for the bank beyond its schema: things a valid question can still get wrong.
 * - near-duplicate stems (the same question asked twice teaches nothing and skews a mock exam);
 * - where the correct option sits (with options shown in stored order, a favourite position is a tell);
 * - legacy APIs taught as current, old names without the current one, references to the old pages of renamed
 *   features — all driven by the terminology map (content/terminology.yaml, src/lib/terminology.ts);
 * Pure functions; scripts/lint-content.ts runs them over the bank and the lessons.
 */
import type { LintTerm } from './terminology.ts';

export interface LintQuestion {
  id: string;
  file: string;
  stem: string;
  explanation: string;
  options: ReadonlyArray<{ text: string; correct: boolean; why: string }>;
  status?: string;
  type?: string;
  objective?: number | string;
  difficulty?: number;
}

export interface LintProblem {
  where: string;
  message: string;
}

/** Word trigrams of a stem, code and punctuation folded, for similarity. */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().replace(/[^a-z0-9_]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (words.length < 3) out.add(words.join(' '));
  return out;
}

export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared || 1);
}

/** Pairs of stems at or above `threshold` Jaccard similarity of word trigrams. */
export function nearDuplicateStems(questions: ReadonlyArray<LintQuestion>, threshold = 0.6): LintProblem[] {
  const problems: LintProblem[] = [];
  const sets = questions.map((q) => ({ q, s: shingles(q.stem) }));
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      let shared = 0;
      for (const s of a.s) if (b.s.has(s)) shared++;
      const score = shared / (a.s.size + b.s.size - shared || 1);
      if (score >= threshold) {
        problems.push({
          where: `${a.q.file} › ${a.q.id}`,
          message: `stem is ${Math.round(score * 100)} % the same as "${b.q.id}" (${b.q.file}); ask something different`,
        });
      }
    }
  }
  return problems;
}

/**
 * At least `minShare` of each exam objective's questions analyse a scenario (difficulty 3): a bank of recall items
 * would not measure the professional judgement the exam asks for. Foundation topics are exempt.
 */
export function scenarioShare(questions: ReadonlyArray<LintQuestion>, minShare = 0.3): LintProblem[] {
  const byObjective = new Map<number, { total: number; hard: number }>();
  for (const q of questions) {
    if (typeof q.objective !== 'number') continue;
    const tally = byObjective.get(q.objective) ?? { total: 0, hard: 0 };
    tally.total++;
    if (q.difficulty === 3) tally.hard++;
    byObjective.set(q.objective, tally);
  }
  return [...byObjective]
    .filter(([, t]) => t.hard / t.total < minShare)
    .map(([objective, t]) => ({
      where: `objective ${objective}`,
      message: `${t.hard} of its ${t.total} questions are difficulty 3 (${Math.round((100 * t.hard) / t.total)} %, under ${minShare * 100} %); make a scenario of one more`,
    }));
}

/** Share of correct answers at each option position, per group; flags any position above `maxShare`. */
export function correctPositionSkew(
  questions: ReadonlyArray<LintQuestion>,
  groupOf: (q: LintQuestion) => string,
  maxShare = 0.4,
  minCorrect = 10,
): LintProblem[] {
  const groups = new Map<string, number[]>();
  for (const q of questions) {
    const counts = groups.get(groupOf(q)) ?? [0, 0, 0, 0, 0];
    q.options.forEach((o, i) => {
      if (o.correct) counts[i]!++;
    });
    groups.set(groupOf(q), counts);
  }
  const problems: LintProblem[] = [];
  for (const [group, counts] of groups) {
    const total = counts.reduce((a, b) => a + b, 0);
    if (total < minCorrect) continue;
    counts.forEach((n, i) => {
      if (n / total > maxShare) {
        problems.push({
          where: group,
          message: `option ${String.fromCharCode(65 + i)} holds ${n} of ${total} correct answers (${Math.round((100 * n) / total)} %, more than ${maxShare * 100} %); move some correct options`,
        });
      }
    });
  }
  return problems;
}

/** Words that mark a passage as a legacy note. */
export const LEGACY_MARKER = /\b(legacy|deprecated|no longer|removed|retired|replaced|instead of|older|history|historical|predecessor|superseded|not supported|unsupported|do(?:es)? not support|never|end of life|was renamed|formerly)\b/i;

/** Terms whose rule is label-legacy that `text` uses without marking the passage as legacy. */
export function unmarkedLegacyTerms(text: string, terms: ReadonlyArray<LintTerm>): string[] {
  if (LEGACY_MARKER.test(text)) return [];
  return terms.filter((t) => t.rule === 'label-legacy' && t.patterns.some((p) => p.test(text))).map((t) => t.name);
}

/**
 * In a question, a legacy term may be a wrong option (a distractor) or be discussed in a `why` or explanation that
 * labels it; it must not be taught as current in the stem's premise, a correct option or an unlabelled explanation.
 */
export function legacyInQuestion(q: LintQuestion, terms: ReadonlyArray<LintTerm>): LintProblem[] {
  const problems: LintProblem[] = [];
  const where = `${q.file} › ${q.id}`;
  const check = (field: string, text: string) => {
    for (const term of unmarkedLegacyTerms(text, terms)) {
      problems.push({ where: `${where} › ${field}`, message: `uses ${term} without saying it is legacy` });
    }
  };
  check('explanation', q.explanation);
  q.options.forEach((o, i) => {
    if (o.correct) check(`options[${i}]`, `${o.text} ${o.why}`);
  });
  return problems;
}

/**
 * In a lesson, a legacy term may appear only inside a passage (paragraph, list item, table row or aside) that says
 * it is legacy, or inside an aside titled as such.
 */
export function legacyInLesson(file: string, mdx: string, terms: ReadonlyArray<LintTerm>): LintProblem[] {
  const problems: LintProblem[] = [];
  const body = mdx.replace(/^---[\s\S]*?\n---\n/, '');
  // Asides are passages of their own; their title counts as part of the passage.
  const offset = mdx.length - body.length;
  const passages = body.split(/\n(?=:::|\s*- |\s*\d+\. )|(?<=\n:::)\n|\n\s*\n/);
  let from = 0;
  for (const passage of passages) {
    const at = body.indexOf(passage, from);
    from = at + passage.length;
    for (const term of unmarkedLegacyTerms(passage, terms)) {
      problems.push({ where: `${file}:${lineAt(mdx, offset + at)}`, message: `uses ${term} without saying it is legacy in the same passage` });
    }
  }
  return problems;
}

/** A lesson that uses an exam-guide name whose rule is name-current must also give the current name somewhere. */
export function currentNameMissing(file: string, mdx: string, terms: ReadonlyArray<LintTerm>): LintProblem[] {
  const body = mdx.replace(/^---[\s\S]*?\n---\n/, '');
  const plain = body.replace(/`/g, '').toLowerCase();
  return terms
    .filter((t) => t.rule === 'name-current' && t.patterns.some((p) => p.test(body)) && !plain.includes(t.current.replace(/`/g, '').toLowerCase()))
    .map((t) => ({ where: file, message: `uses "${t.name}" but never names its current name, "${t.current}" (content/terminology.yaml)` }));
}

/** References or links that point at the old documentation page of a renamed or replaced feature. */
export function oldPageReferences(where: string, urls: ReadonlyArray<string>, terms: ReadonlyArray<LintTerm>): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const url of urls) {
    const term = terms.find((t) => t.oldPaths.some((path) => url.includes(path)));
    if (term) problems.push({ where, message: `${url} is an old page of "${term.name}"; cite the current page of "${term.current}"` });
  }
  return problems;
}

/** The 1-based line of a character offset in a text. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The https links of a Markdown text. */
export function markdownLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].map((m) => m[1]!);
}

/**
 * MDX passes attribute names to the HTML unchanged, so a React-style camelCase SVG attribute (`strokeWidth`) is
 * silently ignored by the browser. Diagrams must use the SVG names (`stroke-width`).
 */
export function camelCaseSvgAttributes(file: string, mdx: string): LintProblem[] {
  const problems: LintProblem[] = [];
  // React spellings of hyphenated SVG attributes. (markerWidth, refX, viewBox… really are camelCase in SVG.)
  const pattern =
    /\s(stroke(?:Width|Dasharray|Dashoffset|Linecap|Linejoin|Opacity|Miterlimit)|fill(?:Opacity|Rule)|clip(?:Rule|Path)|font(?:Size|Weight|Family|Style)|text(?:Anchor|Decoration)|marker(?:Start|Mid|End)|dominantBaseline|alignmentBaseline|stop(?:Color|Opacity))=/g;
  for (const match of mdx.matchAll(pattern)) {
    const svgName = match[1]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    problems.push({ where: `${file}:${lineAt(mdx, match.index)}`, message: `SVG attribute ${match[1]} is ignored in HTML; write ${svgName}` });
  }
  return problems;
}

/**
 * A page that imports from `@astrojs/starlight/components` puts the stylesheets of the components it uses on every
 * page of the site (Astro 7 hoists them with the shared module: about 1.2 kB gzip on every lesson when the home page
 * and eight pages used Starlight's Steps, CardGrid and LinkCard). The guide's own components keep styles where they
 * are used.
 */
export function starlightComponentImports(file: string, mdx: string): LintProblem[] {
  return [...mdx.matchAll(/^import .* from ['"]@astrojs\/starlight\/components['"];?$/gm)].map((match) => ({
    where: `${file}:${lineAt(mdx, match.index)}`,
    message: "imports from '@astrojs/starlight/components', whose styles then load on every page; use the guide's own (src/components/Steps.astro, LinkCard.astro)",
  }));
}
