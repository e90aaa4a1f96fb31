/**
 * Runs after every build (`npm run postbuild`): writes dist/offline-manifest.json, the list of files that make the
 * whole guide available offline with their sizes and the build version, and stamps that version into dist/sw.js so
 * that each build installs as a new service worker with a new cache (see public/sw.js and src/lib/offline-manifest.ts).
 *
 * This is a post-build step rather than an Astro endpoint because Pagefind writes its index at the very end of
 * `astro build`, after every page and endpoint has been rendered. OUT_DIR selects another build (as in astro.config.mjs).
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildManifest, stampVersion, type BuiltFile } from '../src/lib/offline-manifest.ts';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, process.env.OUT_DIR || 'dist');

/** Writes through a temporary file, so a reader (or a second run at the same time) never sees half a file. */
function writeAtomically(path: string, text: string) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

const files: BuiltFile[] = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
  .map((entry) => {
    const path = join(entry.parentPath, entry.name);
    const content = readFileSync(path);
    return {
      file: relative(dist, path).split(sep).join('/'),
      bytes: content.length,
      gzipBytes: gzipSync(content).length,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
  });

const swPath = join(dist, 'sw.js');
const manifest = buildManifest(files, readFileSync(swPath, 'utf8'));
writeAtomically(join(dist, 'offline-manifest.json'), JSON.stringify(manifest));
writeAtomically(swPath, stampVersion(readFileSync(swPath, 'utf8'), manifest.version));

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  `offline-manifest.json: version ${manifest.version}, ${manifest.files.length} files, ${mb(manifest.bytes)} (${mb(manifest.gzipBytes)} gzip); sw.js stamped.`,
);
