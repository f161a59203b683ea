/**
 * A simple-paging state as a Mermaid flowchart, the seed post's figure generated: per resident
 * process a subgraph of its pages, a Memory subgraph of the frames (runs of free frames collapsed
 * into one node, so thousands of frames stay drawable), and an edge from each page to its frame.
 */
import { mermaidLabel } from '../../mermaid.js';
import type { RunSpec } from '../../scheme.js';
import type { SimplePagingConfig, SimplePagingFields } from './config.js';
import { frameRuns, runText } from './report.js';
import type { SimplePagingEvent } from './sentences.js';
import type { SimplePagingState } from './state.js';

/** Above this many nodes in a subgraph, the rest is summed up in one node. */
export const MERMAID_MAX_NODES = 150;

export function mermaid(_c: SimplePagingConfig, _run: RunSpec<SimplePagingFields>, s: SimplePagingState, e: SimplePagingEvent | undefined): string {
  const lines = ['flowchart LR'];
  const edges: string[] = [];
  const frameNode = new Map<number, string>();
  const runs = frameRuns(s.frames);
  const shown = runs.slice(0, MERMAID_MAX_NODES);
  shown.forEach((r, i) => {
    for (let f = r.from; f <= r.to; f++) frameNode.set(f, `f${i}`);
  });
  const procs = [...s.resident.values()];
  procs.forEach((p, i) => {
    lines.push(`  subgraph p${i}[${mermaidLabel(`Process ${p.name}`)}]`, '    direction TB');
    const pages = p.table.slice(0, MERMAID_MAX_NODES);
    pages.forEach((f, page) => {
      lines.push(`    p${i}_${page}[${mermaidLabel(`page ${page}${f === null ? ': invalid' : ''}`)}]`);
      const target = f === null ? undefined : frameNode.get(f);
      if (target) edges.push(`  p${i}_${page} --> ${target}`);
    });
    if (p.table.length > pages.length) lines.push(`    p${i}_more[${mermaidLabel(`${p.table.length - pages.length} more pages`)}]`);
    lines.push('  end');
  });
  lines.push(`  subgraph memory[${mermaidLabel('Memory')}]`, '    direction TB');
  shown.forEach((r, i) => lines.push(`    f${i}[${mermaidLabel(runText(r))}]`));
  if (runs.length > shown.length) lines.push(`    fmore[${mermaidLabel(`frames ${runs[shown.length]!.from} to ${s.frames.length - 1}: more`)}]`);
  for (let i = 1; i < shown.length; i++) lines.push(`    f${i - 1} ~~~ f${i}`);
  lines.push('  end');
  const side = [
    s.waiting.length ? `waiting: ${s.waiting.map((w) => w.name).join(', ')}` : '',
    s.swapped.length ? `swapped out: ${s.swapped.map((w) => w.name).join(', ')}` : '',
  ].filter(Boolean);
  side.forEach((t, i) => lines.push(`  side${i}[${mermaidLabel(t)}]`));
  lines.push(...edges);
  const frame = e?.access?.frame;
  if (frame !== undefined && frame !== null && frameNode.has(frame)) {
    const i = procs.findIndex((p) => p.name === e!.access!.process);
    lines.push('  classDef current stroke-width:3px');
    lines.push(`  class ${frameNode.get(frame)}${i >= 0 && e!.access!.page! < MERMAID_MAX_NODES ? `,p${i}_${e!.access!.page}` : ''} current`);
  }
  return lines.join('\n');
}
