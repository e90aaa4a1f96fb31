/**
 * The yardstick for a lesson's weight: the same lesson text in a bare Starlight site of the same version (this
 * project's node_modules), with none of this guide's components, styles or scripts. `npm run bench` builds it into
 * .bench/bare-starlight/ and compares what a first visit to each costs (scripts/bench.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/** The lesson's Markdown without what only this guide has: MDX imports, components and inline SVG figures. */
export function plainMarkdown(mdx: string): string {
  const [, front = '', body = mdx] = mdx.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
  const title = front.match(/^title:\s*(.+)$/m)?.[1] ?? 'Lesson';
  const text = body
    .replace(/^import .+$/gm, '')
    .replace(/<Diagram[\s\S]*?<\/Diagram>/g, '')
    .replace(/<figure>[\s\S]*?<\/figure>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/^<[A-Z][\s\S]*?\/>$/gm, '');
  return `---\ntitle: ${title}\n---\n${text}`;
}

/** Builds the bare site for one lesson; returns its output folder. */
export function buildBareStarlight(root: string, lessonFile: string): string {
  const dir = join(root, '.bench/bare-starlight');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n" +
      "export default defineConfig({ integrations: [starlight({ title: 'Bare Starlight' })] });\n",
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\n" +
      "import { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  writeFileSync(join(dir, 'src/content/docs/lesson.md'), plainMarkdown(readFileSync(join(root, lessonFile), 'utf8')));
  writeFileSync(join(dir, 'src/content/docs/index.md'), '---\ntitle: Home\n---\nA bare Starlight site.\n');
  execFileSync('npx', ['astro', 'build', '--root', dir], { cwd: root, stdio: 'ignore' });
  return join(dir, 'dist');
}

export interface FirstVisit {
  requests: number;
  /** Sum of the gzip sizes of every file the visit fetched (as a static host that compresses would send them). */
  gzipBytes: number;
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
  let gzipBytes = 0;
  for (const path of paths) {
    const file = join(distDir, decodeURIComponent(path).replace(/\/$/, '/index.html'));
    try {
      gzipBytes += gzipSync(readFileSync(file)).length;
    } catch {
      // A request with no file behind it (a redirect, the favicon of another site) costs nothing here.
    }
  }
  return { requests: paths.length, gzipBytes };
}
