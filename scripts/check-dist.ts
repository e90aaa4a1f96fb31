/**
 * `npm run check:dist`: checks the built site in dist/ (or DIST_DIR, built for BASE_PATH) against the budgets in
 * shared QUALITY.md and the hosting rules. Prints every figure, fails (exit 1) naming each budget exceeded.
 *
 * - every internal link and #anchor resolves; no root-relative URL escapes BASE_PATH (HTML, CSS and JS);
 * - no request to another origin; no framework runtime on any page;
 * - lesson HTML ≤ 14 kB gzip (median reported against 10 kB);
 * - the self-check script (with its imports) ≤ 5 kB gzip;
 * - the JS a reading page runs eagerly ≤ Starlight's own (measured on the 404 page) + 5 kB;
 * - a lesson's whole first load (HTML + CSS + eager JS) ≤ FIRST_LOAD_BUDGET.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, dirname, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  checkLinks,
  crossOriginRequests,
  eagerScripts,
  escapesBase,
  frameworkRuntime,
  screenStylesheets,
  staticImports,
  type BuiltPage,
  type Problem,
} from '../src/lib/dist-checks.ts';
import { loadBlueprint } from '../src/lib/blueprint.ts';

export const BUDGETS = {
  lessonHtml: 14 * 1024,
  lessonHtmlMedian: 10 * 1024,
  selfCheckScript: 5 * 1024,
  selfCheckEagerExtra: 5 * 1024,
  firstLoad: 60 * 1024,
};

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, process.env.DIST_DIR || 'dist');
const base = process.env.BASE_PATH || '/';
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

if (!existsSync(dist)) {
  console.error(`✖ ${dist} does not exist: run the build first.`);
  process.exit(1);
}

const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(dist, join(entry.parentPath, entry.name)));
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const pages: BuiltPage[] = files.filter((f) => f.endsWith('.html')).map((file) => ({ file, html: read(file) }));
const problems: Problem[] = [];

// Links and anchors.
problems.push(...checkLinks(pages, base, (path) => existsSync(join(dist, path))));

// Base path, other origins, frameworks.
for (const file of files) {
  const kind = file.endsWith('.html') ? 'html' : file.endsWith('.css') ? 'css' : file.endsWith('.js') && !file.startsWith('pagefind/') ? 'js' : null;
  if (!kind) continue;
  for (const url of escapesBase(read(file), base, kind)) problems.push({ file, message: `"${url}" escapes the base path ${base}` });
}
const jsCache = new Map<string, string>();
const js = (file: string) => {
  if (!jsCache.has(file)) jsCache.set(file, existsSync(join(dist, file)) ? read(file) : '');
  return jsCache.get(file)!;
};
/** A module and everything it statically imports, as paths below dist. */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const spec of staticImports(js(entry))) {
    const next = spec.startsWith('/') ? spec.slice(base.length) : posix.join(dirname(entry), spec);
    closure(next, seen);
  }
  return seen;
}
const eagerJs = (page: BuiltPage) => [...new Set(eagerScripts(page.html, base).flatMap((s) => [...closure(s)]))];

for (const page of pages) {
  for (const url of crossOriginRequests(page.html)) problems.push({ file: page.file, message: `requests ${url} from another origin` });
  const runtime = frameworkRuntime(page.html, eagerJs(page).map(js).join('\n'));
  if (runtime) problems.push({ file: page.file, message: `ships a framework runtime: ${runtime}` });
}

// Budgets.
const blueprint = loadBlueprint(root);
const lessonFolders = new Set([...blueprint.domains.map((d) => d.id), 'foundations', 'exam']);
const lessons = pages.filter((p) => lessonFolders.has(p.file.split('/')[0]!));
const sizes = lessons.map((page) => ({ page, html: gz(page.html) })).sort((a, b) => b.html - a.html);
for (const { page, html } of sizes) {
  if (html > BUDGETS.lessonHtml) problems.push({ file: page.file, message: `lesson HTML is ${kB(html)} gzip; the budget is ${kB(BUDGETS.lessonHtml)}` });
}
const median = sizes.length ? sizes[Math.floor(sizes.length / 2)]!.html : 0;

const selfCheckEntry = files.find((f) => /^_astro\/SelfCheck\.astro.*\.js$/.test(f));
const selfCheckBytes = selfCheckEntry ? gz([...closure(selfCheckEntry)].map(js).join('\n')) : 0;
if (!selfCheckEntry) problems.push({ file: '_astro/', message: 'no self-check script found: was the site built with lessons?' });
if (selfCheckBytes > BUDGETS.selfCheckScript) {
  problems.push({ file: selfCheckEntry!, message: `the self-check script is ${kB(selfCheckBytes)} gzip; the budget is ${kB(BUDGETS.selfCheckScript)}` });
}

const notFound = pages.find((p) => p.file === '404.html');
const starlightEager = notFound ? gz(eagerJs(notFound).map(js).join('\n')) : 0;
const firstLoads = lessons.map((page) => {
  const scripts = gz(eagerJs(page).map(js).join('\n'));
  const css = screenStylesheets(page.html, base).reduce((sum, href) => sum + (existsSync(join(dist, href)) ? gz(read(href)) : 0), 0);
  return { page, scripts, css, total: gz(page.html) + scripts + css };
});
for (const { page, scripts, total } of firstLoads) {
  if (scripts > starlightEager + BUDGETS.selfCheckEagerExtra) {
    problems.push({ file: page.file, message: `eager JS is ${kB(scripts)} gzip; the budget is Starlight's ${kB(starlightEager)} + ${kB(BUDGETS.selfCheckEagerExtra)}` });
  }
  if (total > BUDGETS.firstLoad) problems.push({ file: page.file, message: `first load is ${kB(total)} gzip; the budget is ${kB(BUDGETS.firstLoad)}` });
}

const heaviest = firstLoads.sort((a, b) => b.total - a.total)[0];
console.log(`Checked ${pages.length} pages and ${files.length} files in ${relative(root, dist)}/ (base ${base}).`);
console.log(`  lesson HTML (gzip): largest ${kB(sizes[0]?.html ?? 0)} (${sizes[0]?.page.file ?? '–'}), median ${kB(median)} (target ≤ ${kB(BUDGETS.lessonHtmlMedian)})`);
console.log(`  self-check script (gzip, with imports): ${kB(selfCheckBytes)} (budget ${kB(BUDGETS.selfCheckScript)})`);
console.log(`  eager JS: Starlight's own ${kB(starlightEager)}; heaviest lesson ${kB(heaviest?.scripts ?? 0)}`);
console.log(`  heaviest first load: ${kB(heaviest?.total ?? 0)} = HTML + ${kB(heaviest?.css ?? 0)} CSS + JS (${heaviest?.page.file ?? '–'})`);
if (median > BUDGETS.lessonHtmlMedian) console.log(`  ⚠ median lesson HTML is above the ${kB(BUDGETS.lessonHtmlMedian)} target`);

if (problems.length) {
  for (const p of problems) console.error(`✖ ${p.file}: ${p.message}`);
  console.error(`\n${problems.length} problem(s) in the built site.`);
  process.exit(1);
}
console.log('✔ links, base path, origins and budgets are all within bounds.');
