// The service worker: every file of one build, cached under that build's name, served
// with no network at all. A new build installs beside the old one and waits; the page
// tells the traveller an update is ready, and only when they accept does it take over and
// drop the old cache, so old and new files are never mixed. (The build, xtask, fills in
// the version and the file list.)
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `kzvisa-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kzvisa-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The app has two pages, the traveller's and the group check (`group/`), each an
      // index.html: the answers live in the fragment, never in the path or the query.
      const page = () => (new URL(request.url).pathname.includes('/group/') ? 'group/index.html' : 'index.html');
      const cached = request.mode === 'navigate'
        ? await cache.match(page())
        : await cache.match(request, { ignoreSearch: true });
      return cached ?? fetch(request);
    }),
  );
});
