/**
 * Scenario grammars for the fuzzer: per scheme, texts that use every key (by its name or an alias,
 * in any spelling) with valid and near-valid values, and mutations of them that break the text the
 * way hands and editors do (characters and lines lost or doubled, YAML indicators, tabs, CR, BOM,
 * unicode, huge numbers, nesting). Sizes and trace lengths stay small: one case must take
 * milliseconds, since `npm test` runs thousands (the work cap has a benchmark of its own).
 */
import fc from 'fast-check';
import { SCHEMES } from '../../engine/schemes/all.js';

/** One generated case: the text and, when the grammar knows it, how many steps a valid parse must have. */
export interface FuzzCase {
  scheme: string;
  text: string;
  /** Steps each run must have if the text parses (undefined once a mutation may have changed them). */
  steps?: number;
}

/** Nesting depth kept below what the `yaml` parser's recursion survives (see the issue on deep `[`). */
export const MAX_NESTING = 50;

const K = 1024;

/** A key as an author may write it: its name or an alias, in any letter case, `-` or `_`. */
function keyName(scheme: string, key: string): fc.Arbitrary<string> {
  const doc = SCHEMES[scheme as keyof typeof SCHEMES]?.keys.find((k) => k.key === key);
  const names = [key, ...(doc?.aliases ?? [])];
  return fc
    .tuple(fc.constantFrom(...names), fc.nat(5))
    .map(([n, style]) => (style === 1 ? n.toUpperCase() : style === 2 ? n.replace(/-/g, '_') : style === 3 ? n[0]!.toUpperCase() + n.slice(1) : n));
}

/** Values that are almost right, or wrong in a way YAML itself cares about. */
const JUNK = [
  '', '0', '-1', '1.5', 'abc', '~', 'null', 'true', '"1"', "'x'", '[1, [2]]', '{a: 1}', '&a 1', '*a', '!!str 3', '|', '>',
  '1e400', '99999999999999999999', '0x', '0xFFFFFFFFFFFFFFFFFF', '1 2 3', 'K', '12Q', '1.5K', '4KiB', '3 x', 'x 4K', '#',
];

/** A valid value, or now and then a near-valid one in its place. */
function near(line: string): fc.Arbitrary<string> {
  const colon = line.indexOf(': ');
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(line) },
    { weight: 1, arbitrary: fc.constantFrom(...JUNK).map((j) => `${line.slice(0, colon)}: ${j}`) },
  );
}

/** A byte count of `k` kilobytes, spelt one of the ways the language accepts. */
function sizeSpelling(k: number, style: number): string {
  if (!Number.isInteger(k)) return `${Math.round(k * K)}`;
  switch (style % 7) {
    case 1:
      return `${k * K}`;
    case 2:
      return `${k}KiB`;
    case 3:
      return `${k}k`;
    case 4:
      return k % K === 0 ? `${k / K}M` : `${k}KB`;
    case 5:
      return `0x${(k * K).toString(16)}`;
    case 6:
      return k % (K * K) === 0 ? `${k / K / K}G` : `${k}K`;
    default:
      return `${k}K`;
  }
}

/** A title: nothing, plain words, or any unicode text as a double-quoted YAML string. */
const title = fc.option(
  fc.oneof(
    fc.constantFrom('Belady', 'First fit vs best fit', 'Stallings 7.4', 'buddy: 1M'),
    fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => JSON.stringify(s)),
    fc.string({ unit: 'binary', maxLength: 12 }).map((s) => JSON.stringify(s)),
  ),
  { freq: 3 },
);

const schemeLine = (name: string, aliases: string[]) =>
  fc.tuple(keyName(name, 'scheme'), fc.constantFrom(name, ...aliases), fc.boolean()).map(([k, v, upper]) => `${k}: ${upper ? v.toUpperCase() : v}`);

/** `key: value` lines in a random order (the language does not care which comes first). */
function document(lines: fc.Arbitrary<(string | null)[]>): fc.Arbitrary<string> {
  return fc.tuple(lines, fc.nat()).map(([ls, seed]) => {
    const present = ls.filter((l): l is string => l !== null);
    for (let i = present.length - 1; i > 0; i--) {
      const j = (seed + i * 7919) % (i + 1);
      [present[i], present[j]] = [present[j]!, present[i]!];
    }
    return present.join('\n') + '\n';
  });
}

const none = fc.constant(null);
const line = (l: string | null | false) => (l ? near(l) : none);
const exact = (l: string | null | false) => fc.constant(l || null);

