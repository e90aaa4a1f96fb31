import { expect, test } from '@playwright/test';
import { MLFLOW_LESSON, tabUntil } from './helpers.ts';

// The first single-answer question on the page (radio buttons), so the arrow-key test is well defined.
const firstQuestion = 'self-check-question:has(input[type="radio"]) >> nth=0';

test('@smoke a learner answers a self-check with the keyboard, hears the result, and finds it kept after reload', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  const question = page.locator(firstQuestion);
  const answer = Number((await question.getAttribute('data-answer'))!.split(',')[0]);
  const questionId = await question.getAttribute('data-question-id');

  // Tab into the first question's radio group (past any copy button in its code), move to the right option with the arrow keys, Tab to the button.
  await tabUntil(
    page,
    `document.activeElement?.matches('input') && document.activeElement.closest('self-check-question')?.dataset.questionId === ${JSON.stringify(questionId)}`,
  );
  for (let i = 0; i < answer; i++) await page.keyboard.press('ArrowDown');
  // Arrow keys select in a radio group; grading must still wait for the button.
  await expect(question.getByRole('status')).toHaveText('');
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Check answer' })).toBeFocused();
  await page.keyboard.press('Enter');

  const status = question.getByRole('status');
  await expect(status).toHaveText(/^✓ Correct\./);
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(question.locator('details')).toHaveAttribute('open', '');
  await expect(question.locator(`[data-option="${answer}"] .sc-picked`)).toBeVisible();

  await page.reload();
  const restored = page.locator(firstQuestion);
  await expect(restored.getByRole('status')).toHaveText('Saved answer: correct.');
  await expect(restored.locator('input').nth(answer)).toBeChecked();
});

test('a wrong answer is said in words and the right one is named', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  const question = page.locator(firstQuestion);
  const answer = Number((await question.getAttribute('data-answer'))!.split(',')[0]);
  const wrong = answer === 0 ? 1 : 0;
  await question.locator('label.sc-option').nth(wrong).click();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(new RegExp(`^✗ Incorrect\\. The answer is ${String.fromCharCode(65 + answer)}`));
});

test('checking with nothing selected asks for an answer and saves nothing', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  const question = page.locator(firstQuestion);
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText('Choose an answer first.');
  // The visit itself is remembered (the lesson, for "continue reading"); no answer is.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mlpro:progress')!));
  expect(saved.answers).toEqual({});
  expect(Object.keys(saved.lessons)).toEqual(['model-development/advanced-mlflow/nested-runs/']);
});

test('corrupt saved progress does not break the page, is kept aside, and answering still works', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('mlpro:progress', '{"version":1,"answers":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto(MLFLOW_LESSON);
  await expect(page.locator('.sc-storage-notice').first()).toHaveText(/could not be read/);
  const question = page.locator(firstQuestion);
  await question.locator('input').first().check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(/Correct|Incorrect/);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((key) => key.startsWith('mlpro:progress:corrupt:'))).toBe(true);
});

test('with storage disabled the self-check works for the visit and says answers are not kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(MLFLOW_LESSON);
  const question = page.locator(firstQuestion);
  await question.locator('input').first().check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(/Correct|Incorrect/);
  await expect(page.locator('.sc-storage-notice').first()).toHaveText(/not letting this site save progress/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the question reads and the answer opens in a details element', async ({ page }) => {
    await page.goto(MLFLOW_LESSON);
    const question = page.locator(firstQuestion);
    await expect(question.locator('legend')).toContainText('Question 1 of');
    const details = question.locator('details');
    await expect(details.locator('.sc-key')).toBeHidden();
    await details.locator('summary').click();
    await expect(details.locator('.sc-key')).toBeVisible();
    await expect(details.locator('.sc-key')).toHaveText(/^Correct answers?: [A-E]/);
  });
});
