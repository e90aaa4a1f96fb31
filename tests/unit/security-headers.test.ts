import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  headersFile,
  headersFor,
  inlineScripts,
  MAX_LINE_LENGTH,
  parseHeadersFile,
  scriptHash,
  unhashableScripts,
} from '../../src/lib/security-headers.ts';

const page = `<!doctype html><html><head>
<script>
	window.theme = 'dark';
</script>
<script type="module" src="/_astro/page.js"></script>
<script type="module">var a=1;</script>
<script type="application/ld+json">{"@context":"https://schema.org"}</script>
<!-- <script>commented out</script> -->
</head><body><p>Text with &lt;script&gt; in it.</p><script aria-hidden="true">(() => {})();</script></body></html>`;

describe('inlineScripts', () => {
  it('returns the exact text of every executable inline script, and nothing else', () => {
    expect(inlineScripts(page)).toEqual(["\n\twindow.theme = 'dark';\n", 'var a=1;', '(() => {})();']);
  });

  it('ignores scripts with a src, data scripts and commented-out markup', () => {
    expect(inlineScripts('<script src="a.js"></script><script type="application/json">{}</script><!--<script>x</script>-->')).toEqual([]);
  });

  it('accepts the JavaScript MIME types and an uppercase tag', () => {
    expect(inlineScripts('<SCRIPT type="text/javascript">a</SCRIPT><script type=module>b</script>')).toEqual(['a', 'b']);
  });
});

describe('scriptHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, as CSP expects', () => {
    const expected = createHash('sha256').update('alert(1)').digest('base64');
    expect(scriptHash('alert(1)')).toBe(`'sha256-${expected}'`);
    // A known vector: the empty string.
    expect(scriptHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('covers non-ASCII text byte for byte', () => {
    expect(scriptHash('✓')).toBe(`'sha256-${createHash('sha256').update(Buffer.from('✓', 'utf8')).digest('base64')}'`);
  });
});

describe('unhashableScripts', () => {
  it('finds event-handler attributes and javascript: URLs', () => {
    const found = unhashableScripts('<button onclick="go()">Go</button><a href="javascript:void(0)">x</a><img src=x onerror=alert(1)>');
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^onclick attribute/);
    expect(found[1]).toMatch(/^javascript: URL/);
  });

  it('does not mistake text, script bodies or data attributes for handlers', () => {
    expect(
      unhashableScripts('<p>Set onclick="x" in text</p><code>&lt;a onclick="x"&gt;</code><script>if (a <b && c> d) el.onclick = f;</script><div data-online="yes"></div>'),
    ).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy(["'sha256-b'", "'sha256-a'", "'sha256-a'"]);

  it('allows inline scripts only by hash, sorted and without duplicates, and never eval', () => {
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);
  });

  it('keeps every fetch on the same origin and forbids framing, plugins and base rewriting', () => {
    for (const directive of ["default-src 'self'", "connect-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/https?:|\*/);
  });
});

describe('headersFile', () => {
  const layout = { base: '/', folders: ['_astro', 'pagefind', 'foundations', 'practice'], files: ['index.html', '404.html', 'sw.js', 'favicon.svg'] };
  const text = headersFile(layout, contentSecurityPolicy(["'sha256-x'"]));
  const rules = parseHeadersFile(text);

  it('sends the security headers on every path', () => {
    for (const path of ['/', '/foundations/x/', '/_astro/a.js', '/pagefind/pagefind.js']) {
      const headers = headersFor(rules, path);
      expect(headers['content-security-policy']).toContain("'sha256-x'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
    }
  });

  it('caches hashed files for a year and revalidates pages and the service worker, never both on one path', () => {
    expect(headersFor(rules, '/_astro/page.B1x.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/pagefind/fragment/en_1.pf_fragment')['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/404.html', '/sw.js', '/foundations/x/', '/practice/bank.json']) {
      expect(headersFor(rules, path)['cache-control'], path).toBe('public, max-age=0, must-revalidate');
    }
    expect(headersFor(rules, '/pagefind/pagefind.js')['cache-control']).toBeUndefined();
  });

  it('puts every rule under the base path', () => {
    const sub = parseHeadersFile(headersFile({ ...layout, base: '/guide/' }, "default-src 'self'"));
    expect(sub.every((rule) => rule.pattern.startsWith('/guide/'))).toBe(true);
    expect(headersFor(sub, '/guide/_astro/a.js')['cache-control']).toContain('immutable');
    expect(headersFor(sub, '/_astro/a.js')).toEqual({});
  });

  it("refuses a policy longer than Cloudflare Pages' line limit", () => {
    const many = Array.from({ length: 40 }, (_, i) => scriptHash(String(i)));
    expect(() => headersFile(layout, contentSecurityPolicy(many))).toThrow(new RegExp(`allows ${MAX_LINE_LENGTH}`));
  });
});

describe('parseHeadersFile and headersFor', () => {
  it('reads rules, skips comments, and joins a header set by two matching rules as Cloudflare does', () => {
    const rules = parseHeadersFile('# comment\n/*\n  X-A: 1\n/docs/:slug/*\n  X-A: 2\n  X-B: yes\n');
    expect(rules).toEqual([
      { pattern: '/*', headers: [['X-A', '1']] },
      { pattern: '/docs/:slug/*', headers: [['X-A', '2'], ['X-B', 'yes']] },
    ]);
    expect(headersFor(rules, '/docs/intro/page')).toEqual({ 'x-a': '1, 2', 'x-b': 'yes' });
    expect(headersFor(rules, '/other')).toEqual({ 'x-a': '1' });
  });

  it('rejects a header line with no rule above it', () => {
    expect(() => parseHeadersFile('  X-A: 1')).toThrow(/not a header line/);
  });
});
