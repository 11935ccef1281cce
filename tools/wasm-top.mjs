// The biggest items of a wasm file that still has its name section (the build before
// wasm-bindgen and wasm-opt), and the same summed by crate: `twiggy top` when twiggy
// is installed, otherwise this file's own reading of the code and data sections
// (function bodies by name, data segments by index).
//   node tools/wasm-top.mjs [file.wasm] [n]
import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Custom sections (names, wasm-bindgen's descriptions) and wasm-bindgen's describe
// functions never reach dist/: wasm-bindgen and wasm-opt remove them.
const NOT_SHIPPED = /subsection$|^custom section |^(export ")?__wbindgen_describe/;

// The crate an item belongs to: the first path in its (demangled) name, so a generic
// function is counted with the crate named first (`<F as leptos_router::...>` is leptos_router).
function crateOf(name) {
  if (/^data segment /.test(name) || /^data\[/.test(name)) return '(data segments)';
  const mangled = /^_ZN(\d+)/.exec(name);
  if (mangled) return name.substr(mangled[0].length, Number(mangled[1]));
  const path = /([A-Za-z_][A-Za-z0-9_]*)::/.exec(name);
  return path ? path[1] : '(glue: exports, tables, wasm-bindgen shims)';
}

export function wasmTop(file, n = 10) {
  const size = statSync(file).size;
  let all;
  let tool;
  try {
    const out = execFileSync('twiggy', ['top', '-f', 'json', file], { maxBuffer: 256 << 20 }).toString();
    all = JSON.parse(out)
      .filter((r) => !/^(\.\.\. and \d+ more|Σ )/.test(r.name))
      .map((r) => ({ name: r.name, size: r.shallow_size }));
    tool = `${execFileSync('twiggy', ['--version']).toString().trim()}, twiggy top`;
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    all = readItems(file);
    tool = 'no twiggy here: tools/wasm-top.mjs read the name, code and data sections';
  }
  const shipped = all.filter((r) => !NOT_SHIPPED.test(r.name));
  const total = shipped.reduce((a, r) => a + r.size, 0);
  const share = (r) => ({ ...r, percent: (100 * r.size) / total });
  const byCrate = new Map();
  for (const r of shipped) byCrate.set(crateOf(r.name), (byCrate.get(crateOf(r.name)) || 0) + r.size);
  return {
    tool, size, total,
    items: shipped.sort((a, b) => b.size - a.size).slice(0, n).map(share),
    crates: [...byCrate].map(([name, size]) => ({ name, size })).sort((a, b) => b.size - a.size).slice(0, n).map(share),
  };
}

function readItems(file) {
  const b = readFileSync(file);
  let p = 8;
  const u32 = () => {
    let r = 0;
    let shift = 0;
    for (;;) {
      const byte = b[p++];
      r += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return r;
      shift += 7;
    }
  };
  const str = () => {
    const len = u32();
    const s = b.toString('utf8', p, p + len);
    p += len;
    return s;
  };
  let imported = 0;
  const bodies = [];
  const data = [];
  const names = new Map();
  while (p < b.length) {
    const id = b[p++];
    const size = u32();
    const end = p + size;
    if (id === 2) {
      for (let count = u32(), i = 0; i < count; i++) {
        str();
        str();
        const kind = b[p++];
        if (kind === 0) { u32(); imported++; } else if (kind === 1) { p++; const f = b[p++]; u32(); if (f & 1) u32(); } else if (kind === 2) { const f = b[p++]; u32(); if (f & 1) u32(); } else if (kind === 3) { p += 2; } else { p++; u32(); }
      }
    } else if (id === 10) {
      for (let count = u32(), i = 0; i < count; i++) {
        const start = p;
        const len = u32();
        p += len;
        bodies.push({ index: imported + i, size: p - start });
      }
    } else if (id === 11) {
      for (let count = u32(), i = 0; i < count; i++) {
        const start = p;
        const flags = u32();
        if (flags === 2) u32();
        if (flags !== 1) while (b[p++] !== 0x0b);
        p += u32();
        data.push({ name: `data[${i}]`, size: p - start });
      }
    } else if (id === 0 && str() === 'name') {
      while (p < end) {
        const sub = b[p++];
        const len = u32();
        const subEnd = p + len;
        if (sub === 1) for (let count = u32(), i = 0; i < count; i++) { const idx = u32(); names.set(idx, str()); }
        p = subEnd;
      }
    }
    p = end;
  }
  return [...bodies.map((f) => ({ name: names.get(f.index) || `code[${f.index}]`, size: f.size })), ...data];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = wasmTop(process.argv[2] || 'target/wasm32-unknown-unknown/release/between.wasm', Number(process.argv[3] || 10));
  console.log(`${r.tool}; ${r.size} bytes, ${r.total} in code and data`);
  for (const [title, rows] of [['items', r.items], ['crates', r.crates]]) {
    console.log(`biggest ${title}:`);
    for (const it of rows) console.log(`${String(it.size).padStart(9)} ${it.percent.toFixed(2).padStart(6)} %  ${it.name}`);
  }
}
