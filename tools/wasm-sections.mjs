// Lists a .wasm file's sections (custom ones by name) and its import modules.
//   node tools/wasm-sections.mjs FILE.wasm
import { readFileSync } from 'node:fs';
const buf = readFileSync(process.argv[2]);
let p = 8;
const uleb = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
const name = () => { const n = uleb(); const t = buf.toString('utf8', p, p + n); p += n; return t; };
const IDS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
while (p < buf.length) {
  const id = buf[p++];
  const size = uleb();
  const end = p + size;
  if (id === 0) console.log(`custom ${name()} ${size}`);
  else if (id === 2) {
    const n = uleb(); const mods = {};
    for (let i = 0; i < n; i++) {
      const m = name(); name(); const kind = buf[p++];
      mods[m] = (mods[m] || 0) + 1;
      if (kind === 0) uleb(); else if (kind === 1) { p++; const f = uleb(); uleb(); if (f & 1) uleb(); }
      else if (kind === 2) { const f = uleb(); uleb(); if (f & 1) uleb(); } else if (kind === 3) { p++; p++; } else if (kind === 4) { p++; uleb(); }
    }
    console.log(`import ${size}`, mods);
  } else console.log(`${IDS[id] || id} ${size}`);
  p = end;
}
