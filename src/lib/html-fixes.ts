/**
 * Small corrections to the HTML Starlight renders, applied once at build time by src/middleware.ts.
 *
 * Search button: it is named "Search" (aria-label) but also shows the "Ctrl K" shortcut, so its visible text is
 * not contained in its accessible name (axe: label-content-name-mismatch, WCAG 2.5.3 Label in Name). The shortcut
 * is already announced through aria-keyshortcuts, so hiding the hint from assistive technology fixes it.
 */
export function fixStarlightHtml(html: string): string {
  return html.replace(/<kbd (class="sl-hidden md:sl-flex[ "])/g, '<kbd aria-hidden="true" $1');
}

/**
 * Expressive Code puts its stylesheet and script tags before the first code block of every Markdown document it
 * renders, and each question field is its own document. Drops the tags already emitted on this page (`seen`
 * collects them), so a page with ten coded questions carries the assets once.
 */
export function dedupeAssetTags(html: string, seen: Set<string>): string {
  return html.replace(/<link rel="stylesheet" href="[^"]+">|<script type="module" src="[^"]+"><\/script>/g, (tag) => {
    if (seen.has(tag)) return '';
    seen.add(tag);
    return tag;
  });
}