/** A list of words written as YAML allows: `a, b`, `[a, b]`, `a b`. */
const listOf = (words: string[], style: number) => (style % 3 === 0 ? words.join(', ') : style % 3 === 1 ? `[${words.join(', ')}]` : words.join(' '));

/** A value in one case of four, else null: keys most scenarios leave out. */
const rarely = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });

const paging: fc.Arbitrary<FuzzCase> = fc
  .record({
    scheme: schemeLine('vm-paging', ['virtual-memory-paging', 'page-replacement', 'virtual-paging']),
    title,
    frames: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 }), { freq: 5 }),
    // A range instead of the list: `2-5`, every count in it.
    range: rarely(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.nat(3))),
    policies: fc.option(
      fc.uniqueArray(fc.constantFrom('FIFO', 'lru', 'OPT', 'clock', 'ENHANCED-CLOCK', 'nru', 'LFU', 'mfu', 'Aging', 'MRU', 'random', 'rand', 'WS', 'working-set'), {
        minLength: 1,
        maxLength: 3,
        selector: (p) => p.toLowerCase().replace('working-set', 'ws').replace(/^rand$/, 'random'),
      }),
      { freq: 5 },
    ),
    window: fc.option(fc.integer({ min: 1, max: 12 }), { freq: 3 }),
    seed: fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { freq: 3 }),
    clearInterval: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 3 }),
    agingBits: fc.option(fc.integer({ min: 1, max: 32 }), { freq: 3 }),
    policyKeys: fc.tuple(keyName('vm-paging', 'window'), keyName('vm-paging', 'seed'), keyName('vm-paging', 'clear-interval'), keyName('vm-paging', 'aging-bits')),
    pageSize: fc.option(fc.constantFrom(1, 4, 16), { freq: 3 }),
    // The hardware keys: each absent, or a value valid for every page size above (32 or 40 bits leave at
    // least 18 page-number bits, enough for 2 levels of 4- or 8-byte entries).
    tlb: rarely(fc.integer({ min: 1, max: 6 })),
    levels: rarely(fc.constantFrom(1, 2)),
    latencies: rarely(fc.tuple(fc.nat(200), fc.nat(20), fc.integer({ min: 1000, max: 9_000_000 }))),
    bits: rarely(fc.tuple(fc.constantFrom(32, 40), fc.constantFrom(4, 8))),
    refs: fc.array(fc.record({ n: fc.integer({ min: 0, max: 20 }), w: fc.constantFrom('', '', '', ':w', ':r', ':W'), hex: fc.boolean() }), { minLength: 1, maxLength: 60 }),
    style: fc.nat(),
    keys: fc.tuple(keyName('vm-paging', 'frames'), keyName('vm-paging', 'policy'), keyName('vm-paging', 'refs'), keyName('vm-paging', 'page-size')),
    hardwareKeys: fc.tuple(keyName('vm-paging', 'tlb'), keyName('vm-paging', 'levels'), keyName('vm-paging', 'address-bits'), keyName('vm-paging', 'pte-size')),
  })
  .chain((g) => {
    const refs = g.refs.map((r) => {
      if (g.pageSize === null) return `${r.n}${r.w}`;
      const address = r.n * g.pageSize * K + (r.n % 7);
      return `${r.hex ? `0x${address.toString(16)}` : address}${r.w}`;
    });
    const s = g.style % 5;
    const refsText = s === 0 ? `|\n  ${refs.join(' ')}` : s === 1 ? `[${refs.join(', ')}]` : s === 2 ? `"${refs.join(', ')}"` : s === 3 ? `\n${refs.map((r) => `  - ${r}`).join('\n')}` : refs.join(' ');
    const [kf, kp, kr, ks] = g.keys;
    const [kw, kseed, kc, ka] = g.policyKeys;
    // WS needs its window: a scenario naming WS always gives one.
    const window = g.window ?? (g.policies?.some((p) => /^(ws|working-set)$/i.test(p)) ? 4 : null);
    return document(
      fc.tuple(
        exact(g.scheme),
        exact(g.title !== null && `title: ${g.title}`),
        line(g.range ? `${kf}: ${g.range[0]}-${g.range[0] + g.range[1]}` : g.frames && `${kf}: ${listOf(g.frames.map(String), g.style)}`),
        line(g.policies && `${kp}: ${listOf(g.policies, g.style)}`),
        line(g.pageSize !== null && `${ks}: ${g.pageSize}K`),
        line(window !== null && `${kw}: ${window}`),
        line(g.seed !== null && `${kseed}: ${g.seed}`),
        line(g.clearInterval !== null && `${kc}: ${g.clearInterval}`),
        line(g.agingBits !== null && `${ka}: ${g.agingBits}`),
        line(g.tlb !== null && `${g.hardwareKeys[0]}: ${g.tlb}`),
        line(g.levels !== null && `${g.hardwareKeys[1]}: ${g.levels}`),
        line(g.latencies && `memory-latency: ${g.latencies[0]}\ntlb-latency: ${g.latencies[1]}\nfault-latency: ${g.latencies[2]}`),
        line(g.bits && g.pageSize !== null && `${g.hardwareKeys[2]}: ${g.bits[0]}\n${g.hardwareKeys[3]}: ${g.bits[1]}`),
        exact(`${kr}: ${refsText}`),
      ),
    ).map((text) => ({ scheme: 'vm-paging', text, steps: refs.length }));
  });

