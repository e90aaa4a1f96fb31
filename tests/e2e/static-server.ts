/**
 * A tiny static server for the CSP and offline tests: serves the built site (OUT_DIR, default dist/) under its base
 * path (BASE_PATH) on 127.0.0.1, with the headers from dist/_headers applied the way Netlify and Cloudflare Pages
 * apply them. `astro preview` sends none of them, so a policy that would break the site on a real host would pass
 * there. The offline test stops it to take the site really offline, and swaps in a new service worker to test updates.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../src/lib/security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export const dist = process.env.OUT_DIR || 'dist';
export const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');

/**
 * The post-build files (dist/_headers, dist/offline-manifest.json and the stamped sw.js) come from `npm run
 * postbuild`. A bare `astro build` skips it, so the tests write them if they are missing.
 */
export function ensurePostbuild() {
  if (existsSync(join(dist, '_headers')) && existsSync(join(dist, 'offline-manifest.json'))) return;
  for (const script of ['scripts/write-offline-manifest.ts', 'scripts/write-headers.ts']) {
    execFileSync(process.execPath, [script], { stdio: 'inherit', env: { ...process.env, OUT_DIR: dist, BASE_PATH: base } });
  }
}

export interface StaticServer {
  /** The site's URL, with the base path: http://127.0.0.1:<port>/<base>. */
  url: string;
  /** Serves `body` instead of the built file at `path` (relative to the base); null removes the override. */
  override(path: string, body: string | null): void;
  close(): Promise<void>;
}

export async function serveDist(): Promise<StaticServer> {
  ensurePostbuild();
  return serveFolder(dist, base, parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')));
}

/** Serves any built folder under a base path (the bench serves a bare Starlight site with it, with no header rules). */
export async function serveFolder(folder: string, basePath = '/', rules: HeaderRule[] = []): Promise<StaticServer> {
  const overrides = new Map<string, string>();
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const send = (status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
      response.writeHead(status, { ...headersFor(rules, pathname), 'Content-Type': type, ...extra });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (!pathname.startsWith(basePath)) return send(404, 'Not found', 'text/plain');
    const relative = pathname.slice(basePath.length);
    const override = overrides.get(relative);
    if (override !== undefined) return send(200, override, TYPES[extname(relative)] ?? 'application/octet-stream');

    let file = join(folder, normalize(relative).replace(/^(\.\.[/\\])+/, ''));
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, '', 'text/plain', { Location: `${pathname}/` });
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || relative === '_headers') {
      const notFound = join(folder, '404.html');
      return send(404, existsSync(notFound) ? readFileSync(notFound) : 'Not found', 'text/html; charset=utf-8');
    }
    send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    override: (path, body) => (body === null ? overrides.delete(path) : overrides.set(path, body)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
