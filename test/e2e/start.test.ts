/**
 * `npm start` stops its server when it is stopped by its PID: npm runs the script through `sh -c`,
 * and a signal to npm must not leave the server serving in an orphaned child. Each test starts
 * `npm start` in a process group of its own on a free port, waits until it serves, signals npm
 * alone (by PID, not the group), then checks that the port is closed and that no process of the
 * group is left running.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eventually } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The processes of group `group` that still run (zombies excluded: they serve nothing), from /proc. */
function running(group: number): string[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === group && state !== 'Z' ? [`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()}`] : [];
      } catch {
        return []; // ended while being read
      }
    });
}

async function serves(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

/** Starts `npm start` on any free port in a group of its own; resolves with its URL once it serves. */
async function npmStart(): Promise<{ npm: ChildProcess; url: string; output: () => string }> {
  const npm = spawn('npm', ['start'], { cwd: root, detached: true, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  npm.stdout!.on('data', (d) => (out += d));
  npm.stderr!.on('data', (d) => (out += d));
  // Building the bundle and the site takes about 30 s on a busy 2-core machine: a generous bound.
  const url = await eventually(() => /mem-sim docs: (http:\/\/localhost:\d+\/)/.exec(out)?.[1], 'npm start to print its URL', 240_000, () => out);
  await eventually(() => serves(url), `${url} to answer`, 60_000);
  return { npm, url, output: () => out };
}

describe('npm start stops its server when stopped by its PID', { skip: !existsSync('/proc/self/stat') && 'needs /proc to see the process group' }, () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} to the npm process closes the port and leaves no process running`, async () => {
      const { npm, url, output } = await npmStart();
      const group = npm.pid!;
      try {
        assert.ok(running(group).some((p) => p.includes('scripts/start.mjs')), `the server runs in npm's group:\n${running(group).join('\n')}`);
        process.kill(npm.pid!, signal);
        await eventually(async () => !(await serves(url)), `${url} to stop answering after ${signal}`, 60_000, output);
        await eventually(() => running(group).length === 0, `every process of npm start to end after ${signal}`, 60_000, () => running(group).join('\n'));
      } finally {
        try {
          process.kill(-group, 'SIGKILL'); // only if the test failed: leave nothing behind
        } catch {
          // the group is already gone
        }
      }
    });
  }
});