/** One trace command: what to do, whom (an index into the live names) and how large a load is. */
const command = (maxK: number) => fc.record({ k: fc.nat(10), pick: fc.nat(), sizeK: fc.integer({ min: 1, max: maxK }), style: fc.nat(6), name: fc.nat(10) });
type Command = { k: number; pick: number; sizeK: number; style: number; name: number };

/** Name stems besides `P`: a process name is any word without spaces or commas. */
const NAMES = ['P', 'proc_', 'A-', 'é', '進程', 'x#', 'Job.', 'a:b', '🙂', 'hole-', 'used_'];

const OPS: Record<string, string[]> = {
  load: ['load', 'LOAD', 'request', 'alloc', 'arrive'],
  exit: ['exit', 'release', 'free', 'terminate', 'end'],
  'swap-out': ['swap-out', 'swapout', 'swap_out'],
  'swap-in': ['swap-in', 'swapin', 'Swap-In'],
  compact: ['compact', 'compaction'],
  access: ['access', 'ACCESS', 'translate'],
};

/**
 * A valid trace for random commands: names followed through it as the parser follows them (a load
 * makes a name alive unless it can never fit, an exit ends it, swap-in only what is out). `fits`
 * says whether a load of that many K can ever be met.
 */
function followTrace(commands: Command[], opts: { fits: (k: number) => boolean; compact: boolean; autoSwap?: boolean; alive?: string[] }): string[] {
  const alive = new Set(opts.alive ?? []);
  const swapped = new Set<string>();
  const lines: string[] = [];
  let n = 0;
  for (const c of commands) {
    const live = [...alive];
    const word = (kind: string) => OPS[kind]![c.style % OPS[kind]!.length]!;
    const inMemory = live.filter((x) => !swapped.has(x));
    const out = opts.autoSwap ? live : [...swapped];
    if (c.k <= 3 || live.length === 0) {
      const name = `${NAMES[c.name % NAMES.length]}${n++}`;
      lines.push(`${word('load')} ${name} ${sizeSpelling(c.sizeK, c.style)}`);
      if (opts.fits(c.sizeK)) alive.add(name);
    } else if (c.k <= 5) {
      const name = live[c.pick % live.length]!;
      lines.push(`${word('exit')} ${name}`);
      alive.delete(name);
      swapped.delete(name);
    } else if (c.k <= 7 && inMemory.length) {
      const name = inMemory[c.pick % inMemory.length]!;
      lines.push(`${word('swap-out')} ${name}`);
      swapped.add(name);
    } else if (c.k <= 9 && out.length) {
      const name = out[c.pick % out.length]!;
      lines.push(`${word('swap-in')} ${name}`);
      swapped.delete(name);
    } else if (c.style % 3 === 0 && live.length) lines.push(`${word('access')} ${live[c.pick % live.length]} ${c.style === 3 ? `0x${(c.sizeK * 37).toString(16)}` : c.sizeK * 37}`);
    else if (opts.compact) lines.push(word('compact'));
    else lines.push('# a comment line');
  }
  return lines;
}

