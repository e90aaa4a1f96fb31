import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers.ts';

test('a learner builds a session for one objective, checks answers as they go, and finds them saved', async ({ page }) => {
  await page.goto('practice/');
  expect(await axeViolations(page)).toEqual([]);
  const main = page.getByRole('main');
  await main.getByText('Model Development (44%)').click();
  await main.getByText('Advanced MLflow Usage', { exact: true }).click();
  await main.getByRole('checkbox', { name: /^15\. Utilize nested runs/ }).check();
  await page.getByLabel('Number of questions').fill('3');
  await expect(page.locator('.pb-count')).toHaveText(/question.* match; a session will have 3\./);
  await page.getByRole('button', { name: 'Start practising' }).click();

  await expect(page.getByRole('group', { name: /Question 1 of 3/ })).toBeVisible();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.px-status')).toHaveText('Choose an answer first.');
  await page.locator('.pb-session .sc-option input').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.px-status')).toHaveText(/^(✓ Correct|✗ Incorrect)\./);
  await expect(page.locator('.pb-session .sc-key')).toContainText('Correct answer');
  expect(await axeViolations(page)).toEqual([]);
  const saved = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('mlpro:progress')!).answers));
  expect(saved).toHaveLength(1);

  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { name: 'Practice results' })).toBeVisible();
  await expect(page.locator('.px-review > li')).toHaveCount(3);
});

test('a source with nothing to practise says so and cannot start', async ({ page }) => {
  await page.goto('practice/');
  await page.getByLabel('Answered wrong last time').check();
  await expect(page.locator('.pb-count')).toHaveText('No questions match these choices. Widen the scope or choose another source.');
  await expect(page.getByRole('button', { name: 'Start practising' })).toBeDisabled();
});
