// Serves the built front-ends (add-in task pane, Teams tabs) from their dist folders, nothing outside them.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Returns false when the file does not exist so the caller can answer 404 its own way. */
export async function serveStatic(root: string, relativePath: string, response: ServerResponse): Promise<boolean> {
  const decoded = decodeURIComponent(relativePath);
  const target = normalize(join(root, decoded.endsWith('/') || decoded === '' ? `${decoded}index.html` : decoded));
  if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const info = await stat(target).catch(() => null);
  if (!info?.isFile()) return false;
  response.writeHead(200, {
    'content-type': types[extname(target)] ?? 'application/octet-stream',
    'content-length': info.size,
    // HTML must be revalidated so a rebuilt front-end shows up at once; hashed assets could be cached longer.
    'cache-control': extname(target) === '.html' ? 'no-cache' : 'public, max-age=60',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(target).pipe(response);
  return true;
}
