/** A paging state as a Mermaid flowchart: the resident pages, each pointing at its frame. */
import { mermaidLabel } from '../../../mermaid.js';
import type { RunSpec } from '../../../scheme.js';
import type { PagingConfig, PagingFields } from '../config.js';
import type { PagingEvent } from '../sentences.js';
import { DIRTY, neverFilled, USE, type PagingState } from '../state.js';

export function mermaid(_c: PagingConfig, run: RunSpec<PagingFields>, s: PagingState, e: Pick<PagingEvent, 'page' | 'frame' | 'victim'> | undefined): string {
  const lines = ['flowchart LR'];
  const clock = run.fields.policy === 'CLOCK';
  const m = s.capacity;
  const frames = Array.from({ length: m }, (_, f) => s.pageIn(f));
  const resident = frames.map((p, f) => ({ p, f })).filter((x) => x.p !== null) as { p: number; f: number }[];
  lines.push(`  subgraph pages[${mermaidLabel('Process pages')}]`, '    direction TB');
  for (const { p } of [...resident].sort((a, b) => a.p - b.p)) lines.push(`    p${p}[${mermaidLabel(`page ${p}`)}]`);
  if (e && e.victim !== null) lines.push(`    v${e.victim}[${mermaidLabel(`page ${e.victim} (evicted)`)}]`);
  if (resident.length === 0) lines.push(`    none[${mermaidLabel('no page loaded yet')}]`);
  lines.push('  end');
  lines.push(`  subgraph memory[${mermaidLabel(`Main memory: ${run.label}`)}]`, '    direction TB');
  const flagsOf = (f: number, dirty: boolean, use: boolean) =>
    [dirty ? 'dirty' : '', clock ? `use ${use ? 1 : 0}` : '', clock && s.hand === f ? 'hand' : ''].filter(Boolean).join(', ');
  frames.forEach((p, f) => {
    const flags = flagsOf(f, s.slots[DIRTY * m + f] === 1, s.slots[USE * m + f] === 1);
    lines.push(`    f${f}[${mermaidLabel(`frame ${f}: ${p === null ? 'empty' : `page ${p}`}${flags ? ` (${flags})` : ''}`)}]`);
  });
  // Frames no reference can reach: one node, so a million frames stay drawable.
  const unreached = neverFilled(s.frameCount, m);
  if (unreached === `frame ${m}`) {
    const flags = flagsOf(m, false, false);
    lines.push(`    f${m}[${mermaidLabel(`frame ${m}: empty${flags ? ` (${flags})` : ''}`)}]`);
  } else if (unreached) {
    const hand = clock && s.hand >= m ? ` (hand at frame ${s.hand})` : '';
    lines.push(`    f${m}[${mermaidLabel(`${unreached}: empty${hand}`)}]`);
  }
  lines.push('  end');
  for (const { p, f } of resident) lines.push(`  p${p} --> f${f}`);
  if (e) {
    lines.push(`  classDef current stroke-width:3px`);
    lines.push(`  class p${e.page},f${e.frame} current`);
    if (e.victim !== null) {
      lines.push(`  classDef evicted stroke-dasharray: 4 2`);
      lines.push(`  class v${e.victim} evicted`);
    }
  }
  return lines.join('\n');
}
