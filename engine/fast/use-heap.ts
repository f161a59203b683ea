/**
 * LFU's and MFU's victim in O(log frames): a binary heap of the frames ordered by rank, then by load
 * time, the root being the frame to evict. The rank is the use count for LFU (the fewest go first)
 * and its negation for MFU (the most go first), so one order serves both; ties go to the page loaded
 * earliest, as the stepwise rule breaks them. Buckets of equal counts would not do: a frame enters
 * the next count's bucket when it is used, not when it was loaded, so a bucket's earliest loaded
 * would still need a search.
 * @internal
 */
export class UseHeap {
  /** The frame at each heap position. */
  private readonly items: Int32Array;
  /** Each frame's heap position. */
  private readonly at: Int32Array;
  private size = 0;
  constructor(
    /** Each frame's rank (page-faults-more.ts changes it, then calls `rose` or `fell`). */
    readonly rank: Int32Array,
    /** Each frame's load time. */
    private readonly loaded: Int32Array,
    frames: number,
  ) {
    this.items = new Int32Array(frames);
    this.at = new Int32Array(frames);
  }
  /** The frame to evict. */
  root(): number {
    return this.items[0]!;
  }
  /** A frame filled for the first time joins (its rank and load time set). */
  push(f: number): void {
    this.at[f] = this.size;
    this.items[this.size++] = f;
    this.fell(f);
  }
  /** f's key grew (a later load or a higher rank): it moves away from the root. */
  rose(f: number): void {
    const { items, at, rank, loaded, size } = this;
    const r = rank[f]!;
    const l = loaded[f]!;
    let i = at[f]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      let g = items[c]!;
      if (c + 1 < size) {
        const h = items[c + 1]!;
        if (rank[h]! < rank[g]! || (rank[h] === rank[g] && loaded[h]! < loaded[g]!)) {
          c++;
          g = h;
        }
      }
      if (r < rank[g]! || (r === rank[g] && l < loaded[g]!)) break;
      items[i] = g;
      at[g] = i;
      i = c;
    }
    items[i] = f;
    at[f] = i;
  }
  /**
   * f, now after every other frame (MFU's new page: one use, loaded last), leaves the root: the
   * hole goes down to a leaf along the children that come first, and f fills it. One comparison a
   * level where `rose` needs two.
   */
  sink(f: number): void {
    const { items, at, rank, loaded, size } = this;
    let i = at[f]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      let g = items[c]!;
      if (c + 1 < size) {
        const h = items[c + 1]!;
        if (rank[h]! < rank[g]! || (rank[h] === rank[g] && loaded[h]! < loaded[g]!)) {
          c++;
          g = h;
        }
      }
      items[i] = g;
      at[g] = i;
      i = c;
    }
    items[i] = f;
    at[f] = i;
  }
  /** f's key shrank (a lower rank, or it just joined): it moves toward the root. */
  fell(f: number): void {
    const { items, at, rank, loaded } = this;
    const r = rank[f]!;
    const l = loaded[f]!;
    let i = at[f]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const g = items[p]!;
      if (rank[g]! < r || (rank[g] === r && loaded[g]! < l)) break;
      items[i] = g;
      at[g] = i;
      i = p;
    }
    items[i] = f;
    at[f] = i;
  }
}
