// `npm start`: builds lib/ if needed, the browser bundle and the docs site, then serves _site/ on
// http://localhost:8080/ (or the next free port; PORT=N picks another first port, PORT=0 any free
// one) until Ctrl+C or a signal. A small static server in this process, so stopping this process
// stops everything: no child process is left behind.
//
// Stopped by its PID, `npm start` used to leave the server running: npm runs the script through
// `sh -c`, which neither forwards the SIGTERM that npm passes on nor dies with npm on a SIGHUP or
// SIGKILL, so this process outlived both. Hence the watch on the processes that started it, below.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, ensureLib } from './build-site.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const site = join(root, '_site');
const FIRST_PORT = process.env.PORT?.trim() ? Number(process.env.PORT) : 8080;
if (!Number.isInteger(FIRST_PORT) || FIRST_PORT < 0 || FIRST_PORT > 65535) {
  console.error(`start: PORT must be a port number from 0 to 65535, not '${process.env.PORT}'`);
  process.exit(1);
}

/** The build step running in a child process, stopped with this one. */
let building;
let server;

/** Stops the build or the server, whichever runs, and exits. */
function stop(code = 0) {
  building?.kill('SIGTERM');
  server?.close();
  server?.closeAllConnections?.();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

/** The parent of process `pid` where /proc tells it (Linux), else undefined. */
function parentOf(pid) {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: the fields after it are plain.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The processes whose end must end this one: the parent, and under an npm script also the npm
 * process (the shell's parent), which a shell does not follow when it is killed.
 */
const starters = [process.ppid];
if (process.env.npm_lifecycle_event) {
  const npm = parentOf(process.ppid);
  if (npm && npm > 1) starters.push(npm);
}
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};
// Orphaned, this process is adopted by another: its parent changes (seen in /proc) or is gone.
setInterval(() => {
  const parent = parentOf(process.pid);
  if ((parent !== undefined && parent !== starters[0]) || !starters.every(alive)) stop(0);
}, 250).unref();

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
// Asynchronous, so that a signal during the build stops it at once (spawnSync would block its handler).
const bundled = await new Promise((resolve) => {
  building = spawn(process.execPath, [join(root, 'scripts/build-bundle.mjs')], { cwd: root, stdio: 'inherit' });
  building.on('error', () => resolve(false));
  building.on('exit', (code) => resolve(code === 0));
});
building = undefined;
if (!bundled) {
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

server = createServer((req, res) => {
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
    if (e.code === 'EADDRINUSE' && port !== 0 && triesLeft > 0) listen(port + 1, triesLeft - 1);
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
