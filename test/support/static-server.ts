/** A minimal static file server for the built site, mounted at the test base path. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Text the README asks hosts to compress (Pagefind's own files come compressed). */
const compressible = new Set(['.html', '.css', '.js', '.json', '.svg', '.webmanifest']);

/**
 * `folderIndex: false` serves files only, as LMSs serve their packages (a folder's URL is a 404);
 * `gzip: true` compresses text for browsers that ask, as the README asks of a real host.
 */
export async function serveSite(
  root: string,
  base: string,
  { folderIndex = true, gzip = false }: { folderIndex?: boolean; gzip?: boolean } = {},
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.startsWith(base) ? normalize(join(root, path.slice(base.length))) : '';
    if (folderIndex && file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': types['.html'] });
      if (existsSync(join(root, '404.html'))) createReadStream(join(root, '404.html')).pipe(res);
      else res.end('Not found');
      return;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    if (gzip && compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
