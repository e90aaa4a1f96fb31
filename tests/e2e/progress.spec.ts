import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { BankIndex, BankIndexEntry } from '../../src/lib/practice-bank.ts';
import type { ExamAttempt, ProgressData } from '../../src/lib/progress-data.ts';
import { axeViolations, useTheme } from './helpers.ts';

const PAGE = 'progress/';
const bank = JSON.parse(readFileSync(`${process.env.OUT_DIR || 'dist'}/practice/bank.json`, 'utf8')) as BankIndex;
const wrong = (q: BankIndexEntry) => [q.answer.includes(0) ? 1 : 0];
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12)).toISOString();
const ofObjective = (objective: number | string) => bank.questions.filter((q) => q.objective === objective);
const ofDomain = (domain: string, skip: number | string) => bank.questions.filter((q) => q.domain === domain && q.objective !== skip);

/**
 * A learner who has answered 4 questions of objective 15 (3 right), 10 other Model Development, 12 MLOps and
 * 4 Model Deployment questions, one foundation question, and submitted two mock exams (6 of 10, then 8 of 10).
 */
function seedProgress(): ProgressData {
  const answers: ProgressData['answers'] = {};
  const answer = (q: BankIndexEntry, correct: boolean, day = 20) =>
    (answers[q.id] = { selected: correct ? [...q.answer] : wrong(q), correct, answeredAt: at(day), attempts: 1 });
  ofObjective(15).slice(0, 4).forEach((q, i) => answer(q, i < 3));
  ofDomain('model-development', 15).slice(0, 10).forEach((q, i) => answer(q, i < 7));
  ofDomain('mlops', '').slice(0, 12).forEach((q, i) => answer(q, i < 9));
  ofDomain('model-deployment', '').slice(0, 4).forEach((q, i) => answer(q, i < 2));
  answer(bank.questions.find((q) => q.domain === 'foundations')!, true);
  const examQuestions = ofDomain('mlops', '').slice(-10);
  const exam = (id: string, day: number, right: number): ExamAttempt => ({
    id,
    seed: day,
    startedAt: at(day),
    submittedAt: at(day),
    durationMinutes: 120,
    questionIds: examQuestions.map((q) => q.id),
    optionOrders: examQuestions.map((q) => Array.from({ length: q.options }, (_, i) => i)),
    answers: Object.fromEntries(examQuestions.map((q, i) => [q.id, i < right ? [...q.answer] : wrong(q)])),
    flagged: [],
    unsure: [],
    current: 9,
    updatedAt: at(day),
  });
  return {
    version: 4,
    answers,
    checklist: { 'book-exam': { ticked: true, at: at(21) } },
    marks: {},
    reviews: {},
    exams: { first: exam('first', 10, 6), second: exam('second', 12, 8) },
    lessons: {},
  };
}

const seeded = seedProgress();

/** Seeds storage once per test (a reload keeps the sessionStorage flag, so what the page does is what stays). */
async function seed(page: Page, data: ProgressData = seeded) {
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('progress-seeded')) {
      localStorage.setItem('mlpro:progress', value);
      sessionStorage.setItem('progress-seeded', '1');
    }
  }, JSON.stringify(data));
}

const stored = (page: Page) => page.evaluate(() => localStorage.getItem('mlpro:progress'));
const cell = (page: Page, objective: number | string) => page.locator(`.pv-cell[data-objective="${objective}"]`);
const headline = (page: Page) => page.locator('[data-slot="headline"]');
const status = (page: Page) => page.getByRole('status');

async function opened(page: Page) {
  await page.goto(PAGE);
  await expect(headline(page)).toHaveText(/About|Not enough/);
}

