// Prints every file of a build with its size raw, gzip and brotli, and the total a
// first visit downloads (every file except the 404 fallback, which a visit never loads).
//   node tools/sizes.mjs [dist]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const list = (d) => readdirSync(d).flatMap((n) => {
  const p = join(d, n);
  return statSync(p).isDirectory() ? list(p) : [p];
});
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const rows = list(dir).sort().map((p) => {
  const data = readFileSync(p);
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { name: relative(dir, p), raw: data.length, gz: gzipSync(data, { level: 9 }).length, br };
});
console.log('file'.padEnd(44) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
for (const r of rows) console.log(r.name.padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br));
const visit = rows.filter((r) => r.name !== '404.html');
const sum = (k) => visit.reduce((a, r) => a + r[k], 0);
console.log('first visit (all but 404.html)'.padEnd(44) + kb(sum('raw')) + kb(sum('gz')) + kb(sum('br')));
