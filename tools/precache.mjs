// Trunk post_build hook (also run by tests on a copy of dist/):
//  1. stamps a build id into index.html (<meta name="between-build">) and puts the
//     script that finds where the app is hosted first in its <head>;
//  2. adds the sha256 of each inline script (Trunk's loader) to the CSP's script-src;
//  3. writes 404.html, a copy of index.html marked as the host's fallback, the
//     deep-link fallback for static hosts;
//  4. writes sw.js's VERSION and PRECACHE: every file with a content revision.
// Usage: node tools/precache.mjs [dir]   (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node tools/precache.mjs DIR');

const hash = (data, enc = 'hex') => createHash('sha256').update(data).digest(enc);
const NOT_CACHED = new Set(['sw.js', '404.html']);

function files(root) {
  const out = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else out.push(relative(dir, path).split(sep).join('/'));
  }
  return out.sort();
}

// Where the app is hosted, set as the page's <base> before any relative address in it
// is resolved (Trunk writes every file as ./name), so a deep address such as journal/
// or journal/x still loads the app's files from where they are. The Rust app reads the
// same <base> (pwa::base), so its links and routes agree with where its files came from.
//  - A controlling service worker's own address is exact: its folder is the app's.
//  - Otherwise the page's folder, except on the host's fallback page (404.html, served
//    for an address with no file: a first visit to a deep link): there a trailing slash
//    is no folder (journal/ is the Journal screen), and the app's folder is the one
//    before the last screen name in the address (journal/x is under journal's folder).
// The screen names come from src/domain/route.rs (Route::segment), the one list.
function routeSegments() {
  const source = readFileSync(new URL('../src/domain/route.rs', import.meta.url), 'utf8');
  const body = source.slice(source.indexOf('pub fn segment'), source.indexOf('pub fn title'));
  const names = [...body.matchAll(/Route::\w+ => "([a-z0-9-]+)"/g)].map((m) => m[1]);
  if (names.length < 5) throw new Error('precache: could not read the screen names from src/domain/route.rs');
  return names;
}
const BASE_SCRIPT = `<script data-between-base>(function () {
  var screens = ${JSON.stringify(routeSegments())};
  var path = location.pathname, worker = null;
  try { worker = navigator.serviceWorker && navigator.serviceWorker.controller; } catch (e) {}
  if (!worker && document.querySelector('meta[name=between-fallback]')) {
    var parts = path.replace(/\\/+$/, '').split('/');
    for (var i = parts.length - 1; i > 0; i--) {
      if (screens.indexOf(parts[i]) >= 0) { parts.length = i + 1; break; }
    }
    path = parts.join('/') || '/';
  }
  var base = document.createElement('base');
  base.setAttribute('href', worker ? new URL('./', worker.scriptURL).pathname : path.replace(/[^/]*$/, ''));
  document.head.appendChild(base);
})();</script>`;
const FALLBACK_MARK = '<meta name="between-fallback">';

// 1 and 2: index.html.
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// Right after the CSP (so it applies), before every link; once, as tests re-run this.
html = html.replace(/\s*<script data-between-base>[\s\S]*?<\/script>/, '');
html = html.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1\n  ${BASE_SCRIPT}`);
if (!html.includes('data-between-base')) throw new Error('precache: no CSP meta in index.html to put the base script after');
const assets = files(dir).filter((f) => !NOT_CACHED.has(f) && f !== 'index.html');
const buildId = hash(assets.map((f) => f + hash(readFileSync(join(dir, f)))).join('\n')).slice(0, 12);
html = html.replace(/(<meta name="between-build" content=")[^"]*(")/, `$1${buildId}$2`);
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((s) => `'sha256-${hash(s, 'base64')}'`).join(' ');
html = html.replace(/script-src 'self' 'wasm-unsafe-eval'[^;"]*/, `script-src 'self' 'wasm-unsafe-eval'${hashes ? ' ' + hashes : ''}`);
writeFileSync(indexPath, html);

// 3: the deep-link fallback, marked so the base script knows it.
writeFileSync(join(dir, '404.html'), html.replace('<script data-between-base>', `${FALLBACK_MARK}<script data-between-base>`));

// 4: the service worker. The revision is a prefix of the file's sha256; the worker
// checks each download against it.
const precache = files(dir)
  .filter((f) => !NOT_CACHED.has(f))
  .map((url) => ({ url, rev: hash(readFileSync(join(dir, url))).slice(0, 16) }));
const version = hash(JSON.stringify(precache)).slice(0, 12);
const swPath = join(dir, 'sw.js');
let sw = readFileSync(swPath, 'utf8');
sw = sw.replace(/const VERSION = '[^']*';/, `const VERSION = '${version}';`);
sw = sw.replace(/const PRECACHE = \[[^\]]*\];/, `const PRECACHE = ${JSON.stringify(precache)};`);
writeFileSync(swPath, sw);
console.log(`precache: build ${buildId}, ${precache.length} files, worker version ${version}`);
