// Trunk post_build hook, before precache.mjs (issue 8, section 1): splits the
// app's wasm so each lazy screen's code is its own file, fetched when first opened.
//
// Trunk 0.21 has no step between its cargo build and wasm-bindgen, so Trunk builds as
// always (index.html: data-wasm-opt="0", so it spends no time optimising a file that is
// replaced), and this hook takes the very .wasm cargo linked for it, which keeps its
// relocations (build.rs: --emit-relocs), and redoes the rest:
//   1. wasm-split-cli (crate wasm_split_cli_support): the main module, one chunk per
//      split point, and the loader __wasm_split.js that fetches and links the chunks;
//   2. wasm-bindgen --target web --keep-lld-exports on the main module, under the very
//      names Trunk gave its files, which replace Trunk's in the staging dir;
//   3. wasm-opt on the main module and on each chunk, with index.html's parameters;
//   4. content-hashed names for the chunks and the loader, and index.html's integrity
//      attributes and size for the new main files.
// precache.mjs then lists every file of the staging dir, chunks included, so the
// service worker fetches them in the background and every screen opens offline.
// Usage: node tools/split.mjs [staging dir]   (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node tools/split.mjs DIR');
const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
const root = new URL('..', import.meta.url).pathname;
const input = join(root, 'target/wasm32-unknown-unknown', profile, 'between.wasm');
const work = join(root, 'target/split');
const run = (cmd, args) => {
  const t0 = Date.now();
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`split: ${cmd} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
};
const sha = (data, alg = 'sha256', enc = 'hex') => createHash(alg).update(data).digest(enc);

// Trunk's names: between-<hash>.js and between-<hash>_bg.wasm.
const js = readdirSync(dir).find((f) => /^between-[0-9a-f]+\.js$/.test(f));
if (!js) throw new Error(`split: no between-*.js in ${dir}`);
const stem = js.slice(0, -3);

rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'split'), { recursive: true });
mkdirSync(join(work, 'bindgen'), { recursive: true });

// 1. Split. The chunks and the loader go to split/; the main module to split/<stem>.wasm.
run('wasm-split-cli', [input, join(work, 'split'), '--target', 'web', '--out-name', stem]);
const loaderSrc = readFileSync(join(work, 'split', '__wasm_split.js'));

// 2. wasm-bindgen on the main module, as Trunk runs it, keeping the exports the chunks link to.
run('wasm-bindgen', [
  '--target', 'web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
  '--out-dir', join(work, 'bindgen'), '--out-name', stem, join(work, 'split', `${stem}.wasm`),
]);

// 3. wasm-opt with index.html's parameters (data-wasm-opt="z" and its feature flags).
const html = readFileSync(join(root, 'index.html'), 'utf8');
const params = (html.match(/data-wasm-opt-params="([^"]*)"/) || [, ''])[1].split(/\s+/).filter(Boolean);
const opt = (file) => run('wasm-opt', ['-Oz', ...params, file, '-o', file]);
const mainOut = join(work, 'bindgen', `${stem}_bg.wasm`);
// SPLIT_BASELINE=1: also optimise Trunk's unsplit file as Trunk would, for a before/after.
if (process.env.SPLIT_BASELINE) {
  const before = join(work, 'unsplit_bg.wasm');
  writeFileSync(before, readFileSync(join(dir, `${stem}_bg.wasm`)));
  opt(before);
}
opt(mainOut);
const chunks = readdirSync(join(work, 'split')).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
for (const c of chunks) opt(join(work, 'split', c));

// 4. Into the staging dir: chunks under content-hashed names, then the loader, then main.
let loader = loaderSrc.toString('utf8');
for (const c of chunks) {
  const data = readFileSync(join(work, 'split', c));
  const named = `${c.slice(0, -5)}-${sha(data).slice(0, 16)}.wasm`;
  writeFileSync(join(dir, named), data);
  if (!loader.includes(`"./${c}"`)) throw new Error(`split: the loader does not name ${c}`);
  loader = loader.split(`"./${c}"`).join(`"./${named}"`);
}
const loaderName = `__wasm_split.${sha(loader).slice(0, 16)}.js`;
writeFileSync(join(dir, loaderName), loader);
// The main module imports the loader by the name wasm-split-cli gave it; only the JS
// import statement changes (the wasm's import keeps its module name as the key).
let mainJs = readFileSync(join(work, 'bindgen', `${stem}.js`), 'utf8');
const importRe = /(from\s*['"])\.\/__wasm_split\.js(['"])/g;
if (!importRe.test(mainJs)) throw new Error('split: the main JS does not import ./__wasm_split.js');
mainJs = mainJs.replace(importRe, `$1./${loaderName}$2`);
const mainBg = readFileSync(mainOut);
writeFileSync(join(dir, `${stem}.js`), mainJs);
writeFileSync(join(dir, `${stem}_bg.wasm`), mainBg);

// index.html: Trunk's integrity attributes and the size its loader reports progress with.
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const integrity = (file) => `sha384-${sha(readFileSync(join(dir, file)), 'sha384', 'base64')}`;
for (const file of [`${stem}.js`, `${stem}_bg.wasm`]) {
  const re = new RegExp(`(href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (!re.test(index)) throw new Error(`split: no integrity for ${file} in index.html`);
  index = index.replace(re, `$1${integrity(file)}$2`);
}
index = index.replace(new RegExp(`('\\./${stem}_bg\\.wasm', )\\d+`), `$1${mainBg.length}`);
writeFileSync(indexPath, index);
console.log(`split: main ${mainBg.length} bytes, ${chunks.length} chunk(s), loader ${loaderName}`);