/** A trace's lines as a block scalar (with comments and blank lines now and then), a YAML list or a flow list. */
function traceValue(lines: string[], style: number): string {
  if (style % 4 === 1) return '\n' + lines.map((l) => (l.startsWith('#') ? `  ${l}` : `  - ${l}`)).join('\n');
  if (style % 4 === 2 && !lines.some((l) => /[#:]/.test(l))) return `[${lines.join(', ')}]`;
  return '|\n' + lines.map((l, i) => `  ${l}${i % 5 === 4 ? '  # note' : ''}${i % 7 === 6 ? '\n' : ''}`).join('\n');
}

const steps = (lines: string[]) => lines.filter((l) => !l.startsWith('#')).length;

const fixed: fc.Arbitrary<FuzzCase> = fc
  .record({
    scheme: schemeLine('fixed', ['fixed-partitioning', 'fixed-partition']),
    title,
    osK: fc.integer({ min: 0, max: 64 }),
    partitionsK: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
    equal: fc.option(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 64 })), { freq: 4 }),
    restK: fc.integer({ min: 0, max: 32 }),
    explicitMemory: fc.boolean(),
    queue: fc.option(fc.constantFrom('single', 'per-partition', 'shared', 'separate', 'One'), { freq: 2 }),
    placement: fc.option(fc.constantFrom('best-fit', 'first-fit', 'best', 'FirstFit'), { freq: 2 }),
    commands: fc.array(command(80), { maxLength: 40 }),
    style: fc.nat(),
    keys: fc.tuple(keyName('fixed', 'memory'), keyName('fixed', 'os'), keyName('fixed', 'partitions'), keyName('fixed', 'queue'), keyName('fixed', 'placement'), keyName('fixed', 'trace')),
  })
  .chain((g) => {
    const sizes = [...g.partitionsK, ...(g.equal ? Array<number>(g.equal[0]).fill(g.equal[1]) : [])];
    const largest = Math.max(...sizes);
    const lines = followTrace(g.commands, { fits: (k) => k <= largest, compact: false });
    const memoryK = g.osK + sizes.reduce((a, b) => a + b, 0) + g.restK;
    const parts = g.partitionsK.map((k, i) => sizeSpelling(k, g.style + i));
    if (g.equal) parts.push(g.style % 2 ? `${g.equal[0]} x ${g.equal[1]}K` : `${g.equal[0]}x${g.equal[1]}K`);
    const [km, ko, kp, kq, kpl, kt] = g.keys;
    return document(
      fc.tuple(
        exact(g.scheme),
        exact(g.title !== null && `title: ${g.title}`),
        line(g.explicitMemory && `${km}: ${sizeSpelling(memoryK, g.style)}`),
        line(g.osK > 0 && `${ko}: ${sizeSpelling(g.osK, g.style + 1)}`),
        line(`${kp}: ${listOf(parts, g.style)}`),
        line(g.queue !== null && `${kq}: ${g.queue}`),
        line(g.placement !== null && `${kpl}: ${g.placement}`),
        exact(g.commands.length > 0 && `${kt}: ${traceValue(lines, g.style)}`),
      ),
    ).map((text) => ({ scheme: 'fixed', text, steps: steps(lines) }));
  });

const dynamic: fc.Arbitrary<FuzzCase> = fc
  .record({
    scheme: schemeLine('dynamic', ['dynamic-partitioning', 'dynamic-partition']),
    title,
    memoryK: fc.integer({ min: 16, max: 256 }),
    osK: fc.integer({ min: 0, max: 15 }),
    placements: fc.uniqueArray(fc.constantFrom('first-fit', 'next-fit', 'best-fit', 'worst-fit', 'FIRST', 'nextfit'), {
      minLength: 1,
      maxLength: 4,
      selector: (p) => p.replace(/-?fit$/i, '').toLowerCase(),
    }),
    whenFull: fc.option(fc.constantFrom('wait', 'compact', 'swap', 'queue', 'swapping'), { freq: 2 }),
    layout: fc.array(fc.record({ k: fc.constantFrom('hole', 'used', 'proc', 'HOLE'), sizeK: fc.integer({ min: 1, max: 15 }) }), { maxLength: 5 }),
    commands: fc.array(command(90), { maxLength: 40 }),
    style: fc.nat(),
    keys: fc.tuple(keyName('dynamic', 'memory'), keyName('dynamic', 'os'), keyName('dynamic', 'placement'), keyName('dynamic', 'when-full'), keyName('dynamic', 'layout'), keyName('dynamic', 'trace')),
  })
  .chain((g) => {
    const alive: string[] = [];
    const layout: string[] = [];
    let used = g.osK;
    for (const e of g.layout) {
      if (used + e.sizeK > g.memoryK) break;
      used += e.sizeK;
      let name: string = e.k;
      if (e.k === 'proc') alive.push((name = `L${alive.length}`));
      layout.push(`  ${name} ${sizeSpelling(e.sizeK, g.style)}`);
    }
    const swap = g.whenFull === 'swap' || g.whenFull === 'swapping';
    const lines = followTrace(g.commands, { fits: (k) => k <= g.memoryK - g.osK, compact: true, autoSwap: swap, alive });
    const [km, ko, kp, kw, kl, kt] = g.keys;
    return document(
      fc.tuple(
        exact(g.scheme),
        exact(g.title !== null && `title: ${g.title}`),
        line(`${km}: ${sizeSpelling(g.memoryK, g.style)}`),
        line(g.osK > 0 && `${ko}: ${sizeSpelling(g.osK, g.style + 2)}`),
        line(`${kp}: ${listOf(g.placements, g.style)}`),
        line(g.whenFull !== null && `${kw}: ${g.whenFull}`),
        exact(layout.length > 0 && `${kl}: |\n${layout.join('\n')}`),
        exact(g.commands.length > 0 && `${kt}: ${traceValue(lines, g.style)}`),
      ),
    ).map((text) => ({ scheme: 'dynamic', text, steps: steps(lines) }));
  });

