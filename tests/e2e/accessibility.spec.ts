import { expect, test } from '@playwright/test';
import { MLFLOW_LESSON, axeViolations, useTheme } from './helpers.ts';

for (const theme of ['light', 'dark'] as const) {
  for (const [name, path] of [
    ['home', ''],
    ['MLflow lesson', MLFLOW_LESSON],
  ] as const) {
    test(`${name} has no axe violations in the ${theme} theme`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('a self-check stays accessible once answered', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  const question = page.locator('self-check-question').first();
  await question.locator('input').first().check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(/Correct|Incorrect/);
  expect(await axeViolations(page)).toEqual([]);
});
