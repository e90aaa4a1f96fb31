import { expect, test } from '@playwright/test';

test('readiness checklist items tick with the keyboard, are counted, and stay ticked after a reload', async ({ page }) => {
  await page.goto('preparation/readiness-checklist/');
  const checklist = page.locator('readiness-checklist');
  const boxes = checklist.getByRole('checkbox');
  const total = await boxes.count();
  expect(total).toBeGreaterThanOrEqual(12);
  await expect(checklist.getByRole('status')).toHaveText(`0 of ${total} done.`);
  await boxes.nth(0).focus();
  await page.keyboard.press('Space');
  await boxes.nth(2).check();
  await expect(checklist.getByRole('status')).toHaveText(`2 of ${total} done.`);
  await page.reload();
  await expect(page.locator('readiness-checklist').getByRole('checkbox').nth(0)).toBeChecked();
  await expect(page.locator('readiness-checklist').getByRole('checkbox').nth(2)).toBeChecked();
  await expect(page.locator('readiness-checklist').getByRole('status')).toHaveText(`2 of ${total} done.`);
  // Unticking is saved too.
  await page.locator('readiness-checklist').getByRole('checkbox').nth(2).uncheck();
  await page.reload();
  await expect(page.locator('readiness-checklist').getByRole('checkbox').nth(2)).not.toBeChecked();
});
