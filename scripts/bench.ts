/**
 * `npm run bench`: measures the built site on this machine and prints a table, plus bench-results.json for scripts.
 * Build time, page and question counts, HTML/CSS/JS per page template (raw and gzip), the self-check script, the
 * Pagefind index, the bytes a first and a second search transfer (in Chromium), and Lighthouse mobile scores with
 * LCP/TBT/CLS for the home page, a lesson and the 404 page, and a lesson's first visit against the same text in a
 * bare Starlight site of the same version (scripts/bare-starlight.ts). Lighthouse drives the system Chromium;
 * nothing is downloaded.
 */
import { spawn, spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { readBankFiles, readBlueprintFile } from '../src/lib/bank-files.ts';
import { validateBank, validateBlueprint } from '../src/lib/bank-validation.ts';
import { kB, readDist } from './dist-reader.ts';
import { cueFigures, formatCueFigures } from '../src/lib/bank-cues.ts';
import { WEIGHT_RATIO_BUDGET, YARDSTICK_LESSON, compareWithBareStarlight } from './bare-starlight.ts';

const root = new URL('..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PORT = 4340;
const origin = `http://127.0.0.1:${PORT}`;
const LESSON = `${YARDSTICK_LESSON.path}index.html`;

// 1. Build, timed (validation included, as in `npm run build`).
const started = performance.now();
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env, BASE_PATH: '/', OUT_DIR: './dist' } });
if (build.status !== 0) throw new Error('the build failed; run `npm run build` to see why');
const buildSeconds = (performance.now() - started) / 1000;

// 2. Weights.
const site = readDist(join(root, 'dist'), '/');
const { blueprint } = validateBlueprint(readBlueprintFile(root));
const questions = validateBank(readBankFiles(root), blueprint!).questions.filter((q) => q.status !== 'retired');
const page = (file: string) => site.pages.find((p) => p.file === file)!;
const templates = { home: page('index.html'), lesson: page(LESSON), exam: page('practice/exam/index.html'), '404': page('404.html') };
const weights = Object.fromEntries(Object.entries(templates).map(([name, p]) => [name, site.firstLoad(p)]));
const selfCheckEntry = site.files.find((f) => /^_astro\/SelfCheck\.astro.*\.js$/.test(f))!;
const selfCheck = site.sizeOf([...site.moduleClosure(selfCheckEntry)]);
const pagefindFiles = site.files.filter((f) => f.startsWith('pagefind/'));
const pagefind = pagefindFiles.reduce((sum, f) => sum + statSync(join(root, 'dist', f)).size, 0);

// 3. Serve dist/ and measure in Chromium.
const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: root, stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid!);
  } catch {}
};
process.on('exit', stopServer);
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${origin}/`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--no-first-run'] });
// No service worker: it would answer repeat requests from its cache and hide what the network transfers.
const context = await browser.newContext({ serviceWorkers: 'block' });
const tab = await context.newPage();
let searchBytes = 0;
tab.on('requestfinished', async (request) => {
  if (!request.url().includes('/pagefind/')) return;
  const sizes = await request.sizes();
  searchBytes += sizes.responseBodySize + sizes.responseHeadersSize;
});
await tab.goto(`${origin}/`);
searchBytes = 0;
await tab.getByRole('button', { name: 'Search' }).click();
const box = tab.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
await box.fill('nested runs');
await tab.locator('.pagefind-ui__result-link').first().waitFor();
await tab.waitForLoadState('networkidle');
const firstQuery = searchBytes;
searchBytes = 0;
await box.fill('drift');
await tab.locator('.pagefind-ui__result-link').first().waitFor();
await tab.waitForTimeout(500);
await tab.waitForLoadState('networkidle');
const secondQuery = searchBytes;
// The mock exam: what starting an attempt transfers (bank index + the drawn questions) and how long until the
// first question can be answered.
const examTab = await context.newPage();
let examBytes = 0;
examTab.on('requestfinished', async (request) => {
  if (!request.url().includes('/practice/')) return;
  const sizes = await request.sizes();
  examBytes += sizes.responseBodySize + sizes.responseHeadersSize;
});
await examTab.goto(`${origin}/practice/exam/`);
const startButton = examTab.getByRole('button', { name: 'Start the mock exam' });
await startButton.waitFor();
await examTab.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.mx-begin')?.disabled);
const clicked = performance.now();
await startButton.click();
await examTab.locator('.mx-session input').first().waitFor();
const firstQuestionMs = Math.round(performance.now() - clicked);
await examTab.waitForLoadState('networkidle');
const examTransfer = examBytes;

// A lesson's first visit against the same lesson text in a bare Starlight site of the same version (sizes as gzip).
const weight = await compareWithBareStarlight(browser, root, join(root, 'dist'));
const { ours, bare } = weight;
const lessonVsBare = { ...weight, ratio: Number(weight.ratio.toFixed(3)) };
await browser.close();

// 4. Lighthouse (mobile, its default), one run per template.
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const lighthouseResults: Record<string, Record<string, number>> = {};
for (const [name, path] of [
  ['home', ''],
  ['lesson', 'model-development/advanced-mlflow/nested-runs/'],
  ['exam', 'practice/exam/'],
  ['404', '404.html'],
] as const) {
  const result = await lighthouse(`${origin}/${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
  const lhr = result!.lhr;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  lighthouseResults[name] = {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']!.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits['total-blocking-time']!.numericValue ?? 0),
    cls: Number((lhr.audits['cumulative-layout-shift']!.numericValue ?? 0).toFixed(3)),
  };
}
chrome.kill();
stopServer();

