/** What each step of stack-heap did: the event the view shows and the phrases the rules join into sentences. */
import type { StepEvent } from '../../scheme.js';
import { formatNumber } from '../../units.js';
import type { OpKind, Placement } from './config.js';
import type { Block } from './state.js';

export const HEAP_TRAPS = ['invalid free', 'double free', 'stack overflow'] as const;
export type HeapTrap = (typeof HEAP_TRAPS)[number];

export interface StackHeapEvent extends StepEvent {
  /** The operation as written. */
  op: string;
  kind: OpKind;
  trap: HeapTrap | null;
  /** A malloc's answer: the address, or null when no free block was large enough. */
  returned?: number | null;
  /** The block a malloc made or a free released (its start). */
  block?: number;
  /** Starts of the blocks this step leaked (their last pointer went). */
  leaked: number[];
  /** Free-list entries this step's search examined. */
  examined?: number;
  /** After a stack overflow the program has stopped: later operations do nothing. */
  skipped?: boolean;
}

const WHY: Record<Placement, string> = {
  'first-fit': 'first fit',
  'next-fit': 'next fit, searching on from where the last search ended',
  'best-fit': 'best fit: the smallest free block that fits',
  'worst-fit': 'worst fit: the largest free block',
};

export const placementWhy = (p: Placement): string => WHY[p];

/** `16 bytes` and `1 byte`. */
export const bytes = (n: number): string => `${n < 1000 ? n : formatNumber(n)} byte${n === 1 ? '' : 's'}`;

/** `16-byte`, as an adjective. */
export const sized = (n: number): string => `${n < 1000 ? n : formatNumber(n)}-byte`;

/** The leak phrase for the blocks a step lost: `; the block at 1008 is now leaked: no pointer reaches it`. */
export function leakText(blocks: readonly Block[], lastPointer?: string): string {
  if (!blocks.length) return '';
  const last = lastPointer ? ` (${lastPointer} was the last)` : '';
  if (blocks.length === 1) return `; the block at ${blocks[0]!.returned} is now leaked: no pointer reaches it${last}`;
  return `; the blocks at ${blocks.map((b) => b.returned).join(', ')} are now leaked: no pointer reaches them`;
}

/** `main's p`, or `the global p`. */
export const owner = (func: string | undefined, name: string): string => (func === undefined ? `the global ${name}` : `${func}'s ${name}`);
