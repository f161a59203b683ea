/**
 * The code of the policies beyond FIFO, LRU, OPT and CLOCK and of the working set: their rules
 * (rules.ts), Python's random numbers (mersenne.ts), their words (sentences.ts) and
 * their table marks (table.ts). A chunk of its own that the scheme's `prepare` loads only
 * for a scenario that uses them (late.ts), so a page of FIFO and LRU tables never fetches it.
 */
export { afterReference, chooseVictim, dropOutsideWindow, firstReference, workingSet } from './rules.js';
export { dropNote, hitNote, tickNote, whyVictim } from './sentences.js';
export { extraRows, policyMarks } from './table.js';