// 5. Report.
const results = {
  measuredAt: new Date().toISOString(),
  buildSeconds: Number(buildSeconds.toFixed(1)),
  pages: site.pages.length,
  questions: questions.length,
  /** Test-wiseness cue figures of the bank (src/lib/bank-cues.ts). */
  bankCues: cueFigures(questions).figures,
  templates: weights,
  selfCheckScript: selfCheck,
  pagefind: { files: pagefindFiles.length, bytes: pagefind, firstQueryBytes: firstQuery, secondQueryBytes: secondQuery },
  mockExam: { startTransferBytes: examTransfer, firstQuestionMs },
  /** A lesson's first visit (gzip bytes, search UI included) against the same text in bare Starlight. */
  lessonVsBareStarlight: lessonVsBare,
  lighthouse: lighthouseResults,
};
writeFileSync(join(root, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');

const row = (cells: Array<string | number>, widths: number[]) => cells.map((c, i) => String(c).padEnd(widths[i]!)).join('  ');
console.log(`build ${results.buildSeconds} s · ${results.pages} pages · ${results.questions} questions\n`);
const w = [8, 20, 20, 20, 12];
console.log(row(['template', 'HTML raw / gzip', 'CSS raw / gzip', 'JS raw / gzip', 'first load'], w));
for (const [name, l] of Object.entries(weights)) {
  const pair = (s: { raw: number; gzip: number }) => `${kB(s.raw)} / ${kB(s.gzip)}`;
  console.log(row([name, pair(l.html), pair(l.css), pair(l.js), kB(l.total)], w));
}
console.log(`\nself-check script: ${kB(selfCheck.raw)} raw / ${kB(selfCheck.gzip)} gzip (with its imports)`);
console.log(`Pagefind: ${pagefindFiles.length} files, ${kB(pagefind)}; first query ${kB(firstQuery)}, second query ${kB(secondQuery)} transferred`);
console.log(
  `Lesson first visit: ${kB(ours.gzipBytes)} in ${ours.requests} requests; bare Starlight ${kB(bare.gzipBytes)} in ${bare.requests}: ${lessonVsBare.ratio}× (budget ≤ ${WEIGHT_RATIO_BUDGET}×)`,
);
console.log(`  heaviest: ${ours.files.slice(0, 6).map((f) => `${f.path.replace(/^.*\//, '') || YARDSTICK_LESSON.path} ${kB(f.gzipBytes)}`).join(' · ')}`);
console.log(`Mock exam: starting an attempt transfers ${kB(examTransfer)} (bank index + 59 questions); first question ready in ${firstQuestionMs} ms\n`);
const lw = [8, 6, 6, 6, 6, 8, 8, 6];
console.log(row(['page', 'perf', 'a11y', 'bp', 'seo', 'LCP ms', 'TBT ms', 'CLS'], lw));
for (const [name, r] of Object.entries(lighthouseResults)) {
  console.log(row([name, r.performance!, r.accessibility!, r.bestPractices!, r.seo!, r.lcpMs!, r.tbtMs!, r.cls!], lw));
}
console.log(`\n${formatCueFigures(results.bankCues)}`);
console.log('\nFull figures: bench-results.json');
process.exit(0);
