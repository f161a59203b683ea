/**
 * One scheme, one line on each side of the engine/components boundary: every scheme the engine
 * builds has a view in the components' registry, and every view there has an engine to drive it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_SCHEMES } from '../../engine/schemes/registry.js';
import { SCHEME_VIEWS } from '../../components/views/registry.js';

const engines: string[] = [...BUILT_SCHEMES].sort();
const views = Object.keys(SCHEME_VIEWS).sort();

test('every scheme with an engine has a view', () => {
  assert.deepEqual(
    engines.filter((name) => !views.includes(name)),
    [],
    'add a line for each of these to SCHEME_VIEWS in components/views/registry.ts',
  );
});

test('every scheme with a view has an engine', () => {
  assert.deepEqual(
    views.filter((name) => !engines.includes(name)),
    [],
    'add each of these to the engine registry, or remove its line from components/views/registry.ts',
  );
});

test('the registry names at least the schemes built so far', () => {
  assert.ok(views.length >= 4, `only ${views.join(', ')}`);
});
