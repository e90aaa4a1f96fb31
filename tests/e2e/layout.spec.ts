import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths } from './helpers.ts';

/**
 * Every page at a phone width and a desktop width: the page itself never scrolls sideways (wide tables and code
 * scroll inside their own box), and no word in a table cell is broken across two lines ("Fa / mil / y").
 */

/** Elements wider than the viewport that make the document scroll sideways, described for the failure message. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect();
      if (box.right <= root.clientWidth + 1 || box.width === 0) continue;
      // Report the outermost element that sticks out, not each of its children, and nothing inside a box that
      // scrolls on its own (a wide table is allowed to be wider than the screen inside its own scroll box).
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > root.clientWidth + 1) continue;
      let scrolls = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') scrolls = true;
      }
      if (scrolls) continue;
      culprits.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}: "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return [`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport`, ...culprits.slice(0, 5)];
  });
}

/** Words in table cells whose letters fall on more than one line. */
async function brokenWordsInTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll('td, th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        // A word is a run of letters, digits and underscores: a line break at punctuation (after a hyphen, a slash
        // or the "=" of `slicing_exprs=[…]`) falls between words; "Fa / mil / y" falls inside one.
        for (const match of text.matchAll(/[\p{L}\p{N}_]+/gu)) {
          if (match[0].length < 2) continue;
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          // A word on one line has one box per line it touches; a word broken inside has boxes at different tops.
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken.slice(0, 10);
  });
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const path of sitemapPaths()) {
      test(`/${path} does not scroll sideways or break words in tables`, async ({ page }) => {
        await page.goto(path);
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await brokenWordsInTables(page)).toEqual([]);
      });
    }
  });
}
