import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest, isPrecached, stampVersion, urlPath, type BuiltFile } from '../../src/lib/offline-manifest.ts';

const sw = "/* worker */\nconst VERSION = 'dev';\nconst PREFIX = 'x';\n";
const file = (name: string, bytes = 10, sha256 = name): BuiltFile => ({ file: name, bytes, gzipBytes: Math.ceil(bytes / 2), sha256 });
const site = [
  file('index.html', 100),
  file('404.html'),
  file('foundations/a/index.html', 50),
  file('_astro/page.X1.js', 20),
  file('practice/bank.json', 30),
  file('practice/questions/q-1.json', 5),
  file('pagefind/pagefind.js'),
  file('pagefind/pagefind-ui.js'),
  file('pagefind/fragment/en_1.pf_fragment'),
  file('sw.js'),
  file('offline-manifest.json'),
  file('_headers'),
  file('sitemap-index.xml'),
  file('manifest.webmanifest'),
];

describe('the offline manifest', () => {
  it('lists pages at their URLs and every file a learner needs, with sizes and totals', () => {
    const manifest = buildManifest(site, sw);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [
        '',
        'foundations/a/',
        '_astro/page.X1.js',
        'practice/bank.json',
        'practice/questions/q-1.json',
        'pagefind/pagefind.js',
        'pagefind/fragment/en_1.pf_fragment',
        'manifest.webmanifest',
      ].sort(),
    );
    expect(manifest.bytes).toBe(100 + 50 + 20 + 30 + 5 + 10 + 10 + 10);
    expect(manifest.gzipBytes).toBe(50 + 25 + 10 + 15 + 3 + 5 + 5 + 5);
    expect(manifest.files.find((f) => f.path === '')?.bytes).toBe(100);
  });

  it('leaves out the worker, host files, sitemaps, the 404 page and Pagefind UI bundles Starlight does not use', () => {
    for (const name of ['sw.js', 'offline-manifest.json', '_headers', 'sitemap-0.xml', '404.html', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-component-ui.css']) {
      expect(isPrecached(name), name).toBe(false);
    }
    expect(isPrecached('pagefind/wasm.en.pagefind')).toBe(true);
  });

  it('maps index.html files to folder URLs', () => {
    expect(urlPath('index.html')).toBe('');
    expect(urlPath('a/b/index.html')).toBe('a/b/');
    expect(urlPath('a/notindex.html')).toBe('a/notindex.html');
  });

  it('has a version that changes with any file or the worker, and not with the order files are read or a stamp', () => {
    const version = buildManifest(site, sw).version;
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(buildManifest([...site].reverse(), sw).version).toBe(version);
    expect(buildManifest(site, stampVersion(sw, version)).version).toBe(version);
    expect(buildManifest(site.map((f) => (f.file === 'practice/bank.json' ? { ...f, sha256: 'changed' } : f)), sw).version).not.toBe(version);
    expect(buildManifest(site, sw.replace("'x'", "'y'")).version).not.toBe(version);
    // Files left out of the manifest do not change it.
    expect(buildManifest(site.map((f) => (f.file === '_headers' ? { ...f, sha256: 'changed' } : f)), sw).version).toBe(version);
  });
});

describe('stampVersion', () => {
  it('replaces only the version line', () => {
    expect(stampVersion(sw, 'abc')).toBe("/* worker */\nconst VERSION = 'abc';\nconst PREFIX = 'x';\n");
  });

  it('fails loudly if the worker lost its version line', () => {
    expect(() => stampVersion('const V = 1;', 'abc')).toThrow(/const VERSION/);
  });

  it('finds the line in the real service worker', () => {
    // public/sw.js must keep the line the build stamps.
    const sw = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8');
    expect(stampVersion(sw, 'x')).toContain("const VERSION = 'x';");
  });
});
