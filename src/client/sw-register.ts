/**
 * Runs on every page (from the footer, src/components/overrides/Footer.astro): registers the service worker
 * (public/sw.js) for the site's base path, hands it what a first visit loaded, and tells the learner when a new
 * version of the guide is ready. Nothing here reads or writes saved progress.
 *
 * Only in a build: in `astro dev` a worker would keep serving stale development files.
 */
import { showUpdateNotice } from './update-notice.ts';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const workers = navigator.serviceWorker;
  // Whether this page came through the worker; if not (a first visit), the worker has not seen its files.
  const servedByWorker = Boolean(workers.controller);
  let reloadRequested = false;

  // The notice is a few lines, so it is bundled here: a dynamic import would cost every page Vite's preload helper.
  const announce = (waiting?: ServiceWorker) =>
    showUpdateNotice(() => {
      reloadRequested = true;
      // The new worker takes over; 'controllerchange' below then reloads. Without one waiting, just reload.
      if (waiting) waiting.postMessage({ type: 'skip-waiting' });
      else location.reload();
    });

  workers.register(`${base}sw.js`, { scope: base }).then(
    (registration) => {
      if (registration.waiting && workers.controller) void announce(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const next = registration.installing;
        next?.addEventListener('statechange', () => {
          if (next.state === 'installed' && workers.controller) void announce(next);
        });
      });
    },
    () => {
      // No worker (private mode in some browsers, storage off): the site works online exactly as before.
    },
  );

  if (!servedByWorker) {
    void workers.ready.then((registration) => {
      const inScope = location.origin + base;
      const urls = [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)].filter((url) => url.startsWith(inScope));
      registration.active?.postMessage({ type: 'cache-urls', urls });
    });
  }

  workers.addEventListener('controllerchange', () => {
    if (reloadRequested) location.reload();
    // Another tab switched to the new version: this page still shows the old one.
    else if (servedByWorker) void announce();
  });
}
