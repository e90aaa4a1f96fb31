/**
 * Checks on the built site (dist/), pure functions over file contents so they can be unit tested:
 * every internal link and anchor resolves, nothing escapes the base path, nothing is requested from another
 * origin, and no framework runtime ships. Budgets are measured by scripts/check-dist.ts with these helpers.
 */

export interface BuiltPage {
  /** The page's path below the base, e.g. "mlops/validation-testing/index.html". */
  file: string;
  html: string;
}

/** Attribute values of every tag/attribute pair that makes the browser fetch something or navigate. */
export function urlsIn(html: string): Array<{ tag: string; attr: string; url: string; rel?: string }> {
  const found: Array<{ tag: string; attr: string; url: string; rel?: string }> = [];
  const tagPattern = /<(a|link|script|img|source|iframe|form|use|image)\b([^>]*)>/gi;
  for (const [, tag, attrs] of html.matchAll(tagPattern)) {
    const rel = /\brel="([^"]*)"/i.exec(attrs!)?.[1];
    for (const [, attr, url] of attrs!.matchAll(/\b(href|src|srcset|action|xlink:href)="([^"]*)"/gi)) {
      found.push({ tag: tag!.toLowerCase(), attr: attr!.toLowerCase(), url: url!.replace(/&amp;/g, '&'), rel });
    }
  }
  return found;
}

/** ids (and legacy a[name]) on a page, for anchor checks. */
export function anchorsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => decodeHtml(m[1]!)));
}

const decodeHtml = (value: string) =>
  value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

const isExternal = (url: string) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url);

export interface Problem {
  file: string;
  message: string;
}

/**
 * Resolves each internal link against its page's URL and checks the target page (and #anchor) exists.
 * `base` is the site's base path ("/" or "/guide/"); pages are keyed by their file path below it.
 */
export function checkLinks(pages: ReadonlyArray<BuiltPage>, base: string, fileExists: (path: string) => boolean): Problem[] {
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const anchorCache = new Map<string, Set<string>>();
  const problems: Problem[] = [];
  for (const page of pages) {
    const pageUrl = new URL(`http://site${base}${page.file.replace(/index\.html$/, '')}`);
    for (const { tag, url } of urlsIn(page.html)) {
      if (tag !== 'a' || !url || isExternal(url)) continue;
      const target = new URL(url, pageUrl);
      if (!target.pathname.startsWith(base)) {
        problems.push({ file: page.file, message: `link "${url}" leaves the base path ${base}` });
        continue;
      }
      let path = decodeURIComponent(target.pathname.slice(base.length));
      if (path === '' || path.endsWith('/')) path += 'index.html';
      if (!byFile.has(path) && !fileExists(path)) {
        problems.push({ file: page.file, message: `link "${url}" points to a page that does not exist (${path})` });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      const targetPage = byFile.get(path);
      if (fragment && targetPage) {
        if (!anchorCache.has(path)) anchorCache.set(path, anchorsIn(targetPage.html));
        if (!anchorCache.get(path)!.has(fragment)) {
          problems.push({ file: page.file, message: `link "${url}" names an anchor that ${path} does not have` });
        }
      }
    }
  }
  return problems;
}

/** Any root-relative URL ("/x") that does not start with the base, in HTML attributes, CSS url() or JS strings. */
export function escapesBase(text: string, base: string, kind: 'html' | 'css' | 'js'): string[] {
  if (base === '/') return [];
  const candidates =
    kind === 'html'
      ? [...text.matchAll(/\s(?:href|src|action|content|srcset|data-[a-z-]+)="(\/[^"/][^"]*|\/)"/g)].map((m) => m[1]!)
      : kind === 'css'
        ? [...text.matchAll(/url\(\s*["']?(\/[^)"'/][^)"']*)/g)].map((m) => m[1]!)
        : // In scripts only bundled-asset paths are checked: other root-relative strings (Pagefind's "/pagefind/"
          // default, a suffix appended to the base at run time) are not URLs on their own. The sub-path e2e smoke
          // test covers what scripts actually request.
          [...text.matchAll(/["'`](\/_astro\/[^"'`]*)["'`]/g)].map((m) => m[1]!);
  return [...new Set(candidates.filter((url) => !url.startsWith(base)))];
}

/** Anything fetched from another origin: scripts, styles, images, fonts, frames. Links (<a>) are not fetches. */
export function crossOriginRequests(html: string): string[] {
  return urlsIn(html)
    .filter(({ tag, rel }) => tag !== 'a' && tag !== 'form' && !(tag === 'link' && /\b(canonical|alternate|sitemap)\b/.test(rel ?? '')))
    .map(({ url }) => url)
    .filter((url) => /^(?:https?:)?\/\//i.test(url));
}

/** Markers that a UI framework's runtime is on the page. */
export function frameworkRuntime(html: string, scripts: string): string | null {
  if (/<astro-island\b/.test(html)) return 'an <astro-island> (a framework component hydrated on the client)';
  const markers: Array<[RegExp, string]> = [
    [/__REACT_DEVTOOLS_GLOBAL_HOOK__|react-dom|__SECRET_INTERNALS_DO_NOT_USE/, 'React'],
    [/__VUE__|createApp\(|__vue_app__/, 'Vue'],
    [/svelte-[a-z0-9]{6}|\$\$props/, 'Svelte'],
    [/preact/i, 'Preact'],
    [/\bSolid\b.*createSignal|solid-js/, 'Solid'],
  ];
  return markers.find(([pattern]) => pattern.test(scripts))?.[1] ?? null;
}

/** Local module scripts a page loads eagerly (<script type="module" src>), as paths below the base. */
export function eagerScripts(html: string, base: string): string[] {
  return [...html.matchAll(/<script type="module" src="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((src) => !isExternal(src))
    .map((src) => (src.startsWith(base) ? src.slice(base.length) : src.replace(/^\//, '')));
}

/** Stylesheets a page loads for screen (print-only sheets excluded). */
export function screenStylesheets(html: string, base: string): string[] {
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/media="print"/.test(m[2]!))
    .map((m) => m[1]!)
    .map((href) => (href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '')));
}

/** Static imports of an ES module chunk (Vite emits `import{…}from"./x.js"` and `import"./x.js"`). */
export function staticImports(js: string): string[] {
  return [...js.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+|\/[^"']+)["']/g)].map((m) => m[1]!);
}
