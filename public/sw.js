/*
 * The study guide's service worker: it keeps what a learner reads so the guide works offline, search included.
 * Hand-written and dependency-free; registered by src/client/sw-register.ts with the folder it is served from as
 * its scope, so the same file works at a domain root and under a sub-path.
 *
 * - Every page and file fetched through the worker is kept in a cache as it passes. A first visit (before the
 *   worker existed) is handed over by the page once the worker is ready ("cache-urls").
 * - Content-hashed files (_astro/ bundles, Pagefind's index, fragment and filter chunks, and its .pf_meta file)
 *   never change under the same name: cache first. Everything else (pages, the practice bank's JSON, Pagefind's
 *   fixed-name files): network first, the cached copy when the network fails.
 * - "Make the whole guide available offline" (src/client/offline.ts) asks the worker to download every file listed
 *   in offline-manifest.json ("save-all"), reporting progress through a MessagePort.
 * - Versions: scripts/write-offline-manifest.ts stamps VERSION (a hash of the build) into the copy in dist/. A new
 *   build is a new worker with a new cache. It fills that cache while installing (the pages the old cache held, or
 *   everything if the whole guide had been saved) and then waits until the learner chooses to reload, so a page is
 *   never served from two builds' caches. On activation the old caches are deleted.
 * - Saved progress lives in localStorage, which a service worker cannot reach and this one never touches.
 */
const VERSION = 'dev';
const PREFIX = 'mlpro-offline-';
const CACHE = PREFIX + VERSION;
/** The folder this worker serves, with a trailing slash; every path below is relative to it. */
const SCOPE = new URL('./', self.location.href).href;
const MANIFEST = 'offline-manifest.json';
/** A cache entry that records that the whole guide was saved (an update then saves the whole new build). */
const COMPLETE = SCOPE + '__offline-complete__';
/** How many downloads run at once when saving. */
const PARALLEL = 6;

