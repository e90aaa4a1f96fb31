/**
 * Small corrections to the HTML Starlight renders, applied once at build time by src/middleware.ts.
 *
 * Search button (WCAG 2.5.3 Label in Name; axe 4.14: label-content-name-mismatch): Starlight names it with
 * aria-label="Search" while it shows "Search" and the "Ctrl K" shortcut, so its visible text is not inside its
 * accessible name. The fix lets the button take its name from its own "Search" text: the aria-label goes, the text
 * is no longer aria-hidden, and on narrow screens (where Starlight hid it) it is visually hidden instead, so the
 * icon-only button still has a name. The shortcut hint is hidden from assistive technology: aria-keyshortcuts
 * already announces it.
 *
 * Tables: a table wider than the column scrolls inside its own box (Starlight's style); tabindex="0" lets a keyboard
 * user reach and scroll it (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function fixStarlightHtml(html: string): string {
  return html
    .replace(/(<button data-open-modal disabled) aria-label="[^"]*"/g, '$1')
    .replace(/<span class="sl-hidden md:sl-block( [^"]*)?" aria-hidden="true">/g, '<span class="search-label md:sl-block$1">')
    .replace(/<kbd (class="sl-hidden md:sl-flex[ "])/g, '<kbd aria-hidden="true" $1')
    .replace(/<table(?![^>]*tabindex)/g, '<table tabindex="0"');
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
