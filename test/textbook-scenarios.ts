/**
 * Textbook scenarios that more than one suite runs (in Node and in Chromium), written once so the
 * suites cannot drift apart. Each names its source; the design's vetted worked examples give
 * the expected results.
 */

const titleLine = (title?: string) => (title ? `title: ${title}\n` : '');

/** Stallings, Operating Systems: Internals and Design Principles, the effect of dynamic partitioning: 64M, an 8M OS. */
export const stallingsDynamic = (title?: string) => `scheme: dynamic
${titleLine(title)}memory: 64M
os: 8M
placement: first-fit
trace: |
  load P1 20M
  load P2 14M
  load P3 18M
  swap-out P2
  load P4 8M
  swap-out P1
  swap-in P2
`;

/**
 * Silberschatz, Operating System Concepts, the placement exercise: holes of 100K, 500K, 200K, 300K and
 * 600K in that order (used memory between them, at 0, 150K, 700K, 950K and 1300K); loads of 212K,
 * 417K, 112K and 426K.
 */
export const silberschatzDynamic = (placement: string, title?: string) => `scheme: dynamic
${titleLine(title)}memory: 1900K
placement: ${placement}
layout: |
  hole 100K
  used 50K
  hole 500K
  used 50K
  hole 200K
  used 50K
  hole 300K
  used 50K
  hole 600K
trace: |
  load A 212K
  load B 417K
  load C 112K
  load D 426K
`;
