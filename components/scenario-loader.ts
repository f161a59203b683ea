/**
 * How `<mem-sim>` turns its source into something to show: it reads the scenario (from `src`, the
 * inline code, or the attributes), reads its head to learn the scheme, fetches that scheme's engine
 * code and view, parses, and simulates run by run. Every failure becomes a list of problems for the
 * error box, never an exception.
 */
import { loadScheme } from '../engine/lazy.js';
import type { SchemeName } from '../engine/scheme.js';
import { parseWithScheme, readScenarioHead, type Simulation } from '../engine/scenario.js';
import { Timeline } from '../engine/timeline.js';
import type { Problem } from './error-box.js';
import { loadView } from './views/lazy.js';
import { nextTurn, whenNear } from './visibility.js';

export { offscreen, startNow } from './visibility.js';
import type { SchemeView } from './views/scheme-view.js';

/** The element's state of loading: a simulator to show, or the errors to show instead. */
export type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; problems: Problem[]; text?: string; lineOffset: number }
  | { kind: 'ready'; sim: Simulation; views: SchemeView[]; drawsTable: boolean; text: string };

/** What the scenario is read from: the element's attributes and children. */
export interface ScenarioHost extends HTMLElement {
  src: string | undefined;
  scheme: string | undefined;
  frames: string | undefined;
  policy: string | undefined;
  refs: string | undefined;
  pageSize: string | undefined;
}

/**
 * The properties a scenario is read from: `src`, then those that can spell a whole scenario for
 * hand-written HTML, in the order written (each attribute is its property in kebab case).
 */
export const SOURCE_PROPERTIES = ['src', 'scheme', 'frames', 'policy', 'refs', 'pageSize'] as const;

export const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The `<code>` whose text is an inline scenario, if the element has one. */
export const inlineCode = (host: Element) => host.querySelector(':scope > pre > code.language-memsim');

/** Strips the indentation common to every line, for scenarios indented inside hand-written HTML. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return indent ? lines.map((l) => l.slice(indent)).join('\n') : text;
}

/** A scheme's engine module and view class, loaded together. */
const loadCode = (name: SchemeName) => Promise.all([loadScheme(name), loadView(name)]);

/**
 * Reads, parses and simulates the host's scenario. `read` learns the inline text (undefined when
 * there is none) as soon as it is read, so the element can tell an edit of it from other changes.
 * `edited`, the reader's text from the Edit control, replaces the scenario as written (which stays
 * untouched in the page) and counts its own lines.
 */
export async function loadScenario(host: ScenarioHost, read: (inline: string | undefined) => void, edited?: string): Promise<Loaded> {
  let text: string | undefined;
  let lineOffset = 0;
  try {
    if (document.readyState === 'loading' && !host.src && !inlineCode(host) && !host.scheme) {
      // Children of an element defined before the parser reached them arrive later.
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    }
    // A block far below the fold waits until the reader comes near (its text shows meanwhile). Its
    // scheme's code loads meanwhile, named by a guess at the text (the reading below decides), so a
    // block in view does not wait for it after its turn comes: a first viewport 15% sooner.
    const guess = /^\s*scheme\s*:\s*([\w-]+)/m.exec(inlineCode(host)?.textContent ?? '')?.[1];
    if (guess) loadCode(guess as SchemeName).catch(() => undefined);
    await whenNear(host);
    const inline = inlineCode(host)?.textContent ?? undefined;
    read(inline);
    text = edited ?? (await scenarioText(host, inline));
    // Inline text a build plugin wrote counts its lines in the source file, as the build's messages do.
    const fence = Number(host.dataset.line);
    if (edited === undefined && !host.src && inline !== undefined && Number.isInteger(fence) && fence >= 0) lineOffset = fence;
    const head = readScenarioHead(text, { scheme: host.scheme, lineOffset });
    const name = head.source.errors.length ? undefined : head.scheme;
    const [module, View] = name ? await loadCode(name) : [];
    await Promise.all([module?.prepare?.(text), nextTurn()]);
    const parsed = parseWithScheme(head, module);
    if (!parsed.ok) return { kind: 'failed', problems: parsed.errors, text, lineOffset };
    const { module: scheme, config } = parsed.scenario;
    // One run per task: a comparison of many long runs never blocks the page for all of them at once.
    const sim: Simulation = { scenario: parsed.scenario, runs: [] };
    for (const run of scheme.runs(config)) {
      if (sim.runs.length) await new Promise((r) => setTimeout(r));
      sim.runs.push(new Timeline(scheme, config, run));
    }
    const views = sim.runs.map((timeline) => {
      // Every scheme with engine code has a view (the views' registry is typed so).
      const view = new View!();
      view.timeline = timeline;
      view.setAttribute('exportparts', 'frame-table, table, legend');
      return view;
    });
    return { kind: 'ready', sim, views, drawsTable: View!.drawsTable, text };
  } catch (e) {
    return { kind: 'failed', problems: [{ message: message(e) }], text, lineOffset };
  }
}

/**
 * Loads the presentation half of a loaded scenario's scheme (engine/presentation.ts): what its table
 * and diagram draw, kept out of what a page loads before its first render.
 */
export async function present(loaded: Loaded): Promise<void> {
  if (loaded.kind === 'ready') await loaded.sim.scenario.module.present?.();
}

/** The scenario text: from `src`, else the inline code, else the attributes written as YAML. */
async function scenarioText(host: ScenarioHost, inline: string | undefined): Promise<string> {
  if (host.src) {
    const url = new URL(host.src, document.baseURI);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (e) {
      throw new Error(`could not load the scenario from ${url}: ${message(e)}`);
    }
    if (!response.ok) throw new Error(`could not load the scenario from ${url}: HTTP ${response.status} ${response.statusText}`.trim());
    return response.text();
  }
  if (inline !== undefined) return dedent(inline);
  // JSON strings are YAML double-quoted scalars, so attribute values stay values whatever they hold.
  const lines = SOURCE_PROPERTIES.slice(1)
    .filter((prop) => host[prop] != null)
    .map((prop) => `${prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${JSON.stringify(host[prop])}`);
  if (lines.length === 0) {
    throw new Error(
      'no scenario: put it in a <pre><code class="language-memsim"> child, point the src attribute at a file, or set the scheme, frames, policy and refs attributes',
    );
  }
  return lines.join('\n');
}

/**
 * The step to show once a scenario loads: the element's `step` attribute (a step number, or `end`
 * for the last step), which wins over the scenario's `start` key. Undefined when neither is given:
 * the element then keeps its position (0 at first), as a reload of edited text always has. The
 * caller clamps to the scenario's steps, so `end` is Infinity here and a bad number reads as 0.
 */
export function openingStep(host: Element, loaded: Loaded): number | undefined {
  const attr = host.getAttribute('step');
  if (attr === null) return loaded.kind === 'ready' ? loaded.sim.scenario.start : undefined;
  return /^\s*end\s*$/i.test(attr) ? Infinity : Math.max(0, Math.trunc(+attr) || 0);
}