const buddy = (maxMemoryLog: number): fc.Arbitrary<FuzzCase> =>
  fc
    .record({
      scheme: schemeLine('buddy', ['buddy-system']),
      title,
      memoryLog: fc.integer({ min: 4, max: maxMemoryLog }),
      minLog: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 2 }),
      osK: fc.constantFrom(0, 0, 1, 3, 5, 100),
      commands: fc.array(command(300), { maxLength: 40 }),
      style: fc.nat(),
      keys: fc.tuple(keyName('buddy', 'memory'), keyName('buddy', 'os'), keyName('buddy', 'min-block'), keyName('buddy', 'trace')),
    })
    .chain((g) => {
      const memoryK = 2 ** g.memoryLog;
      const minK = g.minLog === null ? 1 / K : Math.min(2 ** g.minLog, memoryK);
      const pow2 = (k: number) => 2 ** Math.ceil(Math.log2(k));
      const osBlock = g.osK ? Math.max(pow2(g.osK), minK) : 0;
      const os = osBlock && osBlock < memoryK ? g.osK : 0;
      const largest = os ? memoryK / 2 : memoryK;
      const lines = followTrace(g.commands, { fits: (k) => Math.max(pow2(k), minK) <= largest, compact: false });
      const [km, ko, kmin, kt] = g.keys;
      return document(
        fc.tuple(
          exact(g.scheme),
          exact(g.title !== null && `title: ${g.title}`),
          line(`${km}: ${sizeSpelling(memoryK, g.style)}`),
          line(os > 0 && `${ko}: ${sizeSpelling(os, g.style + 3)}`),
          line(g.minLog !== null && `${kmin}: ${sizeSpelling(minK, g.style + 1)}`),
          exact(g.commands.length > 0 && `${kt}: ${traceValue(lines, g.style)}`),
        ),
      ).map((text) => ({ scheme: 'buddy', text, steps: steps(lines) }));
    });

const relocation: fc.Arbitrary<FuzzCase> = fc
  .record({
    scheme: schemeLine('relocation', ['base-bounds', 'base-and-bounds']),
    title,
    baseK: fc.integer({ min: 0, max: 2 ** 20 }),
    boundsK: fc.integer({ min: 1, max: 64 }),
    memoryDoublings: fc.option(fc.nat(3), { freq: 2 }),
    addresses: fc.array(fc.record({ n: fc.integer({ min: 0, max: 70 * K }), hex: fc.boolean() }), { minLength: 1, maxLength: 30 }),
    style: fc.nat(),
    keys: fc.tuple(keyName('relocation', 'base'), keyName('relocation', 'bounds'), keyName('relocation', 'access'), keyName('relocation', 'memory')),
  })
  .chain((g) => {
    const memoryK = 2 ** Math.ceil(Math.log2(g.baseK + g.boundsK)) * 2 ** (g.memoryDoublings ?? 0);
    const addresses = g.addresses.map((a) => (a.hex ? `0x${a.n.toString(16)}` : String(a.n)));
    const [kb, kl, ka, km] = g.keys;
    return document(
      fc.tuple(
        exact(g.scheme),
        exact(g.title !== null && `title: ${g.title}`),
        line(`${kb}: ${g.baseK === 0 ? '0' : sizeSpelling(g.baseK, g.style)}`),
        line(`${kl}: ${sizeSpelling(g.boundsK, g.style + 1)}`),
        line(g.memoryDoublings !== null && `${km}: ${sizeSpelling(memoryK, g.style + 2)}`),
        exact(`${ka}: ${listOf(addresses, g.style)}`),
      ),
    ).map((text) => ({ scheme: 'relocation', text, steps: addresses.length }));
  });

