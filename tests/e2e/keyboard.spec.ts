import { expect, test } from '@playwright/test';
import { MLFLOW_LESSON } from './helpers.ts';

test('every interactive control on a lesson is reachable by Tab, and focus is never hidden under the header', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(MLFLOW_LESSON);
  // Every control a keyboard user must reach. Radio groups are one tab stop: count the group once.
  const expected = await page.evaluate(() => {
    const seen = new Set<string>();
    const controls = document.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, summary, [tabindex="0"]');
    for (const el of controls) {
      const style = getComputedStyle(el);
      // Content of a closed <details> (a collapsed sidebar group, unopened explanations) is not in the tab order.
      const closed = el.closest('details:not([open])');
      const insideClosed = closed && el !== closed.querySelector(':scope > summary');
      if (insideClosed || el.closest('[hidden], dialog:not([open])') || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
      const key = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : (el.dataset.kbd = String(seen.size));
      seen.add(key);
    }
    return [...seen];
  });

  const reached = new Set<string>();
  const hidden: string[] = [];
  for (let i = 0; i < expected.length * 2 + 20 && reached.size < expected.length; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const key = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : (el.dataset.kbd ?? '');
      const header = document.querySelector('header')!.getBoundingClientRect();
      const rect = el.getBoundingClientRect();
      // The skip link is meant to appear over the header; header and sidebar controls are not under it.
      const inHeaderOrSidebar = !!el.closest('header, #starlight__sidebar, .sidebar-pane, .sl-skip-link');
      return { key, covered: !inHeaderOrSidebar && rect.top < header.bottom - 1, label: el.outerHTML.slice(0, 80) };
    });
    if (!info) continue;
    if (info.key) reached.add(info.key);
    if (info.covered) hidden.push(info.label);
  }
  expect(expected.filter((key) => !reached.has(key))).toEqual([]);
  expect(hidden).toEqual([]);
});

test('a self-check is operable with the keyboard alone: Space picks, Enter checks, Enter opens the explanations', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  const multiple = page.locator('self-check-question:has(input[type="checkbox"])').first();
  const target = (await multiple.count()) ? multiple : page.locator('self-check-question').first();
  const answer = (await target.getAttribute('data-answer'))!.split(',').map(Number);
  for (const index of answer) {
    await target.locator('input').nth(index).focus();
    await page.keyboard.press('Space');
    await expect(target.locator('input').nth(index)).toBeChecked();
  }
  await target.getByRole('button', { name: 'Check answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(target.getByRole('status')).toHaveText(/^✓ Correct/);
  const summary = target.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(target.locator('details')).not.toHaveAttribute('open', '');
  await page.keyboard.press('Enter');
  await expect(target.locator('details')).toHaveAttribute('open', '');
});
