/**
 * The yardstick for a lesson's weight: the same lesson text in a bare Starlight site of the same version (this
 * project's node_modules) with the same pages and sidebar, and none of this guide's components, styles or scripts.
 * It is built into .bench/bare-starlight/; `npm run bench` prints the comparison and tests/e2e/weight.spec.ts holds
 * it to WEIGHT_RATIO_BUDGET.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { loadBlueprint } from '../src/lib/blueprint.ts';
import { docsPageLookup, sidebarFromBlueprint } from '../src/lib/sidebar.ts';
import { serveFolder } from '../tests/e2e/static-server.ts';

/** The lesson both sites are compared on (by `npm run bench` and tests/e2e/weight.spec.ts): a typical one, with code, a
 * figure and a three-question self-check. */
export const YARDSTICK_LESSON = {
  source: 'src/content/docs/model-development/advanced-mlflow/nested-runs.mdx',
  path: 'model-development/advanced-mlflow/nested-runs/',
};

/** The most a lesson's first visit may cost, as a multiple of the same lesson in bare Starlight (issue: ≤ 1.1×). */
export const WEIGHT_RATIO_BUDGET = 1.1;

/**
 * The lesson's Markdown without what only this guide has: MDX imports and components (the self-check). Its text,
 * code and figures (inline SVG is plain HTML, which Markdown keeps) stay: they are the lesson, not the guide's weight.
 */
export function plainMarkdown(mdx: string): string {
  const { front, body } = splitFrontmatter(mdx);
  const text = body
    .replace(/^import .+$/gm, '')
    .replace(/^<\/?Diagram\b[^\n]*>$/gm, '')
    .replace(/^<[A-Z][^\n]*\/>$/gm, '');
  return `---\n${stringify(pick(front, ['title', 'description', 'sidebar']))}---\n${text}`;
}

/** A page of the bare site that is there for the sidebar only: the same title and sidebar entry, no body. */
export function stubMarkdown(mdx: string): string {
  return `---\n${stringify(pick(splitFrontmatter(mdx).front, ['title', 'sidebar']))}---\nA page of the bare site.\n`;
}

function splitFrontmatter(mdx: string): { front: Record<string, unknown>; body: string } {
  const [, front = '', body = mdx] = mdx.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
  return { front: (parse(front) as Record<string, unknown> | null) ?? {}, body };
}

function pick(front: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => front[key] !== undefined).map((key) => [key, front[key]]));
}

/**
 * Builds the bare site for one lesson; returns its output folder. Every page of the guide is there as a stub with its
 * title and sidebar entry, and the sidebar is the guide's own, so both sites carry the same navigation (the same
 * sidebar and previous/next links): what the comparison leaves is the guide's components, styles and scripts.
 */
export function buildBareStarlight(root: string, lessonFile: string): string {
  const dir = join(root, '.bench/bare-starlight');
  const docs = join(root, 'src/content/docs');
  rmSync(dir, { recursive: true, force: true });
  const sidebar = sidebarFromBlueprint(loadBlueprint(root), docsPageLookup(docs));
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n" +
      `export default defineConfig({ trailingSlash: 'always', integrations: [starlight({ title: 'Bare Starlight', sidebar: ${JSON.stringify(sidebar)} })] });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\n" +
      "import { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  const lesson = relative(docs, join(root, lessonFile));
  for (const file of readdirSync(docs, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file)) continue;
    const source = readFileSync(join(docs, file), 'utf8');
    const target = join(dir, 'src/content/docs', file.replace(/\.mdx$/, '.md'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file === lesson ? plainMarkdown(source) : stubMarkdown(source));
  }
  // Starlight links /favicon.svg from every page and its starter ships one: the bare site serves the guide's.
  mkdirSync(join(dir, 'public'));
  copyFileSync(join(root, 'public/favicon.svg'), join(dir, 'public/favicon.svg'));
  execFileSync('npx', ['astro', 'build', '--root', dir], { cwd: root, stdio: 'ignore' });
  return join(dir, 'dist');
}

export interface FirstVisit {
  requests: number;
  /** Sum of the gzip sizes of every file the visit fetched (as a static host that compresses would send them). */
  gzipBytes: number;
  /** Each fetched file with its gzip size, heaviest first: where the weight is. */
  files: { path: string; gzipBytes: number }[];
}

/**
 * What a first visit to `url` fetches, search UI included (Starlight loads it when the browser is idle): every
 * same-origin request until the network has been quiet, each counted at its gzip size from `distDir`.
 */
export async function firstVisit(browser: Browser, url: string, distDir: string): Promise<FirstVisit> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const paths: string[] = [];
  const origin = new URL(url).origin;
  page.on('requestfinished', (request) => {
    if (request.url().startsWith(origin)) paths.push(new URL(request.url()).pathname);
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  await context.close();
  const files: FirstVisit['files'] = [];
  for (const path of paths) {
    const file = join(distDir, decodeURIComponent(path).replace(/\/$/, '/index.html'));
    try {
      files.push({ path, gzipBytes: gzipSync(readFileSync(file)).length });
    } catch {
      // A request with no file behind it (a redirect, the favicon of another site) costs nothing here.
    }
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { requests: paths.length, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files };
}

export interface LessonWeight {
  ours: FirstVisit;
  bare: FirstVisit;
  /** ours / bare, in gzip bytes. */
  ratio: number;
}

/**
 * Builds the bare site and counts a first visit to the yardstick lesson on it and on the guide built in `oursDist`,
 * both served the same way (a plain static server).
 */
export async function compareWithBareStarlight(browser: Browser, root: string, oursDist: string): Promise<LessonWeight> {
  const bareDist = buildBareStarlight(root, YARDSTICK_LESSON.source);
  const [ourSite, bareSite] = await Promise.all([serveFolder(oursDist), serveFolder(bareDist)]);
  try {
    const ours = await firstVisit(browser, `${ourSite.url}${YARDSTICK_LESSON.path}`, oursDist);
    const bare = await firstVisit(browser, `${bareSite.url}${YARDSTICK_LESSON.path}`, bareDist);
    return { ours, bare, ratio: ours.gzipBytes / bare.gzipBytes };
  } finally {
    await Promise.all([ourSite.close(), bareSite.close()]);
  }
}
