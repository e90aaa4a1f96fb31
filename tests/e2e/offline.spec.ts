import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MLFLOW_LESSON, axeViolations } from './helpers.ts';
import { dist, serveDist, type StaticServer } from './static-server.ts';

/**
 * Offline use, as a learner meets it: the service worker keeps what they read, the offline page saves the whole
 * guide, and then — with the browser offline and the server stopped, so nothing can sneak through — lessons, search,
 * self-checks and the mock exam still work. A new build installs beside the old one and waits for the learner.
 * Each test has its own server (the site under its base path, with dist/_headers applied).
 */
const OTHER_LESSON = 'model-development/advanced-mlflow/custom-logging/';

let server: StaticServer;
test.beforeEach(async () => {
  server = await serveDist();
});
test.afterEach(async () => {
  await server.close();
});

/** The first page registers the worker, which then takes control of it (pages opened meanwhile are taken over on their next load). */
async function waitForWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Offline for real: the browser is told so and the server is gone. */
async function goOffline(page: Page) {
  await page.context().setOffline(true);
  await server.close();
}

async function answerFirstSelfCheck(page: Page) {
  const question = page.locator('self-check-question').first();
  await question.locator('input').first().check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(/^(✓ Correct|✗ Incorrect)\./);
}

test('@smoke after saving the whole guide, a lesson never opened, search, a self-check and the mock exam work offline', async ({ page }) => {
  await page.goto(server.url);
  await waitForWorker(page);
  await page.goto(server.url + MLFLOW_LESSON);

  await page.goto(server.url + 'offline/');
  await expect(page.locator('.oc-size')).toHaveText(/^The whole guide takes \d+\.\d MB on this device \(about \d+\.\d MB to download\): \d+ pages/);
  const save = page.getByRole('button', { name: 'Make the whole guide available offline' });
  await expect(save).toBeEnabled();
  await save.click();
  const status = page.locator('.oc-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveText(/^Done: the whole guide \(\d+ files, \d+\.\d MB\) is available offline/, { timeout: 60_000 });
  const bar = page.getByRole('progressbar', { name: 'Download progress' });
  expect(await bar.evaluate((p: HTMLProgressElement) => p.max > 1 && p.value === p.max)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  await goOffline(page);

  await page.goto(server.url + OTHER_LESSON);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('You are offline');
  await expect(page.locator('self-check-question').first()).toBeVisible();

  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' }).fill('nested runs');
  const result = page.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute('href', new RegExp(MLFLOW_LESSON));
  await page.keyboard.press('Escape');

  await answerFirstSelfCheck(page);
  const answers = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('mlpro:progress')!).answers));
  expect(answers).toHaveLength(1);

  await page.goto(server.url + 'practice/exam/');
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await expect(page.getByRole('group', { name: /Question 1 of 59/ })).toBeVisible();
});

test('pages visited once work offline without saving the guide; one never visited says it is not saved yet', async ({ page }) => {
  await page.goto(server.url);
  await waitForWorker(page);
  // The first visit was not served by the worker: the page hands its files over once the worker is ready.
  await expect
    .poll(() => page.evaluate(async (url) => Boolean(await caches.match(url)), server.url))
    .toBe(true);
  await page.goto(server.url + MLFLOW_LESSON);
  await expect(page.locator('self-check-question').first()).toBeVisible();

  await goOffline(page);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ML Professional Study Guide');
  await page.goto(server.url + MLFLOW_LESSON);
  await answerFirstSelfCheck(page);
  await page.goto(server.url + OTHER_LESSON);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
});

test('a new build installs into a new cache, waits for the learner to reload, and leaves saved progress alone', async ({ page }) => {
  await page.goto(server.url + MLFLOW_LESSON);
  await waitForWorker(page);
  await answerFirstSelfCheck(page);
  // Every visit to a lesson re-dates its record (lessons.*.at), so compare what the learner saved, not visit times.
  const saved = () =>
    page.evaluate(() => {
      const data = JSON.parse(localStorage.getItem('mlpro:progress') ?? '{}');
      for (const lesson of Object.values(data.lessons ?? {}) as Array<{ at?: string }>) delete lesson.at;
      return data;
    });
  const progress = await saved();
  expect(Object.keys(progress.answers)).toHaveLength(1);
  const [oldCache] = await page.evaluate(() => caches.keys());
  const manifest = JSON.parse(readFileSync(join(dist, 'offline-manifest.json'), 'utf8'));
  expect(oldCache).toBe(`mlpro-offline-${manifest.version}`);

  // Publish "a new build": the same files under a new version.
  const next = `${manifest.version}-next`;
  server.override('sw.js', readFileSync(join(dist, 'sw.js'), 'utf8').replace(/^const VERSION = '[^']*';$/m, `const VERSION = '${next}';`));
  server.override('offline-manifest.json', JSON.stringify({ ...manifest, version: next }));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));

  const notice = page.locator('.sw-update');
  await expect(notice.getByRole('status')).toHaveText('A new version of the guide is ready.');
  expect(await axeViolations(page)).toEqual([]);
  // Until the learner reloads, the old version serves the page and both caches exist.
  expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([oldCache, `mlpro-offline-${next}`]));
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);

  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`mlpro-offline-${next}`]);
  expect(await saved()).toEqual(progress);

  // The lesson was carried into the new cache: it still opens offline, with the saved answer restored.
  await goOffline(page);
  await page.reload();
  await expect(page.locator('self-check-question').first().getByRole('status')).toHaveText(/^Saved answer:/);
});
