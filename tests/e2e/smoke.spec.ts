import { expect, test } from '@playwright/test';
import { MLFLOW_LESSON } from './helpers.ts';

test('@smoke the home page links into a section, its overview links to each lesson, and nothing either page loads fails or leaves the origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) failures.push(`other origin: ${request.url()}`);
  });
  await page.goto('');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ML Professional Study Guide');
  await page.getByRole('link', { name: /^Model Development/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Using Spark ML');
  await page.goto(MLFLOW_LESSON.replace(/[^/]+\/$/, ''));
  // The overview's table of objectives links each lesson (the page's text may link it too).
  await page.getByRole('main').getByRole('table').getByRole('link', { name: 'Use nested runs to track complex experiments' }).click();
  await expect(page).toHaveURL(new RegExp(`${MLFLOW_LESSON}$`));
  await expect(page.locator('self-check-question').first()).toBeVisible();
  // Styles applied: Starlight's stylesheet sets the content width; an unstyled page would not have it.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--sl-content-width').trim())).not.toBe('');
  expect(failures).toEqual([]);
});
