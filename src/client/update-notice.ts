/**
 * "A new version is ready — reload": shown in the footer's notice (src/components/overrides/Footer.astro) when a
 * new build's service worker has installed (bundled with src/client/sw-register.ts: it is a few lines). The page keeps
 * working on the old version until the learner chooses to reload.
 */
export function showUpdateNotice(reload: () => void) {
  const notice = document.querySelector<HTMLElement>('.sw-update');
  if (!notice || notice.dataset.shown) return;
  notice.dataset.shown = 'true';
  const button = notice.querySelector('button')!;
  button.hidden = false;
  // Shown first, then filled: a screen reader announces a status region's change only once the region is rendered.
  if (typeof notice.showPopover === 'function') notice.showPopover();
  window.setTimeout(() => {
    notice.querySelector('.sw-update-text')!.textContent = 'A new version of the guide is ready.';
  }, 100);
  button.addEventListener('click', () => {
    button.disabled = true;
    reload();
  });
}
