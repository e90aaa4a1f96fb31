/**
 * The end-to-end tests drive Debian's Chromium (Playwright cannot download browsers here).
 * Fail loudly, with the fix, when it is missing: the e2e step must never be skipped silently.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  console.error(`✖ Chromium was not found at ${CHROMIUM}; the end-to-end tests need it.
  Install it with:   sudo apt-get update && sudo apt-get install -y chromium
  or point CHROMIUM_PATH at another Chromium or Chrome binary.`);
  process.exit(1);
}
