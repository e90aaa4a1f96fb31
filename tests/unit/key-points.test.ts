import { describe, expect, it } from 'vitest';
import { extractKeyPoints, inlineMarkdown } from '../../src/lib/key-points.ts';

describe('extractKeyPoints', () => {
  it('takes the bullets under "## Key points" up to the next heading', () => {
    const mdx = '---\ntitle: x\n---\nText.\n\n## Key points\n\n- First `a`.\n- Second,\n  continued.\n\n## Sources\n\n- [A](https://x)\n';
    expect(extractKeyPoints(mdx)).toEqual(['First `a`.', 'Second, continued.']);
  });
  it('returns nothing for a lesson without key points', () => {
    expect(extractKeyPoints('## Sources\n\n- a\n')).toEqual([]);
  });
});

describe('inlineMarkdown', () => {
  it('renders code, bold and emphasis, keeps link text only, and escapes HTML', () => {
    expect(inlineMarkdown('Use `nested=True` with **one** *parent*; see [runs](../nested-runs/) <b>')).toBe(
      'Use <code>nested=True</code> with <strong>one</strong> <em>parent</em>; see runs &lt;b&gt;',
    );
    expect(inlineMarkdown('`a < b` and **x**')).toBe('<code>a &lt; b</code> and <strong>x</strong>');
  });
});
