/**
 * A stack-heap state as a Mermaid flowchart: the stack's frames (each a subgraph of its variables) above
 * the heap's blocks and free blocks in address order, an edge from each pointer to the block it reaches,
 * and the free list's order as a chain of dotted edges.
 */
import { mermaidLabel } from '../../../mermaid.js';
import type { RunSpec } from '../../../scheme.js';
import type { StackHeapConfig, StackHeapFields } from '../config.js';
import type { StackHeapEvent } from '../sentences.js';
import type { StackHeapState } from '../state.js';

/** Above this many nodes in a subgraph, the rest is summed up in one node. */
export const MERMAID_MAX_NODES = 150;

export function mermaid(_c: StackHeapConfig, _run: RunSpec<StackHeapFields>, s: StackHeapState, e: StackHeapEvent | undefined): string {
  const lines = ['flowchart TB'];
  const edges: string[] = [];
  const blockNode = new Map<number, string>();
  type Area = { start: number; size: number; node: string; label: string; cls: string };
  const areas: Area[] = [];
  for (const b of s.blocks.values()) areas.push({ start: b.start, size: b.size, node: '', label: `${b.returned}: ${b.size} bytes${b.leaked ? ', leaked' : ''}`, cls: b.leaked ? 'leaked' : 'used' });
  for (const f of s.free) areas.push({ start: f.start, size: f.size, node: '', label: `free ${f.start}: ${f.size} bytes`, cls: 'free' });
  areas.sort((a, b) => a.start - b.start);
  const shown = areas.slice(0, MERMAID_MAX_NODES);
  shown.forEach((a, i) => {
    a.node = `h${i}`;
    if (a.cls !== 'free') blockNode.set(a.start, a.node);
  });

  lines.push(`  subgraph stack[${mermaidLabel('Stack (grows down)')}]`, '    direction TB');
  const frames = s.frames.slice(-MERMAID_MAX_NODES);
  if (!frames.length) lines.push(`    empty[${mermaidLabel('no frames')}]`);
  frames.forEach((f, i) => {
    lines.push(`    subgraph f${i}[${mermaidLabel(`${f.func} at ${f.start}, ${f.size} bytes`)}]`);
    f.locals.forEach((l, j) => {
      lines.push(`      f${i}_${j}[${mermaidLabel(`${l.name}${l.ptr ? ` = ${l.ptr.addr ?? 'null'}` : ''} (${l.size} bytes)`)}]`);
      const to = l.ptr?.block != null && s.target(l.ptr) ? blockNode.get(l.ptr.block) : undefined;
      if (to) edges.push(`  f${i}_${j} --> ${to}`);
    });
    if (!f.locals.length) lines.push(`      f${i}_none[${mermaidLabel('no variables')}]`);
    lines.push('    end');
  });
  lines.push('  end');
  const globals = [...s.globals].slice(0, MERMAID_MAX_NODES);
  if (globals.length) {
    lines.push(`  subgraph globals[${mermaidLabel('Globals')}]`);
    globals.forEach(([name, p], i) => {
      lines.push(`    g${i}[${mermaidLabel(`${name} = ${p.addr ?? 'null'}`)}]`);
      const to = p.block !== null && s.target(p) ? blockNode.get(p.block) : undefined;
      if (to) edges.push(`  g${i} --> ${to}`);
    });
    lines.push('  end');
  }
  lines.push(`  subgraph heap[${mermaidLabel('Heap (grows up)')}]`, '    direction BT');
  shown.forEach((a) => lines.push(`    ${a.node}[${mermaidLabel(a.label)}]`));
  if (areas.length > shown.length) lines.push(`    hmore[${mermaidLabel(`${areas.length - shown.length} more blocks`)}]`);
  if (!shown.length) lines.push(`    hnone[${mermaidLabel('no heap')}]`);
  lines.push('  end');
  lines.push(...edges);
  // The free list's order, which need not be the address order.
  const order = s.free.map((f) => shown.find((a) => a.cls === 'free' && a.start === f.start)?.node).filter((n): n is string => !!n);
  for (let i = 1; i < order.length; i++) lines.push(`  ${order[i - 1]} -.->|${mermaidLabel('next free')}| ${order[i]}`);
  lines.push('  classDef free stroke-dasharray: 4 3', '  classDef leaked stroke-width:3px,stroke-dasharray: 2 2');
  for (const cls of ['free', 'leaked']) {
    const nodes = shown.filter((a) => a.cls === cls).map((a) => a.node);
    if (nodes.length) lines.push(`  class ${nodes.join(',')} ${cls}`);
  }
  if (e?.block !== undefined) {
    const n = blockNode.get(e.block) ?? shown.find((a) => a.start <= e.block! && e.block! < a.start + a.size)?.node;
    if (n) lines.push('  classDef current stroke-width:3px', `  class ${n} current`);
  }
  return lines.join('\n');
}
