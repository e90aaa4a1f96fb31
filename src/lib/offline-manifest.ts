/**
 * The list of files that make "the whole guide" offline (dist/offline-manifest.json), and the build version the
 * service worker is stamped with. Pure functions; scripts/write-offline-manifest.ts walks dist/ after the build
 * (Pagefind writes its index only at the very end of `astro build`, so an Astro endpoint could not list it).
 *
 * The manifest lists every page, every bundled asset, the practice bank (bank.json and one JSON per question), the
 * Pagefind index and the web manifest and icons, each with its size, so the offline page can show the total before
 * anything is downloaded. Paths are relative to the site's base, so the same file works under any sub-path.
 */
import { createHash } from 'node:crypto';

export interface OfflineFile {
  /** Relative to the base: "" for the home page, "foundations/x/" for a page, "_astro/a.js" for a file. */
  path: string;
  /** Size on disk in bytes (what the browser stores). */
  bytes: number;
}

export interface OfflineManifest {
  /** Hash of every listed file's content and of the service worker's code: changes with every build that changes anything. */
  version: string;
  /** Total bytes of all files. */
  bytes: number;
  /** Total bytes gzip-compressed: roughly what is downloaded from a host that compresses. */
  gzipBytes: number;
  files: OfflineFile[];
}

/** A built file as the manifest script reads it. */
export interface BuiltFile {
  /** Relative to dist/, with forward slashes. */
  file: string;
  bytes: number;
  gzipBytes: number;
  /** SHA-256 of the content, hex. */
  sha256: string;
}

/**
 * Files a learner never needs offline: the service worker and this manifest (always fetched fresh), host
 * configuration, sitemaps, the 404 page (the worker answers an unsaved page with its own offline notice), and
 * Pagefind's stand-alone UI bundles (Starlight bundles its own search UI into _astro/).
 */
const LEFT_OUT = [
  /^sw\.js$/,
  /^offline-manifest\.json$/,
  /^_headers$/,
  /^_redirects$/,
  /^robots\.txt$/,
  /^sitemap[^/]*\.xml$/,
  /^404\.html$/,
  // Open-data exports (about 0.5 MB gzipped) are downloads for other tools, not something to read offline.
  /^practice\/bank-full\.json$/,
  /^practice\/anki\.tsv$/,
  /^pagefind\/pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/,
];

export function isPrecached(file: string): boolean {
  return !LEFT_OUT.some((pattern) => pattern.test(file));
}

/** The URL path (relative to the base) a built file is served at: "a/index.html" → "a/", "index.html" → "". */
export function urlPath(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

/** The line of sw.js that carries the build version. */
const VERSION_LINE = /^const VERSION = '[^']*';$/m;

/** The service worker's code with its version set. Fails if the line that carries it has gone. */
export function stampVersion(serviceWorker: string, version: string): string {
  if (!VERSION_LINE.test(serviceWorker)) throw new Error("public/sw.js has no line `const VERSION = '…';` to stamp the build version into.");
  return serviceWorker.replace(VERSION_LINE, `const VERSION = '${version}';`);
}

/**
 * The manifest for a build. The version covers the listed files and the worker's own code (with its version line
 * blanked, so stamping twice gives the same result), so any change to either gives a new worker and a new cache.
 */
export function buildManifest(files: BuiltFile[], serviceWorker: string): OfflineManifest {
  const listed = files.filter((f) => isPrecached(f.file)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const hash = createHash('sha256');
  hash.update(stampVersion(serviceWorker, ''));
  for (const f of listed) hash.update(`\0${f.file}\0${f.sha256}`);
  return {
    version: hash.digest('hex').slice(0, 12),
    bytes: listed.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: listed.reduce((sum, f) => sum + f.gzipBytes, 0),
    files: listed.map((f) => ({ path: urlPath(f.file), bytes: f.bytes })),
  };
}
