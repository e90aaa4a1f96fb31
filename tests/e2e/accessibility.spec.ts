import { expect, test, type Page } from '@playwright/test';
import { MLFLOW_LESSON, axeViolations, sitemapPaths, useTheme } from './helpers.ts';

// Every page of the built site, in both themes: 0 violations of WCAG 2.2 AA.
for (const path of sitemapPaths()) {
  for (const theme of ['light', 'dark'] as const) {
    test(`/${path} has no axe violations in the ${theme} theme`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

// A self-check in each state it can be in.
const question = (page: Page) => page.locator('self-check-question:has(input[type="radio"])').first();
async function answer(page: Page, right: boolean) {
  const q = question(page);
  const correct = Number((await q.getAttribute('data-answer'))!.split(',')[0]);
  await q.locator('input').nth(right ? correct : (correct + 1) % 4).check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByRole('status')).toHaveText(right ? /Correct/ : /Incorrect/);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`self-check states in the ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await useTheme(page, theme);
      await page.goto(MLFLOW_LESSON);
    });
    test('unanswered', async ({ page }) => {
      expect(await axeViolations(page)).toEqual([]);
    });
    test('answered wrong', async ({ page }) => {
      await answer(page, false);
      expect(await axeViolations(page)).toEqual([]);
    });
    test('answered right', async ({ page }) => {
      await answer(page, true);
      expect(await axeViolations(page)).toEqual([]);
    });
    test('restored from storage', async ({ page }) => {
      await answer(page, true);
      await page.reload();
      await expect(question(page).getByRole('status')).toHaveText('Saved answer: correct.');
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
