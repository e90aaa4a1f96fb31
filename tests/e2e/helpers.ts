import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AXE_DISABLED_RULES } from './axe-exclusions.ts';

/** The lesson the foundation tests use: the first complete slice. */
export const MLFLOW_LESSON = 'model-development/advanced-mlflow/nested-runs/';

/** WCAG 2.2 AA, as in QUALITY.md. Rules switched off site-wide are listed in tests/e2e/axe-exclusions.ts. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Starlight reads the theme from localStorage before first paint; set it before any page script runs. */
export async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((value) => window.localStorage.setItem('starlight-theme', value), theme);
}

export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .disableRules(AXE_DISABLED_RULES.map((r) => r.rule))
    .analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab until `isTarget` holds for the focused element; fails after `limit` presses. */
export async function tabUntil(page: Page, isTarget: string, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget)) return;
  }
  throw new Error(`focus never reached: ${isTarget}`);
}

/** Every page path in the built sitemap (relative to the base), plus the 404 page, which sitemaps leave out. */
export function sitemapPaths(): string[] {
  const dist = process.env.OUT_DIR || 'dist';
  const xml = readFileSync(`${dist}/sitemap-0.xml`, 'utf8');
  const base = process.env.BASE_PATH || '/';
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.slice(base.length));
  return [...paths, '404.html'];
}
