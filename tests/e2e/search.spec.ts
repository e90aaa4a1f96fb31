import { expect, test } from '@playwright/test';
import { MLFLOW_LESSON } from './helpers.ts';

test('@smoke searching for "nested runs" lands on the nested-runs lesson', async ({ page }) => {
  await page.goto('');
  await page.getByRole('button', { name: 'Search' }).click();
  const input = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
  await input.fill('nested runs');
  const result = page.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute('href', new RegExp(`${MLFLOW_LESSON}`));
  await result.click();
  await expect(page).toHaveURL(new RegExp(`${MLFLOW_LESSON}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Use nested runs to track complex experiments');
});

test('lessons carry a domain filter for search', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  await expect(page.locator('meta[data-pagefind-filter="domain[content]"]')).toHaveAttribute('content', 'Model Development');
});

test('self-check answers are kept out of the search index', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  await expect(page.locator('.self-check').first()).toHaveAttribute('data-pagefind-ignore', '');
});
