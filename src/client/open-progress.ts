/**
 * Opens the learner's progress store for a page and, when storage cannot be used (disabled, full, corrupt, newer),
 * says so quietly in the page's notice slot. Saving then continues in memory for the visit.
 */
import { openProgressStore, type ProgressStore } from '../lib/progress-store.ts';

export function openProgress(notice: HTMLElement | null): ProgressStore {
  const store = openProgressStore(() => window.localStorage);
  if (store.notice && notice) {
    notice.textContent = store.notice;
    notice.hidden = false;
  }
  return store;
}
