// `npm start`: builds lib/ if needed, the browser bundle and the docs site, then serves _site/ on
// http://localhost:8080/ (or the next free port) until Ctrl+C. A small static server, so stopping
// this process stops everything (no child process is left behind).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, ensureLib } from './build-site.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const site = join(root, '_site');
const FIRST_PORT = Number(process.env.PORT) || 8080;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

ensureLib();
console.log('start: building the browser bundle');
if (spawnSync(process.execPath, [join(root, 'scripts/build-bundle.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) {
  console.error('start: the bundle build failed');
  process.exit(1);
}
console.log('start: building the site');
try {
  await buildSite({ output: site, quiet: true });
} catch {
  console.error('start: the site build failed (the error is above)');
  process.exit(1);
}

const server = createServer((req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  let file = normalize(join(site, path));
  if (file !== site && !file.startsWith(site + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) {
      res.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    file = join(file, 'index.html');
  }
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
});

/** Listens on the first free port from FIRST_PORT on. */
function listen(port, triesLeft = 20) {
  server.once('error', (e) => {
    if (e.code === 'EADDRINUSE' && triesLeft > 0) listen(port + 1, triesLeft - 1);
    else {
      console.error(`start: cannot listen: ${e.message}`);
      process.exit(1);
    }
  });
  server.listen(port, 'localhost', () => {
    console.log(`\nmem-sim docs: http://localhost:${server.address().port}/   (Ctrl+C to stop)`);
  });
}
listen(FIRST_PORT);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
