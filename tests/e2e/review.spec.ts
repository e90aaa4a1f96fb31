import { expect, test, type Page } from '@playwright/test';
import { MLFLOW_LESSON, axeViolations, useTheme } from './helpers.ts';

const REVIEW = 'practice/review/';
// A real question from content/questions/model-development/advanced-mlflow.yaml (single answer).
const QUESTION_ID = 'mlflow-nested-no-active-parent';

// "Due today" depends on the time of day (a card due in 10 minutes is not due today at 23:55), so the page's clock
// is fixed at midday for every test in this file.
const NOW = new Date('2026-11-26T12:00:00Z');
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

/** Saved progress (v3) with one wrong answer from yesterday, written once per tab so a reload keeps what the page saved. */
async function seedWrongAnswer(page: Page, id = QUESTION_ID) {
  const answeredAt = new Date(NOW.getTime() - 86_400_000).toISOString();
  const progress = {
    version: 3,
    answers: { [id]: { selected: [0], correct: false, answeredAt, attempts: 1 } },
    checklist: {},
    marks: {},
    reviews: {},
    exams: {},
  };
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('mlpro:progress', raw);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(progress));
}

/** The stored index of the correct option, from the bank index the page itself uses. */
async function correctOption(page: Page, id: string) {
  const index = (await (await page.request.get('practice/bank.json')).json()) as { questions: Array<{ id: string; answer: number[] }> };
  return index.questions.find((q) => q.id === id)!.answer[0]!;
}

const queue = (page: Page) => page.locator('review-queue');

test('@smoke a missed question is due; answered and rated Good it leaves today and the page says when it returns', async ({ page }) => {
  await seedWrongAnswer(page);
  const answer = await correctOption(page, QUESTION_ID);
  await page.goto(REVIEW);

  await expect(queue(page).locator('.rq-today')).toHaveText('Due today: 1 question.');
  const card = queue(page).getByRole('region', { name: /Question 1 of 1 due now/ });
  await expect(card.locator(`[data-question-id="${QUESTION_ID}"]`)).toBeVisible();
  const status = queue(page).getByRole('status');
  await expect(status).toHaveAttribute('aria-live', 'polite');

  // Keyboard only: into the radio group, arrow to the right option (selection alone grades nothing), Tab to the button.
  await card.locator('input').first().focus();
  for (let i = 0; i < answer; i++) await page.keyboard.press('ArrowDown');
  await expect(status).toHaveText('');
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Check answer' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(status).toHaveText(/^✓ Correct\..*Good is suggested\.$/);
  await expect(card.locator('.sc-explanation')).toBeVisible();
  const good = card.getByRole('button', { name: /^Good/ });
  await expect(good).toBeFocused();
  await expect(good).toHaveAccessibleName(/Good I knew it · back in \d+ days?/);
  for (const word of ['Again', 'Hard', 'Good', 'Easy']) {
    const box = await card.getByRole('button', { name: new RegExp(`^${word}`) }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }
  await page.keyboard.press('Enter');

  await expect(status).toHaveText(/^Rated Good: this question comes back in 2 days \(\w+day, \w+ \d+\)\.$/);
  await expect(queue(page).locator('.rq-today')).toHaveText('Due today: 0 questions.');
  await expect(queue(page).locator('.rq-next')).toHaveText(/^Next due: in 2 days/);
  await expect(queue(page).getByRole('heading', { name: 'Nothing is due right now' })).toBeFocused();

  // The schedule was saved: after a reload nothing is due and the date is the same.
  await page.reload();
  await expect(queue(page).locator('.rq-today')).toHaveText('Due today: 0 questions.');
  await expect(queue(page).locator('.rq-next')).toHaveText(/^Next due: in 2 days/);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mlpro:progress')!));
  expect(saved.reviews[QUESTION_ID]).toMatchObject({ reps: 1, state: 2 });
  expect(saved.answers[QUESTION_ID]).toMatchObject({ correct: true, attempts: 2 });
});

test('a wrong answer suggests Again, and Again brings the question back within minutes', async ({ page }) => {
  await seedWrongAnswer(page);
  const answer = await correctOption(page, QUESTION_ID);
  await page.goto(REVIEW);
  const card = queue(page).getByRole('region');
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(queue(page).getByRole('status')).toHaveText('Choose an answer first.');
  await card.locator('input').nth((answer + 1) % 4).check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(queue(page).getByRole('status')).toHaveText(/^✗ Incorrect\. The answer is [A-E];.*Again is suggested\.$/);
  await expect(card.getByRole('button', { name: /^Again/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(queue(page).getByRole('status')).toHaveText('Rated Again: this question comes back in 10 minutes.');
  await expect(queue(page).locator('.rq-today')).toHaveText('Due today: 1 question.');
  await expect(queue(page).locator('.rq-next')).toHaveText('Next due: in 10 minutes.');
});

test('with fresh storage the page says there is nothing to review and where to start', async ({ page }) => {
  await page.goto(REVIEW);
  const empty = queue(page).locator('.rq-empty');
  await expect(empty.getByRole('heading', { name: 'Nothing to review yet' })).toBeVisible();
  await expect(queue(page).locator('.rq-today')).toHaveText('Due today: 0 questions.');
  await expect(empty.getByRole('link', { name: 'Nested runs' })).toHaveAttribute('href', `../../${MLFLOW_LESSON}`);
  await expect(empty.getByRole('link', { name: 'mock exam' })).toHaveAttribute('href', '../exam/');
  await expect(empty.getByRole('link', { name: 'practice builder' })).toHaveAttribute('href', '../');
  await expect(queue(page).locator('.rq-card')).toBeHidden();
  // Opening the page with nothing to queue writes nothing.
  expect(await page.evaluate(() => localStorage.getItem('mlpro:progress'))).toBeNull();
});

test('a self-check question missed in a lesson turns up in the review queue', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  const question = page.locator('self-check-question:has(input[type="radio"])').first();
  const id = (await question.getAttribute('data-question-id'))!;
  const answer = Number((await question.getAttribute('data-answer'))!.split(',')[0]);
  await question.locator('input').nth((answer + 1) % 4).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(/^✗ Incorrect/);

  await page.goto(REVIEW);
  await expect(queue(page).locator(`.rq-card [data-question-id="${id}"]`)).toBeVisible();
  await expect(queue(page).locator('.rq-today')).toHaveText('Due today: 1 question.');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page says it needs JavaScript and that progress stays in this browser', async ({ page }) => {
    await page.goto(REVIEW);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review queue');
    await expect(page.locator('.rq-noscript')).toContainText('The review queue needs JavaScript');
    await expect(page.getByText('kept in this browser')).toBeVisible();
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`review queue states in the ${theme} theme have no axe violations`, () => {
    test.beforeEach(async ({ page }) => useTheme(page, theme));
    test('empty', async ({ page }) => {
      await page.goto(REVIEW);
      await expect(queue(page).locator('.rq-empty')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
    test('question, then answered', async ({ page }) => {
      await seedWrongAnswer(page);
      await page.goto(REVIEW);
      const card = queue(page).getByRole('region');
      await expect(card.locator('input').first()).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await card.locator('input').first().check();
      await card.getByRole('button', { name: 'Check answer' }).click();
      await expect(card.getByRole('group', { name: /How well did you know it/ })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