/** Simple paging: a trace (loads of whole K, in 1K pages, with accesses) or the table form (page-table and access). */
const simplePaging: fc.Arbitrary<FuzzCase> = fc
  .record({
    scheme: schemeLine('paging', ['simple-paging']),
    title,
    memoryK: fc.integer({ min: 4, max: 128 }),
    osK: fc.integer({ min: 0, max: 3 }),
    addressBits: fc.option(fc.integer({ min: 10, max: 20 }), { freq: 3 }),
    byFrames: fc.boolean(),
    table: fc.option(fc.array(fc.option(fc.nat(40), { freq: 6 }), { minLength: 1, maxLength: 8 }), { freq: 4 }),
    addresses: fc.array(fc.nat(12 * K), { maxLength: 8 }),
    commands: fc.array(command(12), { maxLength: 40 }),
    style: fc.nat(),
    keys: fc.tuple(keyName('paging', 'memory'), keyName('paging', 'os'), keyName('paging', 'page-size'), keyName('paging', 'address-bits'), keyName('paging', 'trace'), keyName('paging', 'frames')),
  })
  .chain((g) => {
    const [km, ko, kps, kab, kt, kf] = g.keys;
    const bits = line(g.addressBits !== null && `${kab}: ${g.addressBits}`);
    if (g.table) {
      // Frames named once each, above the OS; '-' marks an invalid entry.
      const seen = new Set<number>();
      const entries = g.table.map((f) => (f === null || seen.has(f + g.osK) ? '-' : (seen.add(f + g.osK), String(f + g.osK))));
      const accesses = g.addresses.map((a, i) => (i % 3 === 2 ? `${Math.floor(a / K)}:${a % K}` : String(a)));
      return document(
        fc.tuple(
          exact(g.scheme),
          exact(g.title !== null && `title: ${g.title}`),
          line(`${kps}: 1K`),
          line(g.osK > 0 && `${ko}: ${sizeSpelling(g.osK, g.style)}`),
          bits,
          exact(`page-table: ${entries.join(' ')}`),
          exact(accesses.length > 0 && `access: ${accesses.join(' ')}`),
        ),
      ).map((text) => ({ scheme: 'paging', text, steps: accesses.length }));
    }
    const plain = followTrace(g.commands, { fits: (k) => k <= g.memoryK - g.osK, compact: false });
    // After each load that fits, an access of the process just loaded (alive there, whatever comes later).
    const lines = plain.flatMap((l, i) => {
      const m = /^\S+ (\S+) (\S+)$/.exec(l);
      const c = g.commands[i];
      if (!m || !c || c.k > 3 || c.sizeK > g.memoryK - g.osK || !/^(load|LOAD|request|alloc|arrive)$/.test(l.split(' ')[0]!)) return [l];
      return [l, `access ${m[1]} ${c.style % 2 ? `${c.pick % 16}:${c.pick % K}` : c.pick % (16 * K)}`];
    });
    return document(
      fc.tuple(
        exact(g.scheme),
        exact(g.title !== null && `title: ${g.title}`),
        line(`${kps}: 1K`),
        line(g.byFrames ? `${kf}: ${g.memoryK}` : `${km}: ${sizeSpelling(g.memoryK, g.style)}`),
        line(g.osK > 0 && `${ko}: ${sizeSpelling(g.osK, g.style + 1)}`),
        bits,
        exact(g.commands.length > 0 && `${kt}: ${traceValue(lines, g.style)}`),
      ),
    ).map((text) => ({ scheme: 'paging', text, steps: steps(lines) }));
  });

/**
 * Stack and heap: a program that follows scope as the parser does (calls and returns, locals, mallocs
 * into new or existing pointers, frees, copies, nulls, and malloc.py's +SIZE and -K), over the keys
 * of the allocator. Function and pointer names are text: stems with unicode and punctuation.
 */
