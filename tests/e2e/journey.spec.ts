import { expect, test, type Page } from '@playwright/test';
import { MLFLOW_LESSON, axeViolations } from './helpers.ts';

/**
 * A learner's two days with the guide, in one browser: read a lesson and answer its self-check, start a mock exam
 * and leave it, come back the next day (the page clock moves on), follow "what to do next", drill weak spots, and
 * open the lesson of a question they missed. Every page on the way has no axe violations and throws nothing.
 */
const DAY_ONE = new Date('2026-12-02T10:00:00Z');
const DAY_TWO = new Date('2026-12-03T09:00:00Z');

async function noViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

test('@smoke a returning learner is told what to do next and led back to the lessons', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  await page.clock.install({ time: DAY_ONE });

  // Day one, first visit: the home page is the static introduction only.
  await page.goto('');
  await expect(page.getByRole('heading', { name: 'Welcome back: what to do next' })).toBeHidden();

  // Read a lesson: answer its first self-check wrongly, then reach the end of the page.
  await page.goto(MLFLOW_LESSON);
  const question = page.locator('self-check-question').first();
  const correct = Number((await question.getAttribute('data-answer'))!.split(',')[0]);
  await question.locator('input').nth((correct + 1) % 4).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(/Incorrect/);
  await page.keyboard.press('End');
  const current = page.locator('#starlight__sidebar a[aria-current="page"]');
  await expect(current.locator('.lesson-read')).toHaveText('✓ (read)');
  await noViolations(page);

  // Start a mock exam, answer three questions, hide the clock, and leave.
  await page.goto('practice/exam/');
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByRole('group', { name: new RegExp(`Question ${i} of 59`) })).toBeVisible();
    await page.locator('.mx-session input').first().check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Hide time' }).click();
  await expect(page.locator('.mx-timer')).toHaveText('Time hidden');
  await noViolations(page);

  // Leave the exam page before the clock moves on: an open exam page would submit the attempt itself at time-out.
  await page.goto('about:blank');
  // Day two: the home page says where to pick up.
  await page.clock.setSystemTime(DAY_TWO);
  await page.goto('');
  const panel = page.locator('next-steps');
  await expect(panel.getByRole('heading', { name: 'Welcome back: what to do next' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Use nested runs to track complex experiments' })).toBeVisible();
  await expect(panel).toContainText('Your unfinished mock exam ran out of time (3 of 59 answered).');
  await expect(panel.locator('.ns-weakest a')).toHaveCount(3);
  // The panel's place was kept from the first paint: filling it moved nothing in the page's content. (Starlight's
  // sidebar may still restore which of its groups were open; that happens outside <main> and is not this page's.)
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        const main = document.querySelector('main')!;
        new PerformanceObserver((list) => {
          type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> };
          for (const entry of list.getEntries() as Shift[]) {
            const inContent = entry.sources?.some((source) => source.node && main.contains(source.node)) ?? true;
            if (!entry.hadRecentInput && inContent) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
  expect(shift).toBe(0);
  await noViolations(page);

  // Drill weak spots: the session says why each objective was picked.
  await panel.getByRole('link', { name: 'Drill my weak spots' }).click();
  await expect(page.getByRole('heading', { name: 'Drill: your weakest objectives' })).toBeVisible();
  await expect(page.locator('.pb-drill-intro li')).toHaveCount(5);
  await expect(page.locator('.pb-drill-intro li').first()).toContainText(/of the exam\. \d+ questions? in this drill\./);
  await expect(page.getByRole('group', { name: /Question 1 of 15/ })).toBeVisible();
  await noViolations(page);

  // Answer a drill question: its review says where the objective is taught and offers more practice on it.
  await page.locator('.pb-session .sc-question input').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.pb-session .sc-study')).toContainText(/^Study this: .*practise objective /);

  // The exam page submits the attempt whose time ran out; a question left blank (missed) leads to its lesson.
  await page.goto('practice/exam/');
  await expect(page.getByRole('heading', { name: /^Results of the mock exam/ })).toBeVisible();
  const missed = page.locator('.px-review > li').filter({ hasText: '(not answered)' }).first();
  const lessonLink = missed.locator('.sc-study').getByRole('link', { name: /^the lesson “/ });
  const href = (await lessonLink.getAttribute('href'))!;
  await lessonLink.click();
  await expect(page).toHaveURL((url) => url.pathname === href);
  await expect(page.locator('.self-check').first()).toBeVisible();
  await noViolations(page);
  expect(errors).toEqual([]);
});
