import { css, html, nothing } from 'lit';
import { addressText } from '../../engine/contiguous/common.js';
import { formatSize } from '../../engine/units.js';
import { freeLists, holderName, type BuddyBlock, type BuddyConfig, type BuddyFields, type BuddyMemory } from '../../engine/schemes/buddy/index.js';
import { define } from '../define.js';
import { ContiguousView, type Row } from './contiguous-view.js';
import { percent, placedStrip, renderMemoryBar, type BarBlock } from './memory-bar.js';

/** A node of the split tree: a block that is split (no leaf) or one of the current blocks (a leaf). */
interface TreeNode {
  start: number;
  size: number;
  depth: number;
  leaf?: BuddyBlock;
}

/**
 * The split tree, depth first and lower half first, as Stallings' tree figure draws it: memory at
 * the root, the halves of every split block below it, the current blocks as leaves.
 */
function splitTree(memory: number, leaves: readonly BuddyBlock[]): TreeNode[] {
  const nodes: TreeNode[] = [];
  let k = 0;
  const visit = (start: number, size: number, depth: number): void => {
    const leaf = leaves[k];
    if (leaf && leaf.start === start && leaf.size === size) {
      k++;
      nodes.push({ start, size, depth, leaf });
      return;
    }
    nodes.push({ start, size, depth });
    // Blocks always tile memory; the guard only keeps a broken state from recursing forever.
    if (size < 2) return;
    visit(start, size / 2, depth + 1);
    visit(start + size / 2, size / 2, depth + 1);
  };
  visit(0, memory, 0);
  return nodes;
}

const lostIn = (b: BuddyBlock) => (b.kind === 'free' ? 0 : b.size - b.requested);

/** How the tree is read out: each node depth first, or a count when it is large. */
function spokenTree(nodes: readonly TreeNode[], memory: number): string {
  const head = `Split tree of ${formatSize(memory)}`;
  if (nodes.length > 63) return `${head}: ${nodes.filter((n) => n.leaf).length} blocks, split up to ${Math.max(...nodes.map((n) => n.depth))} times`;
  const node = (n: TreeNode) =>
    `${formatSize(n.size)} at ${addressText(n.start)} ${n.leaf ? holderName(n.leaf) + (n.leaf.requested && n.leaf.requested < n.size ? ` (${formatSize(n.leaf.requested)})` : '') : 'split'}`;
  return `${head}, depth first: ${nodes.map(node).join('; ')}`;
}

/**
 * The buddy system: memory as a bar to scale with a border around every block, each process at
 * the bottom of its block and the rest of the block shaded (internal fragmentation); the split
 * tree with the current blocks as its leaves, free and used, one row per level as in Stallings'
 * figure; the free list of every block size; the waiting queue and swapped-out processes; and the
 * table of blocks with what each request asked for and what its block loses.
 *
 * @tagname mem-sim-buddy
 * @csspart memory-bar - the bar and its address labels
 * @csspart split-tree - the split tree, one row per level from the whole memory down
 * @csspart free-lists - the free list of every block size
 * @csspart map-table - the scrolling box around the table of blocks
 * @csspart table - the tables of blocks and free lists
 * @csspart queue - the waiting queue
 * @csspart swapped - the swapped-out processes
 */
export class BuddyView extends ContiguousView {
  static override parts = ['split-tree', 'free-lists'];

  static override styles = [
    ContiguousView.styles,
    css`
      .tree {
        border: 1px solid var(--_border);
        font-size: 0.75em;
        line-height: 1.5em;
      }
      .level {
        position: relative;
        height: 1.5em;
      }
      .node {
        ${placedStrip}
        border: 1px solid var(--_muted);
        border-width: 0 1px 1px 0;
        color: var(--_muted);
      }
      /* Fills come from the bar's rules for the same kinds (.os, .process, .process.current), so
         the tree, the bar and the key agree. */
      .node.process,
      .node.os {
        color: var(--_text);
      }
    `,
  ];

  override render() {
    const at = this.at<BuddyConfig, BuddyMemory, BuddyFields>();
    if (!at) return nothing;
    const { s, e, c, t } = at;
    const placed = new Set(e?.placed.map((p) => p.start));
    const leaves = s.mem.blocks;
    const current = (b: BuddyBlock) => b.kind === 'process' && placed.has(b.start);
    const blocks: BarBlock[] = leaves.map((b) => ({
      start: b.start,
      size: b.size,
      kind: b.kind,
      name: b.kind === 'free' ? '' : holderName(b),
      used: b.kind === 'free' ? undefined : b.requested,
      current: current(b),
      text: `${formatSize(b.size)} block at ${addressText(b.start)}: ${b.kind === 'free' ? 'free' : `${holderName(b)} (${formatSize(b.requested)}), ${formatSize(lostIn(b))} lost`}`,
    }));
    const nodes = splitTree(c.memory, leaves);
    const levels: TreeNode[][] = [];
    for (const n of nodes) (levels[n.depth] ??= []).push(n);
    const row = (i: number): Row => {
      const b = leaves[i]!;
      return {
        cells: [addressText(b.start), formatSize(b.size), holderName(b), b.kind === 'free' ? '–' : formatSize(b.requested), b.kind === 'free' ? '–' : formatSize(lostIn(b))],
        class: current(b) ? 'current' : b.kind === 'free' ? 'free' : undefined,
      };
    };
    const lists = freeLists(c, s.mem);
    // The total lost inside blocks is the engine's internal-fragmentation metric.
    const lost = t.metricsAt(this.position).internalFragmentation ?? 0;
    return html`${renderMemoryBar(blocks, c.memory, { label: `${t.run.label}: memory`, borders: true, key: 'process current free split lost' })}
      <h3>Split tree</h3>
      <div class="tree" part="split-tree" role="img" aria-label=${spokenTree(nodes, c.memory)}>
        ${levels.map(
          (level) => html`<div class="level">
            ${level.map(
              (n) => html`<div
                class="node ${n.leaf ? n.leaf.kind : 'split'}${n.leaf && current(n.leaf) ? ' current' : ''}"
                style="left:${percent(n.start, c.memory)};width:${percent(n.size, c.memory)}"
              >
                ${n.leaf && n.leaf.kind !== 'free' ? `${holderName(n.leaf)} ` : ''}${formatSize(n.size)}
              </div>`,
            )}
          </div>`,
        )}
      </div>
      ${this.lists(s)}
      ${this.blockTable(
        'Free lists',
        ['block size', 'free blocks at'],
        lists.length,
        (i) => ({ cells: [formatSize(lists[i]!.size), lists[i]!.starts.map(addressText).join(', ') || 'none'], class: lists[i]!.starts.length ? undefined : 'free' }),
        undefined,
        undefined,
        'free-lists',
      )}
      ${this.blockTable('Blocks', ['start', 'size', 'holds', 'requested', 'lost inside'], leaves.length, row, e?.placed.length ? leaves.findIndex(current) : undefined, [
        'total',
        '',
        '',
        '',
        formatSize(lost),
      ])}`;
  }
}

define('mem-sim-buddy', BuddyView);

export default BuddyView;

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-buddy': BuddyView;
  }
}
