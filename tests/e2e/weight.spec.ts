/**
 * The weight budget of a lesson (issue: "a lesson's first visit costs at most 1.1× a bare Starlight lesson of the
 * same version"): the same lesson is built into a bare Starlight site with the guide's pages and sidebar but none of
 * its components, styles or scripts (scripts/bare-starlight.ts), and both first visits are counted in Chromium, file
 * by file at gzip size, idle-loaded search UI included. Bytes, not timings, so it cannot flake.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { WEIGHT_RATIO_BUDGET, YARDSTICK_LESSON, compareWithBareStarlight } from '../../scripts/bare-starlight.ts';

const root = new URL('../..', import.meta.url).pathname;

test('a lesson first visit costs at most 1.1× the same lesson in bare Starlight', async ({ browser }) => {
  test.skip((process.env.BASE_PATH || '/') !== '/', 'the yardstick is built for the domain root');
  test.setTimeout(180_000);
  const { ours, bare, ratio } = await compareWithBareStarlight(browser, root, join(root, process.env.OUT_DIR || 'dist'));
  // Both visits fetched the lesson itself and Starlight's search UI: the comparison is of like with like.
  for (const visit of [ours, bare]) {
    expect(visit.files.map((f) => f.path)).toContain(`/${YARDSTICK_LESSON.path}`);
    expect(visit.files.some((f) => /ui-core/.test(f.path))).toBe(true);
  }
  const listing = ours.files.map((f) => `${f.gzipBytes} ${f.path}`).join('\n');
  expect(ratio, `ours ${ours.gzipBytes} B vs bare ${bare.gzipBytes} B; ours fetched:\n${listing}`).toBeLessThanOrEqual(WEIGHT_RATIO_BUDGET);
});
