/**
 * The HTTP headers the built site asks static hosts to send (dist/_headers, the format Netlify and Cloudflare Pages
 * read), built from the built HTML. Pure functions: scripts/write-headers.ts does the file system work, the CSP and
 * offline end-to-end tests serve dist/ with the parsed result, and tests/unit/security-headers.test.ts covers the rest.
 *
 * The policy allows no inline script except the exact ones the build wrote (each listed by its SHA-256 hash), no
 * eval, and no request to another origin.
 */
import { createHash } from 'node:crypto';

/** Cloudflare Pages rejects a _headers line longer than this (Netlify has no such limit). */
export const MAX_LINE_LENGTH = 2000;

/** The `type` values that make a <script> executable (anything else, e.g. application/json, is data). */
const SCRIPT_TYPES = /^(?:module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/;

/**
 * The text of every inline script the browser would run: <script> elements without a src attribute whose type is
 * absent or JavaScript. The text is returned exactly as written, which is what a CSP hash is computed over.
 */
export function inlineScripts(html: string): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const scripts: string[] = [];
  for (const match of withoutComments.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1]!;
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !SCRIPT_TYPES.test(type)) continue;
    scripts.push(match[2]!);
  }
  return scripts;
}

/**
 * Script that no hash can allow without also allowing `'unsafe-hashes'`: event-handler attributes (onclick="…")
 * and javascript: URLs. The build fails on these instead of shipping a page the policy would break.
 */
export function unhashableScripts(html: string): string[] {
  const found: string[] = [];
  // Tags only: comments dropped, and script and style bodies emptied (their text is not markup).
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  for (const [tag] of markup.matchAll(/<[a-z][^\s>/]*(?:\s[^>]*)?>/gi)) {
    for (const m of tag.matchAll(/\s(on[a-z]+)\s*=/gi)) found.push(`${m[1]} attribute in ${tag.slice(0, 80)}`);
    if (/\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(tag)) found.push(`javascript: URL in ${tag.slice(0, 80)}`);
  }
  return found;
}

/** A CSP source expression for a script's text: 'sha256-<base64 of the SHA-256 of its UTF-8 bytes>'. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy for every response.
 *
 * - script-src: the site's own files, plus the hash of each inline script the build wrote (Starlight's theme and
 *   sidebar scripts, Astro's small inlined component scripts). No 'unsafe-inline', no 'unsafe-eval'.
 *   'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine, and allows nothing else.
 * - worker-src 'self': Pagefind 1.6 runs searches in a worker started from pagefind/pagefind-worker.js (same origin,
 *   no blob: URL), and the service worker is sw.js.
 * - style-src 'unsafe-inline': Expressive Code colours every code token with a style attribute (style="--0:#…"),
 *   and Starlight and Pagefind's UI set style attributes too. Allowing those by hash would need 'unsafe-hashes' and
 *   one hash per distinct attribute value (hundreds, changing with every lesson). Inline styles cannot run script,
 *   and with img-src, font-src and connect-src limited to this origin they cannot send data anywhere either.
 * - img-src data:: Starlight and Expressive Code draw some icons as data: SVGs in their CSS.
 */
export function contentSecurityPolicy(scriptHashes: Iterable<string>): string {
  const hashes = [...new Set(scriptHashes)].sort();
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** What the headers file needs to know about the built site. */
export interface SiteLayout {
  /** The base path the site is served under, e.g. "/" or "/guide/". */
  base: string;
  /** Top-level folders of dist/ (e.g. "_astro", "pagefind", "foundations"). */
  folders: string[];
  /** Top-level files of dist/ (e.g. "index.html", "404.html", "sw.js"). */
  files: string[];
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * The text of dist/_headers. Rules never overlap on a header name: Cloudflare Pages joins the values of a header
 * set by two matching rules with a comma (so "/*" cannot carry a Cache-Control that "/_astro/*" overrides), and
 * Netlify's merging is not documented. Security headers go on "/*"; Cache-Control goes on disjoint paths:
 * - immutable for files whose names carry a content hash (_astro/, Pagefind's index, fragment and filter chunks);
 * - revalidated on every use for pages (one rule per top-level folder, plus the top-level HTML files), sw.js (so an
 *   update is seen at once) and offline-manifest.json. Pagefind's fixed-name files keep the host's default, which on
 *   both hosts is the same revalidation.
 */
export function headersFile(layout: SiteLayout, csp: string): string {
  const base = layout.base.replace(/\/?$/, '/');
  const rules: Array<[string, Array<[string, string]>]> = [
    [
      `${base}*`,
      [
        ['Content-Security-Policy', csp],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'same-origin'],
        ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
        ['Cross-Origin-Opener-Policy', 'same-origin'],
        ['X-Frame-Options', 'DENY'],
      ],
    ],
    [`${base}_astro/*`, [['Cache-Control', IMMUTABLE]]],
  ];
  if (layout.folders.includes('pagefind')) {
    for (const chunk of ['index', 'fragment', 'filter']) rules.push([`${base}pagefind/${chunk}/*`, [['Cache-Control', IMMUTABLE]]]);
  }
  const pages = [
    base,
    ...layout.files.filter((f) => f.endsWith('.html') || f === 'sw.js' || f === 'offline-manifest.json').map((f) => base + f),
    ...layout.folders.filter((d) => d !== '_astro' && d !== 'pagefind').map((d) => `${base}${d}/*`),
  ];
  for (const path of [...new Set(pages)].sort()) rules.push([path, [['Cache-Control', REVALIDATE]]]);

  const text = [
    '# Written by scripts/write-headers.ts after each build (Netlify / Cloudflare Pages _headers format).',
    '# GitHub Pages ignores this file: see README → Hosting.',
    ...rules.flatMap(([path, headers]) => [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)]),
    '',
  ].join('\n');
  const long = text.split('\n').find((line) => line.length > MAX_LINE_LENGTH);
  if (long) {
    throw new Error(
      `a _headers line is ${long.length} characters (Cloudflare Pages allows ${MAX_LINE_LENGTH}): ${long.slice(0, 60)}… ` +
        'Too many distinct inline scripts to list by hash; move some into bundled <script> files.',
    );
  }
  if (rules.length > 100) throw new Error(`${rules.length} header rules; Cloudflare Pages allows 100.`);
  return text;
}

/** One rule of a _headers file: a path pattern and the headers sent for it. */
export interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
}

/** Parses a _headers file (path lines, then indented `Name: value` lines; # comments). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (colon < 0 || !rule) throw new Error(`not a header line: ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers a host applies to a path: every matching rule, a header set twice joined with ", " (as Cloudflare does). */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = rule.pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-z]\w*/gi, '[^/]+'))
      .join('.*');
    if (!new RegExp(`^${pattern}$`).test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result[key] = result[key] ? `${result[key]}, ${value}` : value;
    }
  }
  return result;
}
