// The <mem-sim> element's API, read from its custom elements manifest (custom-elements.json, which
// scripts/build-bundle.mjs writes from the components' JSDoc with @custom-elements-manifest/analyzer),
// so this page matches the code.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newest(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }, 0);
}

function readManifest() {
  const file = join(root, 'custom-elements.json');
  if (!existsSync(file)) {
    console.warn('[site] no custom-elements.json: build the bundle (npm run build:bundle), which writes it');
    return undefined;
  }
  if (statSync(file).mtimeMs < newest(join(root, 'components'))) {
    console.warn('[site] custom-elements.json is older than components/: the element page may be out of date (npm run build:bundle)');
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const LIFECYCLE = new Set(['connectedCallback', 'disconnectedCallback', 'render', 'willUpdate', 'updated', 'firstUpdated']);

export default function () {
  const manifest = readManifest();
  const element = manifest?.modules
    ?.flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && (d.tagName === 'mem-sim' || d.name === 'MemSim'));
  if (!element) return { found: false };
  const attributeFields = new Set((element.attributes ?? []).map((a) => a.fieldName));
  const documented = (m) =>
    m.description && !m.static && !m.inheritedFrom && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_') && !LIFECYCLE.has(m.name);
  const members = element.members ?? [];
  return {
    found: true,
    tag: 'mem-sim',
    summary: element.summary ?? '',
    description: (element.description ?? '').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ')),
    attributes: element.attributes ?? [],
    properties: members.filter((m) => m.kind === 'field' && documented(m) && !attributeFields.has(m.name)),
    methods: members.filter((m) => m.kind === 'method' && documented(m)),
    events: element.events ?? [],
    slots: element.slots ?? [],
    cssParts: element.cssParts ?? [],
    cssProperties: element.cssProperties ?? [],
  };
}
