// Between's service worker: the whole app from a versioned cache, offline.
//
// tools/precache.mjs fills in VERSION and PRECACHE at build time. Every file of a
// build is cached under one cache name, and pages are answered only from the cache
// of the worker that controls them, so the JS glue of one build is never paired with
// the .wasm of another. A new worker waits until the page asks it to take over.
'use strict';

const VERSION = 'dev';
const PRECACHE = [];

// Two copies of Between may share an origin (/between/ and /between-test/): each
// copy's caches carry its scope's path, and a worker only ever deletes older caches
// of its own scope. A scope always ends in '/', so '/between/' is never a prefix of
// '/between-test/' nor of '/between/b/'.
const SCOPE_PATH = new URL(self.registration.scope).pathname;
const OWN = 'between-' + SCOPE_PATH + '-';
const CACHE = OWN + VERSION;
// Caches of builds before scoped names: 'between-' and a version of 12 hex digits.
const LEGACY = /^between-([0-9a-f]{12}|dev)$/;

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

// Some hosts redirect (Cloudflare Pages answers index.html with a 308 to ./). A
// browser refuses a redirected response as the answer to a navigation, so a cached
// one would leave the app, crisis card included, unable to open: keep a plain copy.
async function unredirected(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(PRECACHE.map(async ({ url, rev }) => {
      // The page is fetched at the address people open (the scope, './'), which every
      // host serves as it is; it is kept under INDEX(), where navigations look for it.
      const from = url === 'index.html' ? self.registration.scope : scoped(url);
      const response = await unredirected(await fetchChecked(from, rev));
      await cache.put(scoped(url), response);
    }));
  })());
});

// A cache of a build before scoped names is deleted only if it holds this scope's
// page: it may belong to another copy on this origin, still running an older build.
async function isOwnLegacy(name) {
  const cache = await caches.open(name);
  return Boolean(await cache.match(INDEX()));
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const old = [];
    for (const name of names) {
      if (name === CACHE) continue;
      if (name.startsWith(OWN) || (LEGACY.test(name) && (await isOwnLegacy(name)))) old.push(name);
    }
    await Promise.all(old.map((name) => caches.delete(name)));
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
    // A page of the build (a static .html) is itself; every other address is a route
    // of the app, answered with the cached index.html. Its first script sets <base>
    // to this scope, so its files load from here even on a deep address (journal/x).
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const page = url.pathname.endsWith('.html') && (await cache.match(request, { ignoreSearch: true }));
      return page || (await cache.match(INDEX())) || fetch(request);
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
  })());
});
