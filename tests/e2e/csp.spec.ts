import { expect, test, type Page } from '@playwright/test';
import { MLFLOW_LESSON } from './helpers.ts';
import { serveDist, type StaticServer } from './static-server.ts';

/**
 * The Content-Security-Policy in dist/_headers, applied by a static server the way Netlify and Cloudflare Pages
 * apply it, must not block anything a learner does: reading, answering a self-check, searching (Pagefind's
 * WebAssembly and worker), starting a mock exam, opening the offline page (service worker). Any
 * `securitypolicyviolation` event or console CSP error fails the test.
 */
let server: StaticServer;
test.beforeAll(async () => {
  server = await serveDist();
});
test.afterAll(async () => {
  await server?.close();
});

/** Collects policy violations from the page (events) and from the console (the page's and its workers'). */
async function watchPolicy(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    window.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy|Refused to (?:execute|load|apply|compile|connect|create)|web worker encountered an error/i.test(text)) {
      violations.push(`console ${message.type()}: ${text}`);
    }
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  return async () => [...violations, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? []))];
}

test('the site runs under its Content-Security-Policy: home, a self-check, search, the mock exam and the offline page', async ({ page }) => {
  const violations = await watchPolicy(page);

  const home = await page.goto(server.url);
  const policy = home!.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ML Professional Study Guide');
  expect(await violations()).toEqual([]);

  // A lesson: answer its first self-check.
  await page.goto(server.url + MLFLOW_LESSON);
  const question = page.locator('self-check-question').first();
  await question.locator('input').first().check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(/^(✓ Correct|✗ Incorrect)\./);
  expect(await violations()).toEqual([]);

  // Search: Pagefind loads its WebAssembly and starts a worker.
  const worker = page.waitForEvent('worker');
  await page.getByRole('button', { name: 'Search' }).click();
  const input = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
  await input.fill('nested runs');
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
  expect((await worker).url()).toContain('pagefind/pagefind-worker.js');
  await page.keyboard.press('Escape');
  expect(await violations()).toEqual([]);

  // The mock exam: start it and answer the first question.
  await page.goto(server.url + 'practice/exam/');
  const start = page.getByRole('button', { name: 'Start the mock exam' });
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page.getByRole('group', { name: /Question 1 of 59/ })).toBeVisible();
  await page.locator('.mx-session input').first().check();
  expect(await violations()).toEqual([]);

  // The offline page: the service worker registers and the control reads the manifest.
  await page.goto(server.url + 'offline/');
  await expect(page.locator('.oc-size')).toHaveText(/MB on this device/);
  await expect(page.getByRole('button', { name: 'Make the whole guide available offline' })).toBeEnabled();
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.scriptURL))).toBe(`${server.url}sw.js`);
  expect(await violations()).toEqual([]);
});

test('every response carries the security headers, and bundled assets are cached for a year', async ({ request }) => {
  const page = await request.get(server.url);
  expect(page.headers()).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cache-control': 'public, max-age=0, must-revalidate',
  });
  const html = await page.text();
  const asset = /(?:src|href)="[^"]*?(_astro\/[^"]+\.(?:js|css))"/.exec(html)![1]!;
  const assetResponse = await request.get(server.url + asset);
  expect(assetResponse.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(assetResponse.headers()['content-security-policy']).toBeTruthy();
  const sw = await request.get(server.url + 'sw.js');
  expect(sw.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  expect(await sw.text()).toMatch(/^const VERSION = '[0-9a-f]{12}';$/m);
});
