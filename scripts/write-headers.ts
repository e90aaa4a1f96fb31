/**
 * Runs after every build (`npm run postbuild`): writes dist/_headers for hosts that read it (Netlify, Cloudflare
 * Pages): a Content-Security-Policy that lists the SHA-256 hash of every inline script in the built HTML, and the
 * other security and caching headers (src/lib/security-headers.ts). Fails the build if a page has script that no
 * hash can allow (an onclick="…" attribute or a javascript: URL), or if the file would break a host's limits.
 * BASE_PATH and OUT_DIR select another build, as in astro.config.mjs.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentSecurityPolicy, headersFile, inlineScripts, scriptHash, unhashableScripts } from '../src/lib/security-headers.ts';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, process.env.OUT_DIR || 'dist');
const base = process.env.BASE_PATH || '/';

const entries = readdirSync(dist, { withFileTypes: true });
const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => join(entry.parentPath, entry.name));

const hashes = new Set<string>();
const problems: string[] = [];
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  for (const script of inlineScripts(html)) hashes.add(scriptHash(script));
  for (const problem of unhashableScripts(html)) problems.push(`${relative(root, page)}: ${problem}`);
}
if (problems.length) {
  for (const problem of problems) console.error(`✖ ${problem}`);
  console.error(`\nThe Content-Security-Policy cannot allow these without 'unsafe-hashes'; use a bundled <script> with addEventListener instead.`);
  process.exit(1);
}

const text = headersFile(
  { base, folders: entries.filter((e) => e.isDirectory()).map((e) => e.name), files: entries.filter((e) => e.isFile()).map((e) => e.name) },
  contentSecurityPolicy(hashes),
);
const target = join(dist, '_headers');
const temporary = `${target}.${process.pid}.tmp`;
writeFileSync(temporary, text);
renameSync(temporary, target);
console.log(`_headers: CSP with ${hashes.size} inline-script hashes from ${pages.length} pages (base ${base}).`);
