/**
 * `npm run check:dist`: checks the built site in dist/ (or DIST_DIR, built for BASE_PATH) against the budgets in
 * shared QUALITY.md and the hosting rules. Prints every figure, fails (exit 1) naming each budget exceeded.
 *
 * - every internal link and #anchor resolves; no root-relative URL escapes BASE_PATH (HTML, CSS and JS);
 * - no request to another origin; no framework runtime on any page;
 * - lesson HTML ≤ 24 kB gzip, and the median lesson ≤ 14 kB (TCP's first flight); a page that needs more is split,
 *   never cut (QUALITY.md);
 * - the self-check script (with its imports) ≤ 5 kB gzip;
 * - the JS a reading page runs eagerly ≤ Starlight's own (measured on the 404 page) + 5 kB;
 * - a lesson's whole first load (HTML + CSS + eager JS) ≤ FIRST_LOAD_BUDGET.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkLinks, crossOriginRequests, escapesBase, frameworkRuntime, type Problem } from '../src/lib/dist-checks.ts';
import { loadBlueprint } from '../src/lib/blueprint.ts';
import { gz, kB, readDist } from './dist-reader.ts';

export const BUDGETS = {
  lessonHtml: 24 * 1024,
  lessonHtmlMedian: 14 * 1024,
  selfCheckScript: 5 * 1024,
  selfCheckEagerExtra: 5 * 1024,
  firstLoad: 60 * 1024,
};

const root = new URL('..', import.meta.url).pathname;
const site = readDist(join(root, process.env.DIST_DIR || 'dist'), process.env.BASE_PATH || '/');
const { files, pages, read, base, dir: dist } = site;
const problems: Problem[] = [];

// Links and anchors.
problems.push(...checkLinks(pages, base, (path) => existsSync(join(dist, path))));

// Base path, other origins, frameworks.
for (const file of files) {
  const kind = file.endsWith('.html') ? 'html' : file.endsWith('.css') ? 'css' : file.endsWith('.js') && !file.startsWith('pagefind/') ? 'js' : null;
  if (!kind) continue;
  for (const url of escapesBase(read(file), base, kind)) problems.push({ file, message: `"${url}" escapes the base path ${base}` });
}
for (const page of pages) {
  for (const url of crossOriginRequests(page.html)) problems.push({ file: page.file, message: `requests ${url} from another origin` });
  const runtime = frameworkRuntime(page.html, site.eagerJs(page).map(read).join('\n'));
  if (runtime) problems.push({ file: page.file, message: `ships a framework runtime: ${runtime}` });
}

// Budgets.
const blueprint = loadBlueprint(root);
const lessonFolders = new Set([...blueprint.domains.map((d) => d.id), 'foundations', 'exam', 'case-studies', 'preparation']);
const lessons = pages.filter((p) => lessonFolders.has(p.file.split('/')[0]!));
const sizes = lessons.map((page) => ({ page, html: gz(page.html) })).sort((a, b) => b.html - a.html);
for (const { page, html } of sizes) {
  if (html > BUDGETS.lessonHtml) problems.push({ file: page.file, message: `lesson HTML is ${kB(html)} gzip; the budget is ${kB(BUDGETS.lessonHtml)}` });
}
const median = sizes.length ? sizes[Math.floor(sizes.length / 2)]!.html : 0;
if (median > BUDGETS.lessonHtmlMedian) {
  problems.push({ file: '(all lessons)', message: `the median lesson HTML is ${kB(median)} gzip; the budget is ${kB(BUDGETS.lessonHtmlMedian)}` });
}

const selfCheckEntry = files.find((f) => /^_astro\/SelfCheck\.astro.*\.js$/.test(f));
const selfCheckBytes = selfCheckEntry ? site.sizeOf([...site.moduleClosure(selfCheckEntry)]).gzip : 0;
if (!selfCheckEntry) problems.push({ file: '_astro/', message: 'no self-check script found: was the site built with lessons?' });
if (selfCheckBytes > BUDGETS.selfCheckScript) {
  problems.push({ file: selfCheckEntry!, message: `the self-check script is ${kB(selfCheckBytes)} gzip; the budget is ${kB(BUDGETS.selfCheckScript)}` });
}

const notFound = pages.find((p) => p.file === '404.html');
const starlightEager = notFound ? site.firstLoad(notFound).js.gzip : 0;
const firstLoads = lessons.map((page) => {
  const load = site.firstLoad(page);
  return { page, scripts: load.js.gzip, css: load.css.gzip, total: load.total };
});
for (const { page, scripts, total } of firstLoads) {
  if (scripts > starlightEager + BUDGETS.selfCheckEagerExtra) {
    problems.push({ file: page.file, message: `eager JS is ${kB(scripts)} gzip; the budget is Starlight's ${kB(starlightEager)} + ${kB(BUDGETS.selfCheckEagerExtra)}` });
  }
  if (total > BUDGETS.firstLoad) problems.push({ file: page.file, message: `first load is ${kB(total)} gzip; the budget is ${kB(BUDGETS.firstLoad)}` });
}

const heaviest = firstLoads.sort((a, b) => b.total - a.total)[0];
console.log(`Checked ${pages.length} pages and ${files.length} files in ${relative(root, dist)}/ (base ${base}).`);
console.log(`  lesson HTML (gzip): largest ${kB(sizes[0]?.html ?? 0)} (${sizes[0]?.page.file ?? '–'}), median ${kB(median)} (budget ${kB(BUDGETS.lessonHtmlMedian)})`);
console.log(`  self-check script (gzip, with imports): ${kB(selfCheckBytes)} (budget ${kB(BUDGETS.selfCheckScript)})`);
console.log(`  eager JS: Starlight's own ${kB(starlightEager)}; heaviest lesson ${kB(heaviest?.scripts ?? 0)}`);
console.log(`  heaviest first load: ${kB(heaviest?.total ?? 0)} = HTML + ${kB(heaviest?.css ?? 0)} CSS + JS (${heaviest?.page.file ?? '–'})`);

if (problems.length) {
  for (const p of problems) console.error(`✖ ${p.file}: ${p.message}`);
  console.error(`\n${problems.length} problem(s) in the built site.`);
  process.exit(1);
}
console.log('✔ links, base path, origins and budgets are all within bounds.');
