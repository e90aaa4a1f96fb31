/**
 * A lesson's "Key points" (the `## Key points` list each lesson ends with), read from its MDX source, for the
 * printable domain review sheets (src/pages/review-sheets/). Pure: text in, bullets and safe HTML out.
 */

/** The bullets under `## Key points`, up to the next heading or the end; each bullet is one line of inline Markdown. */
export function extractKeyPoints(mdx: string): string[] {
  const lines = mdx.split('\n');
  const start = lines.findIndex((line) => /^##\s+Key points\s*$/.test(line));
  if (start < 0) return [];
  const points: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) break;
    const bullet = line.match(/^[-*]\s+(.*)$/);
    if (bullet) points.push(bullet[1]!.trim());
    else if (line.trim() && points.length && /^\s+\S/.test(line)) points[points.length - 1] += ` ${line.trim()}`;
  }
  return points;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Inline Markdown as HTML: `code`, **bold**, *emphasis*; a link keeps its text only (a lesson's relative links
 * would point elsewhere from the sheet, and on paper a link is just words). Everything else is escaped text.
 */
export function inlineMarkdown(text: string): string {
  const parts = text.split(/(`[^`]+`)/);
  return parts
    .map((part) => {
      if (/^`[^`]+`$/.test(part)) return `<code>${escape(part.slice(1, -1))}</code>`;
      return escape(part.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'))
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
    })
    .join('');
}
