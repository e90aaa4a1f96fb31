/**
 * Reads a built site for the scripts that measure it (check-dist, bench): its files, its pages, and what a page
 * loads on first visit (eager module scripts with their static imports, screen stylesheets), with gzip sizes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eagerScripts, screenStylesheets, staticImports, type BuiltPage } from '../src/lib/dist-checks.ts';

export const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export interface FirstLoad {
  html: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
  js: { raw: number; gzip: number };
  total: number;
}

export function readDist(dir: string, base: string) {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: run the build first.`);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  const cache = new Map<string, string>();
  const read = (file: string) => {
    if (!cache.has(file)) cache.set(file, existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '');
    return cache.get(file)!;
  };
  const pages: BuiltPage[] = files.filter((f) => f.endsWith('.html')).map((file) => ({ file, html: read(file) }));

  /** A module and everything it statically imports, as paths below the site root. */
  const moduleClosure = (entry: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    for (const spec of staticImports(read(entry))) {
      moduleClosure(spec.startsWith('/') ? spec.slice(base.length) : posix.join(dirname(entry), spec), seen);
    }
    return seen;
  };
  const eagerJs = (page: BuiltPage) => [...new Set(eagerScripts(page.html, base).flatMap((s) => [...moduleClosure(s)]))];
  const sizeOf = (paths: string[]) => {
    const text = paths.map(read).join('\n');
    return { raw: Buffer.byteLength(text), gzip: text ? gz(text) : 0 };
  };
  const firstLoad = (page: BuiltPage): FirstLoad => {
    const html = { raw: Buffer.byteLength(page.html), gzip: gz(page.html) };
    const css = sizeOf(screenStylesheets(page.html, base));
    const js = sizeOf(eagerJs(page));
    return { html, css, js, total: html.gzip + css.gzip + js.gzip };
  };
  return { dir, base, files, pages, read, moduleClosure, eagerJs, sizeOf, firstLoad };
}
