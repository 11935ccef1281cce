// Between's service worker: the whole app from a versioned cache, offline.
//
// tools/precache.mjs fills in VERSION and PRECACHE at build time. Every file of a
// build is cached under one cache name, and pages are answered only from the cache
// of the worker that controls them, so the JS glue of one build is never paired with
// the .wasm of another. A new worker waits until the page asks it to take over.
'use strict';

const VERSION = 'dev';
const PRECACHE = [];
const CACHE = 'between-' + VERSION;
const PREFIX = 'between-';

const scoped = (url) => new URL(url, self.registration.scope).href;
const INDEX = () => scoped('index.html');

async function sha256(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Fetches one file and checks it is the very content this build listed: a CDN or
// HTTP cache could still hold an older file under the same name.
async function fetchChecked(url, rev) {
  for (const target of [url, url + (url.includes('?') ? '&' : '?') + 'rev=' + rev]) {
    const response = await fetch(new Request(target, { cache: 'reload' }));
    if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
    const body = await response.clone().arrayBuffer();
    if ((await sha256(body)).startsWith(rev)) return response;
  }
  throw new Error(`precache ${url}: content does not match this build`);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(PRECACHE.map(async ({ url, rev }) => {
      const full = scoped(url);
      const response = await fetchChecked(full, rev);
      await cache.put(full, response);
    }));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // Every route is the same page: answer any navigation with the cached index.html,
    // except help.html, the static page of crisis lines.
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const page = url.pathname === new URL(scoped('help.html')).pathname ? scoped('help.html') : INDEX();
      return (await cache.match(page)) || fetch(request);
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
  })());
});
