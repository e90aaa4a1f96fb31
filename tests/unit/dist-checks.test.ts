import { describe, expect, it } from 'vitest';
import {
  checkLinks,
  crossOriginRequests,
  eagerScripts,
  escapesBase,
  frameworkRuntime,
  staticImports,
} from '../../src/lib/dist-checks.ts';

const pages = [
  { file: 'index.html', html: '<a href="mlops/testing/">ok</a><a href="mlops/testing/#unit-tests">anchor</a>' },
  { file: 'mlops/testing/index.html', html: '<h2 id="unit-tests">Unit</h2><a href="../../">home</a><a href="../missing/">bad</a><a href="#nope">bad anchor</a><a href="https://mlflow.org/">ext</a>' },
];

describe('checkLinks', () => {
  it('resolves relative links and anchors, reporting only broken ones', () => {
    expect(checkLinks(pages, '/', () => false)).toEqual([
      { file: 'mlops/testing/index.html', message: 'link "../missing/" points to a page that does not exist (mlops/missing/index.html)' },
      { file: 'mlops/testing/index.html', message: 'link "#nope" names an anchor that mlops/testing/index.html does not have' },
    ]);
  });
  it('works under a sub-path and catches links that leave it', () => {
    const sub = [{ file: 'index.html', html: '<a href="/guide/index.html">in</a><a href="/other/">out</a>' }];
    expect(checkLinks(sub, '/guide/', () => false)).toEqual([{ file: 'index.html', message: 'link "/other/" leaves the base path /guide/' }]);
  });
});

describe('escapesBase', () => {
  it('finds root-relative URLs outside the base in HTML, CSS and JS', () => {
    expect(escapesBase('<link href="/_astro/a.css"><a href="/guide/x/">', '/guide/', 'html')).toEqual(['/_astro/a.css']);
    expect(escapesBase('a{background:url(/img.png)} b{background:url("/guide/ok.png")}', '/guide/', 'css')).toEqual(['/img.png']);
    expect(escapesBase('import("/_astro/chunk.js");import("/guide/_astro/x.js")', '/guide/', 'js')).toEqual(['/_astro/chunk.js']);
    expect(escapesBase('bundlePath:`/guide/`.replace(/\\/$/,``)+`/pagefind/`', '/guide/', 'js')).toEqual([]);
    expect(escapesBase('<a href="/anything">', '/', 'html')).toEqual([]);
  });
});

describe('crossOriginRequests and frameworkRuntime', () => {
  it('flags fetched resources from other origins but not links', () => {
    const html = '<script src="https://cdn.example/x.js"></script><link rel="canonical" href="https://site/"><a href="https://mlflow.org/">x</a><img src="//img.example/a.png">';
    expect(crossOriginRequests(html)).toEqual(['https://cdn.example/x.js', '//img.example/a.png']);
  });
  it('recognises hydrated islands and framework code', () => {
    expect(frameworkRuntime('<astro-island uid="1">', '')).toMatch(/astro-island/);
    expect(frameworkRuntime('<p>', 'var x=__VUE__')).toBe('Vue');
    expect(frameworkRuntime('<p>', 'customElements.define("self-check-question",X)')).toBeNull();
  });
});

describe('module graph helpers', () => {
  it('lists eager module scripts below the base and their static imports', () => {
    expect(eagerScripts('<script type="module" src="/guide/_astro/a.js"></script>', '/guide/')).toEqual(['_astro/a.js']);
    expect(staticImports('import{a as b}from"./chunk.js";import"./side.js";const x=import("./lazy.js")')).toEqual(['./chunk.js', './side.js']);
  });
});
