/**
 * The service worker: once the app has loaded, it works without a network (workshop Wi-Fi fails).
 *
 * Built by vite-plugin.ts, which prepends the build's file list (`PRECACHE`) and a version made
 * from the files' contents (`VERSION`), and writes it as `sw.js` next to index.html.
 *
 * - install: every file of the build (JS chunks, the checker and Monaco workers, the parser's
 *   .wasm, CSS, fonts) goes into a cache named after the version; the new worker takes over at once;
 * - activate: caches of other versions are deleted;
 * - fetch: the page (a navigation) from the network first, so that a new build shows on the next
 *   reload, and from the cache when the network fails or is slow; everything else from the cache
 *   first (the build's files are named by their hash, so a cached one is never stale).
 */
declare const self: ServiceWorkerGlobalScope;
declare const PRECACHE: string[];
declare const VERSION: string;

const CACHE_PREFIX = 'specstage-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;
/** How long a navigation waits for the network before the cached page is used. */
const NAVIGATION_TIMEOUT_MS = 3000;

const scoped = (path: string) => new URL(path, self.registration.scope).href;
const INDEX = scoped('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Hashed files may come from the HTTP cache (the page has just loaded many of them); the
      // others (index.html, the icon) must be this build's.
      const requests = PRECACHE.map(
        (path) =>
          new Request(scoped(path), { cache: path.startsWith('assets/') ? 'default' : 'reload' }),
      );
      await cache.addAll(requests);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

async function fromCache(request: Request | string): Promise<Response | undefined> {
  const cache = await caches.open(CACHE);
  // The server may answer with `Vary: Origin` (vite preview does): a module script's request has
  // an Origin, the precache's had none. The build's files do not vary, so Vary is ignored.
  return cache.match(request, { ignoreVary: true });
}

async function navigation(request: Request): Promise<Response> {
  const network = fetch(request);
  const timeout = new Promise<undefined>((resolve) =>
    setTimeout(resolve, NAVIGATION_TIMEOUT_MS, undefined),
  );
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.ok) return response;
  } catch {
    // Offline: the cached page below.
  }
  const cached = await fromCache(INDEX);
  if (cached) return cached;
  return network;
}

async function asset(request: Request): Promise<Response> {
  const cached = await fromCache(request);
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else {
    event.respondWith(asset(request));
  }
});

self.addEventListener('message', (event) => {
  // The page asks which build the worker serves (shown in tests and for bug reports).
  if (event.data === 'version')
    event.ports[0]?.postMessage({ version: VERSION, files: PRECACHE.length });
});

// A module for the type checker (its names stay its own); the build strips this line.
export {};
