/**
 * A base-and-bounds translation as a Mermaid flowchart: the registers, the address, the comparison and
 * the sum or the trap: the diagram of an access step in a contiguous trace, and the relocation
 * scheme's (which imports it from here, so a contiguous page's diagram never fetches that scheme).
 */
import { mermaidLabel } from '../../mermaid.js';
import type { Translation } from '../relocate.js';

/**
 * Any base-and-bounds translation as a flowchart; `e` undefined draws the registers alone. Shared with
 * the contiguous schemes' access steps.
 */
export function translationMermaid(base: number | null, bounds: number | null, e: Pick<Translation, 'process' | 'address' | 'physical' | 'trap'> | undefined): string {
  const lines = ['flowchart LR'];
  lines.push(`  base[${mermaidLabel(`base register: ${base ?? 'none (not in memory)'}`)}]`);
  lines.push(`  bounds[${mermaidLabel(`bounds register: ${bounds ?? 'none'}`)}]`);
  if (!e) {
    lines.push(`  wait[${mermaidLabel('no address translated yet')}]`);
    return lines.join('\n');
  }
  lines.push(`  addr[${mermaidLabel(`logical address ${e.address} of ${e.process}`)}]`);
  if (e.trap === 'not resident') {
    lines.push(`  trap[${mermaidLabel('trap: not resident')}]`, '  addr --> trap', '  classDef trap stroke-dasharray: 4 2', '  class trap trap');
    return lines.join('\n');
  }
  lines.push(`  cmp(${mermaidLabel(`${e.address} < ${bounds}?`)})`, '  addr --> cmp', '  bounds --> cmp');
  if (e.trap === null) {
    lines.push(
      `  sum[${mermaidLabel(`${base} + ${e.address}`)}]`,
      `  phys[${mermaidLabel(`physical address ${e.physical}`)}]`,
      `  cmp -->|${mermaidLabel('yes')}| sum`,
      '  base --> sum',
      '  sum --> phys',
    );
  } else {
    lines.push(`  trap[${mermaidLabel(`trap: ${e.trap}`)}]`, `  cmp -->|${mermaidLabel('no')}| trap`, '  classDef trap stroke-dasharray: 4 2', '  class trap trap');
  }
  return lines.join('\n');
}
