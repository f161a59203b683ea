/**
 * The getting-started page works as written, on a scratch project: `npm pack` in the checkout makes
 * a complete tarball, a project made by `npm init -y` installs it, and the page's Eleventy config,
 * copied from the page itself, builds a post with a memsim fence into a page that holds a
 * `<mem-sim>` and the bundle it loads.
 *
 * The install is the page's `npm install <tarball>` plus Eleventy at the checkout's version, with
 * `--prefer-offline`, so the npm cache that `npm ci` filled serves the package files; npm may still
 * ask the registry for package metadata. Where the registry cannot be reached and the cache cannot
 * answer, the test says so and installs by hand the way npm would: the tarball unpacked as
 * node_modules/mem-sim, its dependencies and Eleventy linked from the checkout's node_modules.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const page = readFileSync(join(root, 'site/getting-started.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const eleventyVersion = JSON.parse(readFileSync(join(root, 'node_modules/@11ty/eleventy/package.json'), 'utf8')).version;

/** The page's fenced block of `lang` whose first line is `firstLine`. */
function documentedBlock(lang: string, firstLine: string): string {
  const blocks = [...page.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang && m[2]!.startsWith(firstLine));
  assert.equal(blocks.length, 1, `the page has one ${lang} block starting ${firstLine}`);
  return blocks[0]![2]!;
}

/** Runs a command with a generous bound (a busy 2-core machine), failing with its output. */
function run(cmd: string, args: string[], cwd: string, timeout = 180_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { ok: r.status === 0, output: `${cmd} ${args.join(' ')}: exit ${r.status ?? r.signal}\n${r.stdout}${r.stderr}${r.error ?? ''}` };
}

const POST = `---
title: Paging
---
# Belady's anomaly

\`\`\`memsim
scheme: vm-paging
frames: 3, 4
policy: FIFO
refs: 1 2 3 4 1 2 5 1 2 3 4 5
\`\`\`
`;

describe('getting started, as the page says, on a project made by npm init -y', () => {
  let work: string;
  let project: string;
  let tarball: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'mem-sim-getting-started-'));
    project = join(work, 'blog');
    mkdirSync(project);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('the page tells how to make the tarball and install it, as these tests do', () => {
    const install = documentedBlock('sh', '# in the mem-sim checkout');
    assert.match(install, /^npm pack$/m);
    assert.match(install, /^npm install \S+\/mem-sim-0\.1\.0\.tgz$/m);
    assert.equal(pkg.version, '0.1.0', 'the page names the tarball of the current version');
  });

  it('npm pack alone makes a tarball with the plugins (lib/) and the browser bundle (dist/)', () => {
    const packed = run('npm', ['pack', '--pack-destination', work], root, 240_000);
    assert.ok(packed.ok, packed.output);
    const made = readdirSync(work).filter((f) => f.endsWith('.tgz'));
    assert.deepEqual(made, [`mem-sim-${pkg.version}.tgz`]);
    tarball = join(work, made[0]!);
    const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    const paths = new Set(listed.stdout.split('\n').map((p) => p.replace(/^package\//, '')));
    for (const file of ['lib/bundled/eleventy.js', 'lib/bundled/markdown-it.js', 'lib/components/index.js', 'dist/mem-sim.js', 'bin/mem-sim.js', 'custom-elements.json']) {
      assert.ok(paths.has(file), `the tarball holds ${file}`);
    }
    assert.ok([...paths].some((p) => p.startsWith('dist/chunks/')), 'the tarball holds the bundle chunks');
  });

  it('a project made by npm init -y is CommonJS and installs the tarball', (t) => {
    assert.ok(run('npm', ['init', '-y'], project).ok);
    assert.notEqual(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).type, 'module');
    const installed = run('npm', ['install', tarball, `@11ty/eleventy@${eleventyVersion}`, '--prefer-offline', '--no-audit', '--no-fund'], project);
    if (!installed.ok && /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network/i.test(installed.output)) {
      t.diagnostic(`npm install could not reach the registry; installed by hand from the checkout's node_modules instead:\n${installed.output}`);
      installByHand(project, tarball);
    } else {
      assert.ok(installed.ok, installed.output);
    }
    assert.ok(existsSync(join(project, 'node_modules/mem-sim/dist/mem-sim.js')), 'the package is in node_modules');
  });

  it("the page's eleventy.config.mjs builds a post's memsim fence into a <mem-sim> and copies the bundle", () => {
    const config = documentedBlock('js', '// eleventy.config.mjs');
    writeFileSync(join(project, 'eleventy.config.mjs'), config);
    mkdirSync(join(project, 'posts'));
    writeFileSync(join(project, 'posts/paging.md'), POST);
    const built = run(process.execPath, [join(project, 'node_modules/@11ty/eleventy/cmd.cjs')], project);
    assert.ok(built.ok, built.output);
    const html = readFileSync(join(project, '_site/posts/paging/index.html'), 'utf8');
    assert.match(html, /<mem-sim data-line="6">/);
    assert.match(html, /<script type="module" src="\/assets\/mem-sim\/mem-sim\.js"><\/script>/);
    assert.match(html, /class="mem-sim-fallback"/, 'the static fallback is computed at build time');
    assert.ok(existsSync(join(project, '_site/assets/mem-sim/mem-sim.js')), 'the bundle is copied');
    assert.ok(readdirSync(join(project, '_site/assets/mem-sim/chunks')).length > 0, "the bundle's chunks are copied");
  });
});

/** What `npm install <tarball>` does, without the registry: unpack it, link its dependencies and Eleventy. */
function installByHand(project: string, tarball: string): void {
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, 'mem-sim'), { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', join(modules, 'mem-sim'), '--strip-components=1'], { encoding: 'utf8' });
  assert.equal(untar.status, 0, untar.stderr);
  for (const dep of [...Object.keys(pkg.dependencies), '@11ty/eleventy']) {
    const link = join(modules, dep);
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), link, 'dir');
  }
}
