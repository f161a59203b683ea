/**
 * `access NAME ADDRESS` in a contiguous trace: the relocation hardware of Stallings' figure, with the
 * process's start as the base register and its size as the bounds. An access reads the registers and
 * never changes memory. A process that is swapped out or waiting has no base: the step says so with
 * the trap "not resident" (the parser has already refused a process that is not live). Loaded with
 * the scheme's `prepare` when a trace may hold an access (`loadAccess` in ../trace.ts).
 */
import { notResident, relocate, translationSentence } from './relocate.js';

export { readFlatAddress } from './relocate.js';
import type { Translation } from '../relocate.js';
import type { Region } from '../common.js';
import type { ContiguousState } from '../core.js';
import type { Operation } from '../trace.js';

/** One access's translation, as the step's event carries it. */
export interface AccessResult extends Translation {
  /** Whether the address was written in hex (the sentence then spells both). */
  hex: boolean;
}

/** Translates an access against `where` (the process's region, or undefined when it is not in memory). */
export function accessStep(op: Operation, s: ContiguousState<unknown>, where: Region | undefined): { access: AccessResult; sentence: string } {
  const address = op.address!;
  const hex = !!op.hex;
  let t: Translation;
  let place = '';
  if (where) t = relocate(op.name, address, where.start, where.size);
  else {
    const waiting = s.waiting.find((w) => w.name === op.name);
    const away = s.swapped.find((w) => w.name === op.name);
    place = waiting ? ' (it is waiting to be loaded)' : ' (it is swapped out)';
    t = notResident(op.name, address, (waiting ?? away)?.size ?? 0);
  }
  return { access: { ...t, hex }, sentence: translationSentence(t, hex, place) };
}
