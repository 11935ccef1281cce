// A plain static file server for dist/, behaving like a simple static host:
// files as they are, no caching headers beyond `no-cache`, and for any path with no
// file the site's 404.html with status 404 (what GitHub Pages does), which is how a
// deep link such as /journal still opens the app.
//
//   node tools/serve.mjs [--root dist] [--port 8080] [--prefix /between] [--redirect-index]
//
// Also imported by the end-to-end tests: startServer({ root, port, prefix }), or
// startServer({ mounts: [{ prefix, root }, ...] }) for several copies on one origin.
// `redirectIndex` handles pages as Cloudflare Pages does: .../index.html is answered
// with a 308 to ./, any other .../name.html with a 308 to ./name, served from name.html.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1', prefix = '', mounts, redirectIndex = false } = {}) {
  // One site, or several on one origin: [{ prefix: '/between', root }, { prefix: '/between-test', root }].
  const sites = (mounts || [{ prefix, root }])
    .map((m) => ({ prefix: (m.prefix || '').replace(/\/$/, ''), base: resolve(m.root || root) }));
  // The longest prefix that holds a path serves it.
  const longestFirst = [...sites].sort((a, b) => b.prefix.length - a.prefix.length);
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = async (file, status) => {
      const body = await readFile(file);
      res.writeHead(status, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'Content-Length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      const mount = longestFirst.find((m) => path === m.prefix || path.startsWith(m.prefix + '/'));
      if (!mount) throw new Error('outside every prefix');
      const { prefix, base } = mount;
      if (prefix && path === prefix) {
        res.writeHead(301, { Location: prefix + '/' });
        return res.end();
      }
      // As Cloudflare Pages does: a page is only ever served at its address without
      // .html, and index.html at its folder's.
      if (redirectIndex && path.endsWith('.html')) {
        const name = path.slice(path.lastIndexOf('/') + 1, -'.html'.length);
        res.writeHead(308, { Location: name === 'index' ? './' : './' + name });
        return res.end();
      }
      let rel = path.slice(prefix.length);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(base, rel));
      if (!file.startsWith(base)) throw new Error('outside root');
      const info = await stat(file).catch(() => null);
      if (info && info.isFile()) return await send(file, 200);
      const page = redirectIndex && (await stat(file + '.html').catch(() => null));
      if (page && page.isFile()) return await send(file + '.html', 200);
      return await send(join(base, '404.html'), 404);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    // The (first) site's address, and each site's by its prefix.
    url: origin + sites[0].prefix + '/',
    urls: Object.fromEntries(sites.map((m) => [m.prefix, origin + m.prefix + '/'])),
    // Stops listening and drops open connections, like a host going away.
    close: () => new Promise((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const server = await startServer({
    root: arg('--root', 'dist'),
    port: Number(arg('--port', 8080)),
    prefix: arg('--prefix', ''),
    redirectIndex: process.argv.includes('--redirect-index'),
  });
  console.log(`Between is being served at ${server.url} (Ctrl+C stops it)`);
}
