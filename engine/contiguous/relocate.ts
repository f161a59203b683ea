/**
 * The shape of a translation by dynamic relocation (base and bounds), which the report, the views
 * and the diagrams share. The code that reads an `access` address and translates it is translation/,
 * a chunk of its own that the contiguous schemes' `prepare` loads (trace.ts), so a contiguous page
 * whose trace has no access never fetches it.
 */
/** The trap strings of the report contract that relocation can raise. */
export type RelocationTrap = 'out of bounds' | 'not resident';

/** One translation, as the JSON report writes it. */
export interface Translation {
  process: string;
  /** The logical address. */
  address: number;
  /** The registers, or null when the process is not in memory (it has no base then). */
  base: number | null;
  bounds: number | null;
  physical: number | null;
  trap: RelocationTrap | null;
}
