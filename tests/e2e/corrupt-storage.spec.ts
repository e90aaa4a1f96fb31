import { expect, test } from '@playwright/test';
import { MLFLOW_LESSON } from './helpers.ts';

/**
 * Every key the site reads from storage, the site's own and Starlight's, set to values that are broken in different
 * ways. No page may throw, and each page must still do its job.
 */
const CORRUPTIONS: Array<{ name: string; local: Record<string, string>; session: Record<string, string> }> = [
  {
    name: 'truncated JSON and an invalid CSS class name',
    local: { 'mlpro:progress': '{"version":4,"answers":', 'starlight-theme': '1 bad{theme' },
    session: { 'sl-sidebar-state': '{"hash":' },
  },
  {
    name: 'valid JSON of the wrong shape',
    local: {
      'mlpro:progress': '{"version":4,"answers":[1,2],"lessons":"x","exams":{"e":{"id":5}},"reviews":null}',
      'starlight-theme': '{"dark":true}',
    },
    session: { 'sl-sidebar-state': '{"hash":"x","open":"nope","scroll":"far"}' },
  },
  {
    name: 'a newer version and unexpected types',
    local: { 'mlpro:progress': '{"version":99,"answers":{}}', 'starlight-theme': '' },
    session: { 'sl-sidebar-state': '[]' },
  },
];

const PAGES = ['', MLFLOW_LESSON, 'practice/', 'practice/exam/', 'practice/review/', 'progress/', 'offline/', 'exam/terminology/'];

for (const corruption of CORRUPTIONS) {
  test(`with ${corruption.name} in storage, no page throws and each still works`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.addInitScript((c) => {
      if (sessionStorage.getItem('corrupted')) return;
      for (const [key, value] of Object.entries(c.local)) localStorage.setItem(key, value);
      for (const [key, value] of Object.entries(c.session)) sessionStorage.setItem(key, value);
      sessionStorage.setItem('corrupted', '1');
    }, corruption);
    for (const path of PAGES) {
      await page.goto(path);
      // Starlight's theme picker still works: its select shows a valid choice.
      await expect(page.locator('starlight-theme-select select').first()).toHaveValue(/^(auto|light|dark)$/);
      if (path === MLFLOW_LESSON) {
        const question = page.locator('self-check-question').first();
        await question.locator('input').first().check();
        await question.getByRole('button', { name: 'Check answer' }).click();
        await expect(question.getByRole('status')).toHaveText(/Correct|Incorrect/);
      }
      if (path === 'practice/') await expect(page.getByRole('button', { name: 'Start practising' })).toBeEnabled();
      if (path === 'progress/') await expect(page.getByRole('button', { name: 'Export progress' })).toBeVisible();
    }
    expect(errors).toEqual([]);
  });
}
