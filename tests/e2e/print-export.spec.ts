import { expect, test, type APIRequestContext } from '@playwright/test';
import { MLFLOW_LESSON, axeViolations, useTheme } from './helpers.ts';

const SECTION = 'advanced-mlflow';
const SECTION_OVERVIEW = `model-development/${SECTION}/`;
const PRINT_SET = `print/${SECTION}/`;

async function bankIndex(request: APIRequestContext) {
  const response = await request.get('practice/bank.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as { questions: Array<{ id: string; section: string }> };
}

test('a printed lesson has no site chrome and shows self-check questions without their answers', async ({ page }) => {
  await useTheme(page, 'dark');
  await page.goto(MLFLOW_LESSON);
  const question = page.locator('self-check-question').first();
  // Reveal an answer on screen first: printing must still leave it out.
  await question.locator('input').first().check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.locator('.sc-answer')).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.page > .header')).toBeHidden();
  await expect(page.locator('nav.sidebar')).toBeHidden();
  await expect(page.locator('site-search')).toBeHidden();
  await expect(page.locator('starlight-theme-select').first()).toBeHidden();
  await expect(page.locator('.pagination-links')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await expect(question.locator('.sc-stem')).toBeVisible();
  await expect(question.locator('.sc-option').first()).toBeVisible();
  await expect(question.locator('.sc-answer')).toBeHidden();
  await expect(question.locator('.sc-status')).toBeHidden();
  await expect(question.getByRole('button', { name: 'Check answer' })).toBeHidden();

  // Ink on white: no dark page or code-block background, even in the dark theme.
  const backgrounds = await page.evaluate(() =>
    [document.documentElement, document.body, document.querySelector('.expressive-code pre'), document.querySelector('.sc-option input')].map(
      (el) => (el ? `${getComputedStyle(el).backgroundColor} ${getComputedStyle(el).colorScheme}` : 'none'),
    ),
  );
  for (const colour of backgrounds) expect(colour).toMatch(/^(none|(rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\)) light)$/);
});

test('a section overview links to its printable set: every question, then an answer key of the same length', async ({ page, request }) => {
  const expected = (await bankIndex(request)).questions.filter((q) => q.section === SECTION).length;
  expect(expected).toBeGreaterThan(0);

  await page.goto(SECTION_OVERVIEW);
  await page.getByRole('main').getByRole('link', { name: 'Printable question set with answer key' }).click();
  await expect(page).toHaveURL(new RegExp(`${PRINT_SET}$`));
  await expect(page.locator('.pq-question')).toHaveCount(expected);
  await expect(page.getByRole('heading', { name: 'Answer key' })).toBeVisible();
  await expect(page.locator('.pq-key-item')).toHaveCount(expected);
  // Lettered options (A, B, C… as list markers), and a key that names letters.
  const options = page.locator('.pq-question').first().locator('.pq-options');
  await expect(options).toHaveAttribute('type', 'A');
  expect(await options.evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('upper-alpha');
  await expect(page.locator('.pq-key-answer').first()).toHaveText(/^Question 1: [A-E](, [A-E])*$/);
  // Never indexed by search, so search results cannot spoil answers.
  await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.pq-question').first()).toBeVisible();
  await expect(page.locator('.pq-key-item').first()).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`a printable set has no axe violations in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto(PRINT_SET);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('bank-full.json is the versioned bank with as many questions as bank.json', async ({ request }) => {
  const index = await bankIndex(request);
  const response = await request.get('practice/bank-full.json');
  expect(response.ok()).toBe(true);
  const bank = (await response.json()) as {
    format: string;
    version: number;
    builtAt: string;
    license: string;
    questions: Array<{ id: string; options: Array<{ text: string; correct: boolean; why: string }> }>;
  };
  expect(bank.format).toBe('ml-pro-study-guide/bank');
  expect(bank.version).toBe(1);
  expect(Number.isNaN(Date.parse(bank.builtAt))).toBe(false);
  expect(typeof bank.license).toBe('string');
  expect(bank.questions).toHaveLength(index.questions.length);
  expect(bank.questions.map((q) => q.id).sort()).toEqual(index.questions.map((q) => q.id).sort());
  expect(bank.questions[0]!.options[0]).toEqual({ text: expect.any(String), correct: expect.any(Boolean), why: expect.any(String) });
});

test('anki.tsv has Anki header lines, then one line of four tab-separated fields per question', async ({ request }) => {
  const index = await bankIndex(request);
  const response = await request.get('practice/anki.tsv');
  expect(response.ok()).toBe(true);
  const lines = (await response.text()).split('\n').filter((line) => line !== '');
  const header = lines.filter((line) => line.startsWith('#'));
  const notes = lines.filter((line) => !line.startsWith('#'));
  expect(header).toEqual(expect.arrayContaining(['#separator:tab', '#html:true', '#tags column:3']));
  expect(lines.slice(0, header.length)).toEqual(header);
  expect(notes).toHaveLength(index.questions.length);
  for (const note of notes) expect(note.split('\t')).toHaveLength(4);
  expect(notes.map((note) => note.split('\t')[3]!.replace('ml-pro-study-guide:', '')).sort()).toEqual(index.questions.map((q) => q.id).sort());
});

test('the practice page links to every export and printable set, and each one is served', async ({ page, request }) => {
  await page.goto('practice/');
  const main = page.getByRole('main');
  for (const name of ['bank-full.json', 'anki.tsv', /^Advanced MLflow Usage \(\d+\)$/]) {
    const href = await main.getByRole('link', { name, exact: true }).getAttribute('href');
    expect((await request.get(new URL(href!, page.url()).href)).ok()).toBe(true);
  }
});

test('every question offers a "Report a problem" link prefilled with its id, in lessons and in practice review', async ({ page }) => {
  await page.goto(MLFLOW_LESSON);
  const question = page.locator('self-check-question').first();
  const id = (await question.getAttribute('data-question-id'))!;
  // Inside the closed <details>: not in the accessibility tree until opened, so find it by its text.
  const report = question.locator('.sc-answer a', { hasText: 'Report a problem' });
  const href = (await report.getAttribute('href'))!;
  expect(href).toMatch(/\/issues\/new\?/);
  expect(new URL(href).searchParams.get('title')).toContain(id);
  expect(new URL(href).searchParams.get('body')).toContain(id);

  await page.goto('practice/');
  const main = page.getByRole('main');
  await main.getByText('Model Development (44%)').click();
  await main.getByText('Advanced MLflow Usage', { exact: true }).click();
  await main.getByRole('checkbox', { name: /^15\. Utilize nested runs/ }).check();
  await page.getByLabel('Number of questions').fill('1');
  await page.getByRole('button', { name: 'Start practising' }).click();
  const shown = page.locator('.pb-session .sc-question').first();
  const shownId = (await shown.getAttribute('data-question-id'))!;
  await shown.locator('.sc-option input').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  const practiceReport = page.locator('.pb-session').getByRole('link', { name: 'Report a problem' });
  await expect(practiceReport).toHaveAttribute('href', new RegExp(`title=Question\\+${shownId}`));
});
