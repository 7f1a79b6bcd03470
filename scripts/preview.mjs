/**
 * `npm run preview` (and `npm start`): Astro's own preview of the built site, with one thing a
 * real host does and Astro 7's preview does not: an address without its trailing slash (`/en`,
 * `/en/speech?x=1`) whose folder holds an index.html is redirected (301) to the address with it.
 * Astro's preview answers such an address with its developer 404 page before anything else, and
 * runs none of the project's Vite plugins, so the redirect is put in front of its server here.
 * Flags: `--host [address]` (listen on the network, to open it on a phone), `--port <n>`.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';

const args = process.argv.slice(2);
const valueOf = (flag) => {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const next = args[at + 1];
  return next === undefined || next.startsWith('--') ? true : next;
};
const host = valueOf('--host');
const port = valueOf('--port');

const outDir = process.env.OUT_DIR ?? './dist';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/** The address with its trailing slash, when `pathname` names a folder of the build with an index.html. */
function withSlash(pathname) {
  if (`${pathname}/` === base) return base;
  if (pathname.endsWith('/') || !pathname.startsWith(base) || /\.[^/]*$/.test(pathname)) return undefined;
  const folder = join(outDir, decodeURIComponent(pathname.slice(base.length)));
  return existsSync(join(folder, 'index.html')) && statSync(folder).isDirectory() ? `${pathname}/` : undefined;
}

const server = await preview({
  server: { ...(host === undefined ? {} : { host }), ...(typeof port === 'string' ? { port: Number(port) } : {}) },
});
const http = server.server;
if (http) {
  const handlers = http.listeners('request');
  http.removeAllListeners('request');
  http.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview');
    let target;
    try {
      target = (req.method === 'GET' || req.method === 'HEAD') && withSlash(url.pathname);
    } catch {
      // A malformed address: Astro's preview answers it as it does.
    }
    if (target) {
      res.writeHead(301, { location: `${target}${url.search}` });
      res.end();
      return;
    }
    for (const handler of handlers) handler.call(http, req, res);
  });
}
await server.closed();
