/**
 * LFU's and MFU's frames by use count, for their victims in O(1) or O(log frames): the fewest (LFU)
 * or most (MFU) uses since loading go first, the page loaded earliest among equals, as the stepwise
 * rule has it. Frames used once (just loaded) wait in a queue: a load always comes after every
 * other, so joining at the end keeps the queue in load order, and its head is the earliest loaded.
 * Frames used more sit in a binary heap ordered by rank, then load time. Buckets of equal counts
 * would not do past one use: a frame enters the next count when it is used, not when it was loaded,
 * so a bucket's earliest loaded would still need a search.
 * @internal
 */
export class UseCounts {
  /** Each frame's rank: its uses, negated for MFU so that the heap's least rank goes first for both. */
  private readonly rank: Int32Array;
  /** The once-used frames in load order, a doubly linked list (-1 ends it). */
  private readonly after: Int32Array;
  private readonly before: Int32Array;
  private first = -1;
  private last = -1;
  /** The heap: the frame at each position, each frame's position (-1 when in the queue). */
  private readonly items: Int32Array;
  private readonly at: Int32Array;
  private size = 0;
  constructor(
    frames: number,
    /** Each frame's load time, set before `load` is called. */
    private readonly loaded: Int32Array,
    /** MFU (true) or LFU. */
    private readonly most: boolean,
  ) {
    this.rank = new Int32Array(frames);
    this.after = new Int32Array(frames).fill(-1);
    this.before = new Int32Array(frames).fill(-1);
    this.items = new Int32Array(frames);
    this.at = new Int32Array(frames).fill(-1);
  }

  /** The frame to evict, when every frame is full. */
  victim(): number {
    // LFU: a once-used frame if any; MFU: a frame used more if any.
    if (this.most) return this.size > 0 ? this.items[0]! : this.first;
    return this.first >= 0 ? this.first : this.items[0]!;
  }

  /** Frame f holds a page just loaded: one use, after every other (the page it held, if any, is the victim). */
  load(f: number): void {
    if (this.at[f]! >= 0) this.popRoot();
    else if (this.rank[f] !== 0) this.unqueue(f);
    this.rank[f] = this.most ? -1 : 1;
    this.before[f] = this.last;
    this.after[f] = -1;
    if (this.last >= 0) this.after[this.last] = f;
    else this.first = f;
    this.last = f;
  }

  /** Frame f's page was used again. */
  use(f: number): void {
    const once = this.at[f]! < 0;
    this.rank[f]! += this.most ? -1 : 1;
    if (once) {
      this.unqueue(f);
      this.at[f] = this.size;
      this.items[this.size++] = f;
      this.fell(f);
    } else if (this.most) this.fell(f);
    else this.rose(f);
  }

  private unqueue(f: number): void {
    const b = this.before[f]!;
    const a = this.after[f]!;
    if (b >= 0) this.after[b] = a;
    else this.first = a;
    if (a >= 0) this.before[a] = b;
    else this.last = b;
  }

  /** The root (the victim) leaves the heap; the last leaf takes its place and moves down. */
  private popRoot(): void {
    const { items, at } = this;
    at[items[0]!] = -1;
    const leaf = items[--this.size]!;
    if (this.size === 0) return;
    items[0] = leaf;
    at[leaf] = 0;
    this.rose(leaf);
  }

  /** f's key grew (a higher rank): it moves away from the root. */
  private rose(f: number): void {
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

  /** f's key shrank (a lower rank, or it just joined at the bottom): it moves toward the root. */
  private fell(f: number): void {
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