const HEAP_NAMES = ['p', 'buf_', 'é', '指针', 'x#', 'a:b', '🙂', 'node.'];
const stackHeap: fc.Arbitrary<FuzzCase> = fc
  .record({
    scheme: schemeLine('stack-heap', ['stack-and-heap', 'stack-vs-heap']),
    title,
    heap: fc.integer({ min: 8, max: 4096 }),
    stack: fc.integer({ min: 16, max: 2048 }),
    header: fc.constantFrom(0, 4, 8, 16),
    align: fc.constantFrom(-1, 1, 4, 8),
    placement: fc.subarray(['first-fit', 'next-fit', 'BEST', 'worst-fit'], { minLength: 1, maxLength: 3 }),
    order: fc.constantFrom('address', 'size', 'size-desc', 'insert-front', 'insert-back', 'ADDRSORT', 'SIZESORT+', 'INSERT-FRONT'),
    coalesce: fc.constantFrom('true', 'false', 'yes', 'off'),
    commands: fc.array(fc.record({ k: fc.nat(12), pick: fc.nat(), size: fc.integer({ min: 1, max: 300 }), name: fc.nat(7) }), { maxLength: 40 }),
    style: fc.nat(),
    keys: fc.tuple(keyName('stack-heap', 'heap'), keyName('stack-heap', 'stack'), keyName('stack-heap', 'header'), keyName('stack-heap', 'align'), keyName('stack-heap', 'placement'), keyName('stack-heap', 'free-list'), keyName('stack-heap', 'coalesce'), keyName('stack-heap', 'trace')),
  })
  .chain((g) => {
    const [kh, ks, khd, ka, kp, kf, kc, kt] = g.keys;
    // YAML reads +10 and -0 as numbers in a list's items: malloc.py's words only in a block scalar.
    const ostep = g.style % 4 !== 1 && g.style % 4 !== 2;
    const frames: string[][] = [];
    const globals: string[] = [];
    let allocs = 0;
    const lines: string[] = [];
    g.commands.forEach((c, i) => {
      const f = frames[frames.length - 1];
      const visible = [...(f ?? []), ...globals];
      const name = `${HEAP_NAMES[c.name]}${i}`;
      if (c.k === 0 || (!f && c.k === 1)) {
        lines.push(`call ${name} n ${c.size}`);
        frames.push([]);
      } else if (c.k === 1 && f) {
        frames.pop();
        lines.push('return');
      } else if (c.k === 2 && f) lines.push(`local ${name} ${c.size}`);
      else if (c.k <= 5 || !visible.length) {
        const to = visible.length && c.pick % 3 === 0 ? visible[c.pick % visible.length]! : name;
        lines.push(`${to} = malloc ${c.size}`);
        if (!visible.includes(to)) (f ?? globals).push(to);
      } else if (c.k <= 7) lines.push(`free ${visible[c.pick % visible.length]}`);
      else if (c.k === 8) {
        lines.push(`${name} = ${visible[c.pick % visible.length]}`);
        (f ?? globals).push(name);
      } else if (c.k === 9) lines.push(`${visible[c.pick % visible.length]} = null`);
      else if (ostep && (c.k === 10 || !allocs)) {
        lines.push(`+${c.size}`);
        globals.push(`ptr${allocs++}`);
      } else if (ostep) lines.push(`-${c.pick % allocs}`);
      else lines.push(`free ${visible[c.pick % visible.length]}`);
    });
    const memory = Math.max(64 * K, 1000 + g.heap + g.stack);
    return document(
      fc.tuple(
        exact(g.scheme),
        exact(g.title !== null && `title: ${g.title}`),
        exact(`memory: ${memory}`),
        line(`${kh}: ${g.heap}`),
        line(`${ks}: ${g.stack}`),
        line(`${khd}: ${g.header}`),
        line(`${ka}: ${g.align}`),
        line(`${kp}: ${listOf(g.placement, g.style)}`),
        line(`${kf}: ${g.order}`),
        line(`${kc}: ${g.coalesce}`),
        exact(lines.length > 0 && `${kt}: ${traceValue(lines, g.style)}`),
      ),
    ).map((text) => ({ scheme: 'stack-heap', text, steps: steps(lines) }));
  });

export interface GrammarOptions {
  /** Largest buddy memory, as a power of two of kilobytes: 22 (the default) reaches 4G, past 2^31 bytes. */
  buddyMaxMemoryLog?: number;
}


/** A valid (or, in one value now and then, near-valid) scenario of any built scheme. */
export const validScenario = (opts: GrammarOptions = {}): fc.Arbitrary<FuzzCase> => fc.oneof(paging, fixed, dynamic, buddy(opts.buddyMaxMemoryLog ?? 22), simplePaging, relocation, stackHeap);

/** Characters that mean something to YAML, and others that trip up readers of text. */
const INSERTS = [
  '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '#', '%', '@', '`', ':', '- ', ',', '?', '\t', '\r', '\r\n', '\uFEFF', '\u0000',
  '\u202E', '\u2028', 'é', '中', '🙂', '\u0301', '\\', ' ', '\n', '---\n', '...\n', '&a ', '*a', '!!map ', '<<: ',
];
const HUGE = ['9007199254740993', '99999999999999999999999', '1e308', '4294967296', '2147483648', '0xFFFFFFFFFFFF', '-0', '1.0000000001', '8G', '16G'];

