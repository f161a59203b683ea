// Finds (and on a Debian machine as root, installs) the browser and Jekyll that the tests need.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
const canApt = () => process.getuid?.() === 0 && has('apt-get') !== '';

let updated = false;
function aptInstall(pkg) {
  if (!updated) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    updated = true;
  }
  return spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

/** Path of a Chromium or Chrome: $CHROME_PATH, then the usual places; installs Debian's chromium if it can. */
export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  if (canApt() && aptInstall('chromium') && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error('No Chromium or Chrome found. Install one (on Debian or Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH.');
}

/** Path of the jekyll command; installs Debian's jekyll if it can. */
export function findJekyll() {
  const found = process.env.JEKYLL_PATH || has('jekyll');
  if (found) return found;
  if (canApt() && aptInstall('jekyll') && has('jekyll')) return has('jekyll');
  throw new Error('No jekyll found. Install it (on Debian or Ubuntu: sudo apt-get install -y jekyll) or set JEKYLL_PATH.');
}

/** Flags that let Chromium run headless as root on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
