/**
 * `npm run validate:html`: html-validate over every built page, then a stricter pass over the project's own
 * components (the self-check markup) with the recommended and a11y presets and nothing relaxed.
 *
 * The site-wide baseline (.htmlvalidate.json) relaxes only rules that Starlight's and Expressive Code's own markup
 * breaks and that this project cannot change from outside:
 * - void-style: Astro writes void elements as `<br>` and `<br/>` inconsistently; style only.
 * - element-permitted-content: Expressive Code renders each code line as a <div> inside <code>, and a <div> inside
 *   its copy <button>; browsers render both correctly.
 * - no-implicit-button-type: Starlight's and Expressive Code's buttons sit outside forms, where the type is moot.
 * - unique-landmark: Starlight's several <nav> regions (sidebar, table of contents, pagination) are unnamed.
 * - valid-id: Starlight's "_top" anchor id starts with an underscore (valid HTML5, flagged as a style rule).
 * - no-inline-style: Starlight and Expressive Code set inline styles (and CSS custom properties per token).
 * - text-content: Expressive Code's copy button is named by its title attribute, which axe accepts.
 * - no-redundant-role: Starlight puts role="list" on lists on purpose (Safari drops list semantics with list-style:none).
 * Two rules are configured rather than relaxed: form-dup-name allows a shared name for a group of checkboxes, which
 * is how a "choose two" question groups its answers; long-title allows 110 characters, because a lesson's title
 * states its exam objective (up to 70 characters) and Starlight appends " | <site title>".
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, formatterFactory } from 'html-validate';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, process.env.DIST_DIR || 'dist');
const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => join(entry.parentPath, entry.name));

const siteWide = new HtmlValidate(JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')));
const strict = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:a11y'], rules: { 'void-style': 'off', 'form-dup-name': ['error', { shared: ['radio', 'checkbox'] }] } });
const stylish = formatterFactory('stylish');

let failed = 0;
let components = 0;
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  const report = await siteWide.validateString(html, relative(root, page));
  if (!report.valid) {
    failed++;
    console.error(stylish(report.results));
  }
  // Each self-check block on its own, as a fragment, with no rule relaxed.
  for (const [index, [block]] of [...html.matchAll(/<section class="self-check[\s\S]*?<\/section>/g)].entries()) {
    components++;
    const fragment = block.replace(/<div class="expressive-code">[\s\S]*?<\/figure><\/div>/g, '<pre><code>code</code></pre>');
    const strictReport = await strict.validateString(fragment, `${relative(root, page)} (self-check ${index + 1})`);
    if (!strictReport.valid) {
      failed++;
      console.error(stylish(strictReport.results));
    }
  }
}
if (failed) {
  console.error(`✖ html-validate found problems in ${failed} page(s) or component(s).`);
  process.exit(1);
}
console.log(`✔ ${pages.length} pages valid; ${components} self-check blocks pass the recommended and a11y presets.`);
