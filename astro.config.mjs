// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { loadBlueprint } from './src/lib/blueprint.ts';
import { docsPageLookup, sidebarFromBlueprint } from './src/lib/sidebar.ts';

/**
 * Hosting, set at build time (see README → Hosting):
 * - SITE_URL:  the full origin the site is served from, e.g. https://example.github.io (enables the sitemap
 *              and canonical URLs). Default: http://localhost:4321.
 * - BASE_PATH: the sub-path it lives under, e.g. /guide/. Default: / (domain root).
 */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';
// OUT_DIR lets a second build (e.g. for a sub-path) sit beside dist/ without replacing it.
const outDir = process.env.OUT_DIR || './dist';

const pages = docsPageLookup(fileURLToPath(new URL('./src/content/docs/', import.meta.url)));

export default defineConfig({
  site,
  base,
  outDir,
  // The content cache lives in the project, not in node_modules, so separate checkouts never share it.
  cacheDir: './.astro/cache',
  trailingSlash: 'always',
  // Stylesheets as cached files, never inlined: every lesson would otherwise repeat the same CSS in its HTML,
  // which has to fit the 14 kB first round trip (see shared QUALITY.md).
  build: { inlineStylesheets: 'never' },
  integrations: [
    starlight({
      title: 'ML Professional Study Guide',
      description:
        'A free, independent study guide for the Databricks Certified Machine Learning Professional exam: lessons, self-checks and practice questions.',
      sidebar: sidebarFromBlueprint(loadBlueprint(), pages),
      customCss: ['./src/styles/custom.css', './src/styles/print.css'],
      // Offline use (see /offline/ and public/sw.js): the web manifest, and a footer that registers the service worker.
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: `${base.replace(/\/?$/, '/')}manifest.webmanifest` } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#17181c' } },
      ],
      components: {
        Footer: './src/components/overrides/Footer.astro',
        ThemeProvider: './src/components/overrides/ThemeProvider.astro',
      },
      routeMiddleware: './src/routeData.ts',
      // Long code lines wrap instead of scrolling: a scrolling block is a keyboard trap for axe's
      // scrollable-region-focusable rule when it first becomes visible inside an opened <details>.
      expressiveCode: { defaultProps: { wrap: true } },
      pagefind: { ranking: { metaWeights: { title: 5 } } },
      // Fails the build on a broken internal link or heading anchor. Links to other sites are not fetched.
      plugins: [starlightLinksValidator({ errorOnRelativeLinks: false })],
    }),
  ],
});