async function expectSeededFigures(page: Page) {
  const in15 = ofObjective(15).length;
  await expect(cell(page, 15)).toContainText(`4/${in15} seen`);
  await expect(cell(page, 15).locator('.pv-cell-acc')).toHaveText(/^75\s%$/);
  await expect(cell(page, 15).locator('.pv-cell-level')).toHaveText('Improving');
  await expect(cell(page, 15)).toHaveAccessibleName(new RegExp(`^15 4/${in15} seen 75\\s% Improving — Objective 15: Utilize nested runs.*You have answered 4 of its ${in15} questions; 3 of your latest answers are correct\\.$`));
  await expect(cell(page, 1)).toContainText(`0/${ofObjective(1).length} seen`);
  await expect(cell(page, 1)).toContainText('Not started');
  await expect(headline(page)).toHaveText(/^About \d+\s% correct$/);
  await expect(page.locator('[data-slot="band"]')).toHaveText(/^Likely \d+–\d+\s%, from \d+ answers\.$/);
  // 4 of objective 15 (3 right) and 10 more (7 right).
  await expect(page.locator('[data-domain-row="model-development"] [data-cell="correct"]')).toHaveText(/^10 of 14 \(71\s%\)$/);
  await expect(page.locator('[data-domain-row="model-deployment"] [data-cell="correct"]')).toHaveText(/^2 of 4 \(50\s%\)$/);
  await expect(page.locator('[data-domain-row="model-deployment"] [data-cell="range"]')).toHaveText(/^\d+–\d+\s%$/);
  const chart = page.getByRole('img', { name: /^Mock exam scores, oldest to newest: 60\s% on .+, 80\s% on .+\.$/ });
  await expect(chart).toBeVisible();
  await page.getByText('The scores as a table').click();
  await expect(page.locator('.pv-exams table tbody tr')).toHaveText([/^#1.+60\s% \(6 of 10\)$/, /^#2.+80\s% \(8 of 10\)$/]);
}

test('@smoke the page shows coverage, mastery, readiness and the mock exam trend from saved progress, without moving', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        // Only shifts of this page's own content: Starlight's header and table of contents are not this test's subject.
        const sources = (entry as unknown as { sources: Array<{ node: Node | null }> }).sources;
        const own = sources.some((source) => source.node && document.querySelector('progress-view')?.contains(source.node));
        if (!entry.hadRecentInput && own) (window as unknown as { shifts: number }).shifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await seed(page);
  await opened(page);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
  await expect(page.locator('[data-slot="summary"]')).toHaveText(/^Saved in this browser: \d+ answers, 1 checklist item, 2 mock exams\. Last activity: .+\.$/);
  await expectSeededFigures(page);
  await expect(page.getByText('Databricks does not publish a passing score')).toBeVisible();
});

test('export, clear storage, import the file: everything comes back, and importing it twice adds nothing', async ({ page }) => {
  await seed(page);
  await opened(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ml-pro-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = (await download.path())!;
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toMatchObject({ format: 'ml-pro-study-guide/progress', version: 4, progress: seeded });
  await expect(status(page)).toHaveText(/^Exported \d+ answers, 1 checklist item, 2 mock exams to ml-pro-progress-/);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(headline(page)).toHaveText('Not enough data yet');
  await expect(page.locator('[data-slot="summary"]')).toHaveText(/^Nothing is saved in this browser yet/);
  await expect(page.locator('[data-slot="exams"]')).toHaveText(/No finished mock exams yet\. Take a mock exam/);
  await expect(cell(page, 15)).toContainText('0/');

  await page.getByLabel('Import a progress file').setInputFiles(file);
  await expect(status(page)).toHaveText(`Imported: added ${Object.keys(seeded.answers).length} answers, 1 checklist item, 2 mock exams.`);
  await expectSeededFigures(page);
  expect(JSON.parse((await stored(page))!)).toEqual(seeded);

  await page.getByLabel('Import a progress file').setInputFiles(file);
  await expect(status(page)).toHaveText(/^Nothing new to import: everything in the file is already here/);
  await page.reload();
  await expectSeededFigures(page);
});

test('a file that cannot be imported changes nothing and the page says why', async ({ page }) => {
  await seed(page);
  await opened(page);
  const before = await stored(page);
  const input = page.getByLabel('Import a progress file');
  const files: Array<[string, string, RegExp]> = [
    ['package.json', JSON.stringify({ name: 'something-else', version: '1.0.0' }), /not a progress export from this guide/],
    ['broken.json', '{"format": "ml-pro-study-guide/progress", "vers', /not valid JSON/],
    ['future.json', JSON.stringify({ format: 'ml-pro-study-guide/progress', version: 99, exportedAt: at(1), progress: { version: 99 } }), /newer version of this guide/],
  ];
  for (const [name, text, reason] of files) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(status(page)).toHaveText(reason);
    await expect(status(page)).toHaveText(/Nothing was changed\.$/);
    expect(await stored(page)).toBe(before);
  }
  await expectSeededFigures(page);
});

test('reset asks first; keeping changes nothing, confirming empties progress and says so', async ({ page }) => {
  await seed(page);
  await opened(page);
  const before = await stored(page);
  const reset = page.getByRole('button', { name: 'Reset progress…' });
  const dialog = page.getByRole('dialog', { name: 'Delete all saved progress?' });

  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep my progress' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(status(page)).toHaveText('Reset cancelled: nothing was deleted.');
  expect(await stored(page)).toBe(before);

  await reset.click();
  await dialog.getByRole('button', { name: 'Delete my progress' }).click();
  await expect(status(page)).toHaveText('All progress saved in this browser was deleted. You are starting afresh.');
  expect(JSON.parse((await stored(page))!)).toEqual({ version: 4, answers: {}, checklist: {}, marks: {}, reviews: {}, exams: {}, lessons: {} });
  await expect(cell(page, 15)).toContainText('0/');
  await expect(headline(page)).toHaveText('Not enough data yet');
  await expect(page.locator('[data-slot="summary"]')).toHaveText(/^Nothing is saved in this browser yet/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no violations with progress, with the reset dialog open, and when empty (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await seed(page);
    await opened(page);
    await page.getByText('The scores as a table').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Delete my progress' }).click();
    await expect(page.locator('[data-slot="summary"]')).toHaveText(/^Nothing is saved/);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page explains that progress lives in this browser and still maps every objective', async ({ page }) => {
    const response = await page.goto(PAGE);
    // Playwright turns scripts off without setting the parser's scripting flag, so <noscript> is not rendered here;
    // a browser with JavaScript switched off renders it.
    expect(await response!.text()).toMatch(/<noscript><p class="pv-callout">JavaScript is off, so this page cannot read your saved progress\./);
    await expect(page.getByText('Your progress lives only in this browser')).toBeVisible();
    await expect(page.locator('.pv-heatmap .pv-cell:not(.pv-heatmap-wide *)')).toHaveCount(47);
    await expect(cell(page, 15)).toContainText(`${ofObjective(15).length} in bank`);
    await expect(page.getByRole('button', { name: 'Export progress' })).toBeDisabled();
  });
});
