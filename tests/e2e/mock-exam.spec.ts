import { expect, test, type Page } from '@playwright/test';
import { axeViolations, tabUntil } from './helpers.ts';

const EXAM = 'practice/exam/';
const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('mlpro:progress') ?? '{}'));

async function startExam(page: Page) {
  await page.goto(EXAM);
  const start = page.getByRole('button', { name: 'Start the mock exam' });
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page.getByRole('group', { name: /Question 1 of 59/ })).toBeVisible();
}

test('a learner takes a whole mock exam with the keyboard, flags one, confirms and reviews the results', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(EXAM);
  await expect(page.getByRole('button', { name: 'Start the mock exam' })).toBeEnabled();
  await page.getByRole('button', { name: 'Start the mock exam' }).focus();
  await page.keyboard.press('Enter');
  for (let i = 1; i <= 59; i++) {
    await expect(page.getByRole('group', { name: new RegExp(`Question ${i} of 59`) })).toBeVisible();
    await tabUntil(page, `document.activeElement?.matches('.mx-session input')`, 60);
    await page.keyboard.press('Space');
    if (i === 5) {
      await tabUntil(page, `document.activeElement?.classList.contains('px-flag')`, 60);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'true');
      // Next sits just before Flag.
      await page.keyboard.press('Shift+Tab');
      await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
      await page.keyboard.press('Enter');
      continue;
    }
    if (i < 59) {
      await tabUntil(page, `document.activeElement?.classList.contains('px-next')`, 60);
      await page.keyboard.press('Enter');
    }
  }
  await expect(page.getByRole('button', { name: 'Question 5: answered, flagged' })).toBeVisible();
  await tabUntil(page, `document.activeElement?.classList.contains('px-finish')`, 80);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Review before you submit' });
  await expect(dialog).toContainText('Every question has an answer.');
  await expect(dialog.getByRole('heading', { name: 'Unanswered: 0' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Flagged for review: 1' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Answered: 59' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await expect(dialog.getByRole('button', { name: 'Submit now' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: /^Results of the mock exam/ })).toBeFocused();
  await expect(page.getByText(/^You answered \d+ of 59 correctly/)).toBeVisible();
  const domainTable = page.getByRole('table', { name: 'Score per domain' });
  await expect(domainTable.getByRole('row')).toHaveCount(4);
  await expect(domainTable).toContainText('of 26');
  await expect(domainTable).toContainText('of 7');
  await expect(page.locator('.px-review > li')).toHaveCount(59);
  await expect(page.locator('.px-review .sc-key').first()).toContainText('Correct answer');
  await expect(page.locator('.px-review .sc-references').first()).toContainText('Official source');
  expect(await axeViolations(page)).toEqual([]);

  const progress = await stored(page);
  const attempt = Object.values(progress.exams)[0] as { submittedAt?: string; questionIds: string[] };
  expect(attempt.submittedAt).toBeTruthy();
  expect(Object.keys(progress.answers).length).toBe(59);

  // The attempt is listed with its score and can be reviewed again.
  await page.getByRole('button', { name: 'Back to the exam page' }).click();
  await expect(page.locator('.mx-history li')).toHaveCount(1);
  await page.locator('.mx-history').getByRole('button', { name: /^Review the attempt/ }).click();
  await expect(page.locator('.px-review > li')).toHaveCount(59);
});

test('@smoke reloading mid-exam resumes at the same question with answers kept and the clock still running', async ({ page }) => {
  await startExam(page);
  await page.locator('.mx-session input').first().check();
  await page.getByRole('button', { name: 'Mark unsure' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('group', { name: /Question 3 of 59/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: /Question 3 of 59/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Question 1: answered, unsure' })).toBeVisible();
  await expect(page.locator('.mx-timer')).toHaveText(/^Time left: 1:59:\d\d$/);
  expect(await axeViolations(page)).toEqual([]);
});

test('the clock warns once at 10 minutes and submits the exam when time runs out', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-26T09:00:00Z') });
  await startExam(page);
  await page.locator('.mx-session input').first().check();
  await page.clock.fastForward('01:50:30');
  await expect(page.getByRole('status').filter({ hasText: 'minutes left' })).toHaveText('10 minutes left.');
  await page.clock.fastForward('00:10:00');
  await expect(page.getByText('Time is up. Your exam was submitted.')).toBeVisible();
  await expect(page.getByText(/^You answered \d of 59 correctly .*58 left unanswered/)).toBeVisible();
  const progress = await stored(page);
  // Every missed question is queued for spaced-repetition review.
  expect(Object.keys(progress.reviews).length).toBeGreaterThanOrEqual(58);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the exam page reads and says the exam needs JavaScript', async ({ page }) => {
    await page.goto(EXAM);
    await expect(page.getByText('The mock exam needs JavaScript.')).toBeVisible();
  });
});