/** A URL's path relative to the scope, without query or hash; null when outside the scope. */
function pathOf(url) {
  return url.startsWith(SCOPE) ? url.slice(SCOPE.length).split(/[?#]/)[0] : null;
}

function isHashed(path) {
  return /^(?:_astro\/|pagefind\/(?:index|fragment|filter)\/|pagefind\/pagefind\.[^/]+\.pf_meta$)/.test(path);
}

/** Only complete, same-origin, final responses are kept (no errors, no partial content, no redirects). */
function isKeepable(response) {
  return response.status === 200 && response.type === 'basic' && !response.redirected;
}

async function fetchManifest() {
  const response = await fetch(SCOPE + MANIFEST, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${MANIFEST}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Downloads paths into this version's cache, PARALLEL at a time. A hashed file already held by an older cache is
 * copied instead of downloaded. Calls onEach(path) after each success; returns the paths that failed.
 */
async function download(paths, onEach = () => {}) {
  const cache = await caches.open(CACHE);
  const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  const queue = [...paths];
  const failed = [];
  async function next() {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const url = SCOPE + path;
      try {
        let response;
        if (isHashed(path)) {
          for (const name of older) response ??= await (await caches.open(name)).match(url);
        }
        response ??= await fetch(url, { cache: isHashed(path) ? 'default' : 'no-cache' });
        if (!isKeepable(response)) throw new Error(`HTTP ${response.status}`);
        await cache.put(url, response);
        onEach(path);
      } catch {
        failed.push(path);
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, next));
  return failed;
}

// Install: if an older version is cached, bring this version's copy of the same pages (or of everything, if the
// whole guide was saved) into the new cache before taking over, so nothing that worked offline stops working.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      if (!older.length) return;
      const manifest = await fetchManifest();
      if (manifest.version !== VERSION) throw new Error('the site changed again while this version was installing');
      const listed = new Set(manifest.files.map((file) => file.path));
      const wanted = new Set();
      let complete = false;
      for (const name of older) {
        const cache = await caches.open(name);
        if (await cache.match(COMPLETE)) complete = true;
        for (const request of await cache.keys()) {
          const path = pathOf(request.url);
          if (path !== null && listed.has(path)) wanted.add(path);
          // A page kept offline needs its search index and the new build's bundles, whose names changed.
          if (path !== null && path.startsWith('pagefind/')) listed.forEach((p) => p.startsWith('pagefind/') && wanted.add(p));
        }
      }
      listed.forEach((path) => (complete || path.startsWith('_astro/')) && wanted.add(path));
      const failed = await download([...wanted]);
      // A failed install leaves the old version in charge; the browser tries again later.
      if (complete && failed.length) throw new Error(`${failed.length} files could not be downloaded`);
      if (complete) await (await caches.open(CACHE)).put(COMPLETE, new Response(VERSION));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // Start page requests while the worker wakes up (network-first pages would otherwise wait for it).
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const path = pathOf(request.url);
  // Outside the scope, or the two files that must always come fresh from the network: let the browser handle it.
  if (path === null || path === 'sw.js' || path === MANIFEST) return;
  event.respondWith(isHashed(path) ? cacheFirst(event, path) : networkFirst(event, path));
});

async function cacheFirst(event, path) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(SCOPE + path);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (isKeepable(response)) event.waitUntil(cache.put(SCOPE + path, response.clone()));
  return response;
}

async function networkFirst(event, path) {
  const cache = await caches.open(CACHE);
  try {
    const response = (await event.preloadResponse) || (await fetch(event.request));
    // Kept under the path without its query string (Pagefind asks for pagefind-entry.json?ts=<time>).
    if (isKeepable(response)) event.waitUntil(cache.put(SCOPE + path, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match(SCOPE + path);
    if (cached) return cached;
    if (event.request.mode === 'navigate') return notSavedYet();
    throw error;
  }
}

/** The answer to a page that was never saved, while offline. */
function notSavedYet() {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline | ML Professional Study Guide</title><main><h1>You are offline</h1>
<p>This page has not been saved on this device yet. Pages you have opened before, and the whole guide if you saved it
from the <a href="${SCOPE}offline/">offline page</a>, still work.</p><p><a href="${SCOPE}">Go to the home page</a></p></main></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'" },
  });
}

self.addEventListener('message', (event) => {
  const { type, urls } = event.data || {};
  const port = event.ports[0];
  if (type === 'skip-waiting') self.skipWaiting();
  else if (type === 'cache-urls' && Array.isArray(urls)) event.waitUntil(keepUrls(urls));
  else if (type === 'status' && port) event.waitUntil(reportStatus(port));
  else if (type === 'save-all' && port) event.waitUntil(saveAll(port));
});

/** The files a page loaded before this worker controlled it. */
async function keepUrls(urls) {
  const cache = await caches.open(CACHE);
  const paths = [];
  for (const url of urls) {
    const path = typeof url === 'string' ? pathOf(url) : null;
    if (path !== null && path !== 'sw.js' && path !== MANIFEST && !(await cache.match(SCOPE + path))) paths.push(path);
  }
  await download(paths);
}

async function reportStatus(port) {
  const cache = await caches.open(CACHE);
  port.postMessage({ type: 'status', version: VERSION, complete: Boolean(await cache.match(COMPLETE)) });
}

/** Downloads every file of the manifest that is not cached yet, telling the page how far it has got. */
async function saveAll(port) {
  try {
    const manifest = await fetchManifest();
    if (manifest.version !== VERSION) {
      // A newer build is online: install it first rather than mix its files into this version's cache.
      port.postMessage({ type: 'outdated' });
      await self.registration.update();
      return;
    }
    const cache = await caches.open(CACHE);
    const todo = [];
    let done = 0;
    for (const file of manifest.files) {
      if (await cache.match(SCOPE + file.path)) done += file.bytes;
      else todo.push(file.path);
    }
    const sizes = new Map(manifest.files.map((file) => [file.path, file.bytes]));
    port.postMessage({ type: 'progress', done, total: manifest.bytes });
    const failed = await download(todo, (path) => {
      done += sizes.get(path);
      port.postMessage({ type: 'progress', done, total: manifest.bytes });
    });
    if (failed.length) {
      port.postMessage({ type: 'error', failed: failed.length });
      return;
    }
    await cache.put(COMPLETE, new Response(VERSION));
    port.postMessage({ type: 'done', total: manifest.bytes, files: manifest.files.length });
  } catch (error) {
    port.postMessage({ type: 'error', message: String(error && error.message) });
  }
}