export type Mutation =
  | { kind: 'delete' | 'duplicate' | 'swap' | 'delete-line' | 'duplicate-line' | 'swap-lines'; at: number }
  | { kind: 'insert' | 'huge'; at: number; text: string }
  | { kind: 'nest'; at: number; depth: number; open: string }
  | { kind: 'bom' | 'crlf' | 'tabs' };

const mutation = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'swap', 'delete-line', 'duplicate-line', 'swap-lines'), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: fc.string({ unit: 'grapheme', maxLength: 4 }) }),
  fc.record({ kind: fc.constant('huge'), at: fc.nat(), text: fc.constantFrom(...HUGE) }),
  fc.record({ kind: fc.constant('nest'), at: fc.nat(), depth: fc.integer({ min: 1, max: MAX_NESTING }), open: fc.constantFrom('[', '{', '- ') }),
  fc.record({ kind: fc.constantFrom('bom', 'crlf', 'tabs') }),
) as fc.Arbitrary<Mutation>;

/** Applies one mutation; positions wrap around the text (or its lines). */
export function mutate(text: string, m: Mutation): string {
  const at = 'at' in m ? m.at % (text.length + 1) : 0;
  const lines = text.split('\n');
  const li = 'at' in m ? m.at % lines.length : 0;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'duplicate':
      return text.slice(0, at + 1) + text.slice(at);
    case 'swap':
      return text.slice(0, at) + text.slice(at + 1, at + 2) + text.slice(at, at + 1) + text.slice(at + 2);
    case 'delete-line':
      return lines.filter((_, i) => i !== li).join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, li + 1), ...lines.slice(li)].join('\n');
    case 'swap-lines':
      return li + 1 < lines.length ? [...lines.slice(0, li), lines[li + 1], lines[li], ...lines.slice(li + 2)].join('\n') : text;
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'huge': {
      // the first number at or after `at` (else the first one) becomes a huge one
      const re = /\d+/g;
      re.lastIndex = at;
      const hit = re.exec(text) ?? /\d+/.exec(text);
      return hit ? text.slice(0, hit.index) + m.text + text.slice(hit.index + hit[0].length) : text + m.text;
    }
    case 'nest': {
      const close = m.open === '[' ? ']' : m.open === '{' ? '}' : '';
      return text.slice(0, at) + m.open.repeat(m.depth) + close.repeat(m.depth) + text.slice(at);
    }
    case 'bom':
      return '\uFEFF' + text;
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'tabs':
      return text.replace(/^ {2}/gm, '\t');
  }
}

/**
 * A trace list item written as a flow list or map (`- [load P1 4K]`): the parser must either read
 * the same operation or refuse the item with an error; dropping it silently changes the steps.
 */
export function wrapTraceItem(text: string, at: number, how: 'list' | 'map'): string | undefined {
  const items = [...text.matchAll(/^( {2}- )(\S.*)$/gm)];
  if (items.length === 0) return undefined;
  const m = items[at % items.length]!;
  const item = how === 'list' ? `[${m[2]}]` : `{${m[2]}}`;
  return text.slice(0, m.index!) + m[1] + item + text.slice(m.index! + m[0].length);
}

/** A valid scenario broken by one to four mutations (no step count is promised any more). */
export const mutatedScenario = (opts: GrammarOptions = {}): fc.Arbitrary<FuzzCase> =>
  fc.tuple(validScenario(opts), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([c, ms]) => ({ scheme: c.scheme, text: ms.reduce(mutate, c.text) }));

/** A valid scenario whose trace list has one item wrapped in `[ ]` or `{ }`: the same steps, or an error. */
export const wrappedItemScenario = (opts: GrammarOptions = {}): fc.Arbitrary<FuzzCase> =>
  fc.tuple(validScenario(opts), fc.nat(), fc.constantFrom('list' as const, 'map' as const)).map(([c, at, how]) => {
    const text = wrapTraceItem(c.text, at, how);
    return text === undefined ? c : { ...c, text };
  });

/** Every kind of case, in the proportions the fuzzer runs them. */
export const fuzzCase = (opts: GrammarOptions = {}): fc.Arbitrary<FuzzCase> =>
  fc.oneof({ weight: 4, arbitrary: validScenario(opts) }, { weight: 5, arbitrary: mutatedScenario(opts) }, { weight: 1, arbitrary: wrappedItemScenario(opts) });
