import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import { didYouMean, oneOf, type ScenarioError } from './errors.js';
import { readFlatMapping } from './flat-mapping.js';
import { scanNesting } from './nesting.js';
import { formatNumber, isPowerOfTwo, parseSize } from './units.js';

/** A word of a scalar with the offset in the scenario text where it starts. */
export interface Token {
  text: string;
  offset: number;
}

/** A non-blank line of a block scalar (`trace: |`), comment removed. */
export interface SourceLine {
  text: string;
  offset: number;
  line: number;
  column: number;
}

/** One `key: value` pair of the scenario's top-level mapping. */
export interface Entry {
  /** The key as written. */
  key: string;
  keyNode: Scalar;
  value: Node | null;
}

/**
 * The scenario text parsed as YAML, with everything a scheme needs to read its keys and to
 * report an error at the exact line and column. `lineOffset` shifts every reported line, so a
 * block inside a markdown file reports lines of that file.
 */
export class ScenarioSource {
  readonly errors: ScenarioError[] = [];
  /** Top-level entries by canonical key (lower case, `_` read as `-`). */
  readonly entries = new Map<string, Entry>();
  private readonly lines = new LineCounter();

  /**
   * @param lineOffset added to every reported line
   * @param flatReader read flat `key: value` texts without building a YAML document (see
   *   `readFlatMapping`); false always uses the `yaml` parser, which the tests compare against
   */
  constructor(
    readonly text: string,
    readonly lineOffset = 0,
    flatReader = true,
  ) {
    const flat = flatReader ? readFlatMapping(text, this.lines) : undefined;
    if (flat) {
      for (const pair of flat) this.add(pair.key, pair.value);
      return;
    }
    // Lines are counted from the text, not by the parser: while recovering from a syntax error, yaml
    // skips tokens that span line breaks without counting those lines.
    this.lines.lineStarts.length = 0; // the flat reader may have given up part way
    this.lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines.addNewLine(i + 1);
    const problem = scanNesting(text);
    if (problem) {
      this.errorAt(problem.offset, problem.message);
      return;
    }
    // The failsafe schema reads every scalar as text: the readers take what the author typed
    // (`0x1A2B`, `3, 4`), never YAML's numbers, booleans or nulls, and the bundle drops their tags.
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, schema: 'failsafe' });
    for (const e of doc.errors) this.errorAt(e.pos[0], yamlMessage(e.message));
    if (doc.errors.length) return;
    const root = doc.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
      this.errorAt(0, 'the scenario is empty: expected YAML keys such as scheme, frames and refs');
      return;
    }
    if (!isMap(root)) {
      this.errorAt(root.range?.[0] ?? 0, 'expected YAML keys (key: value, one per line), such as scheme: vm-paging');
      return;
    }
    for (const pair of root.items) {
      const keyNode = pair.key as Node;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        this.errorAt(keyNode?.range?.[0] ?? 0, 'expected a key made of letters, such as frames');
        continue;
      }
      this.add(keyNode as Scalar<string>, (pair.value as Node | null) ?? null);
    }
  }

  private add(keyNode: Scalar<string>, value: Node | null): void {
    const canonical = canonicalKey(keyNode.value);
    if (this.entries.has(canonical)) this.error(keyNode, `the key '${keyNode.value}' is given twice`);
    else this.entries.set(canonical, { key: keyNode.value, keyNode, value });
  }

  /** Line and column (1-based) of an offset into the scenario text. */
  position(offset: number): { line: number; column: number } {
    const p = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: p.line + this.lineOffset, column: p.col };
  }

  errorAt(offset: number, message: string): void {
    this.errors.push({ ...this.position(offset), message });
  }

  /** Reports an error at the start of a node (the whole document's start when there is none). */
  error(node: Node | null | undefined, message: string): void {
    this.errorAt(node?.range?.[0] ?? 0, message);
  }

  /**
   * The words of a scalar or sequence value, split on spaces and commas, each with its offset.
   * Reads the source text rather than the parsed value: YAML turns `0x1A2B` into a number and
   * `3, 4` into a string, and the scenario language wants what the author typed. Every item of a
   * sequence must be a scalar with at least one word; any other item is a positioned error, never
   * skipped. `key` names the value in those errors.
   */
  tokens(node: Node | null, key?: string): Token[] {
    if (node === null) return [];
    if (isSeq(node)) {
      const out: Token[] = [];
      for (const item of node.items) {
        if (!this.isItem(item, key, 'one value per item (a word or a number)')) continue;
        const words = this.tokens(item, key);
        if (words.length === 0) this.itemError(item, key, 'one value per item (a word or a number)', 'an empty item');
        for (const w of words) out.push(w);
      }
      return out;
    }
    if (!isScalar(node)) {
      this.error(node, `${key ? `${key}: ` : ''}expected a value, not a nested mapping`);
      return [];
    }
    const out: Token[] = [];
    const [start, end] = node.range ?? [0, 0];
    const line = node.type === 'PLAIN' ? this.text.slice(start, end) : '';
    // A one-line plain scalar holds no comment, no line break and no outer spaces: its words are the
    // words of its source text (the common case, read without contentLines' work per line).
    const lines = line !== '' && !line.includes('\n') ? [{ text: line, offset: start }] : this.contentLines(node);
    for (const l of lines) {
      const re = /[^\s,]+/g;
      for (let m = re.exec(l.text); m; m = re.exec(l.text)) out.push({ text: m[0], offset: l.offset + m.index });
    }
    return out;
  }

  /**
   * Whether a sequence item is a scalar with text the readers can take. Any other item (a list, a
   * mapping, an alias, an empty `-`) is reported at the item with what was `expected` there.
   */
  isItem(item: unknown, key: string | undefined, expected: string): item is Scalar {
    let got: string | undefined;
    if (isSeq(item)) got = 'a list';
    else if (isMap(item)) got = 'a mapping';
    else if (isAlias(item)) got = 'an alias';
    else if (!isScalar(item)) got = 'an empty item';
    else if (!item.value && item.range && item.range[0] === item.range[1]) got = 'an empty item';
    if (got === undefined) return true;
    this.itemError(item as Node | null, key, expected, got);
    return false;
  }

  private itemError(item: Node | null, key: string | undefined, expected: string, got: string): void {
    const [start, end] = item?.range ?? [0, 0];
    let at = start;
    // A `-` with nothing after it has an empty range where the next token would start: point at the `-`.
    const dash = start === end ? this.text.lastIndexOf('-', start) : -1;
    if (dash >= 0 && !this.text.slice(dash, start).includes('\n')) at = dash;
    this.errorAt(at, `${key ? `${key}: ` : ''}expected ${expected}; got ${got}`);
  }

  /**
   * The non-blank lines of a value with `#` comments removed, for operation lists such as `trace`.
   * A block scalar gives one line per source line; a plain scalar gives its lines the same way.
   */
  contentLines(node: Scalar): SourceLine[] {
    const [start, end] = node.range ?? [0, 0];
    let from = start;
    let to = end;
    const type = node.type;
    if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
      from += 1;
      to -= 1;
    } else if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
      const nl = this.text.indexOf('\n', start);
      from = nl < 0 || nl > end ? end : nl + 1;
    }
    const out: SourceLine[] = [];
    let offset = from;
    for (const raw of this.text.slice(from, to).split('\n')) {
      const hash = raw.search(/(^|\s)#/);
      const body = (hash < 0 ? raw : raw.slice(0, hash)).replace(/\r$/, '');
      const lead = body.length - body.trimStart().length;
      const text = body.trim();
      if (text) out.push({ text, offset: offset + lead, ...this.position(offset + lead) });
      offset += raw.length + 1;
    }
    return out;
  }

  /**
   * The value's source text in one string (for single-word values such as a size or a name).
   * Several words come back together, as written, so the caller refuses them rather than taking the
   * first: `memory: [1M, 2M]` is not a size.
   */
  word(node: Node | null, key?: string): Token | undefined {
    const tokens = this.tokens(node, key);
    if (tokens.length === 0) return undefined;
    const first = tokens[0]!;
    if (tokens.length === 1) return first;
    const last = tokens[tokens.length - 1]!;
    if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) {
      return { text: this.text.slice(first.offset, last.offset + last.text.length), offset: first.offset };
    }
    return { text: tokens.map((t) => t.text).join(' '), offset: first.offset };
  }
}

/** Keys compare case-insensitively and with `_` read as `-`, so `page_size` and `Page-Size` both work. */
export function canonicalKey(key: string): string {
  return key.trim().toLowerCase().replace(/_/g, '-');
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax error: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/**
 * The reading helpers a scheme's parser uses. Each returns undefined after reporting an error,
 * so a parser collects every error of a scenario in one pass instead of stopping at the first.
 */
export class ScenarioReader {
  constructor(readonly source: ScenarioSource) {}

  has(key: string): boolean {
    return this.source.entries.has(key);
  }

  entry(key: string): Entry | undefined {
    return this.source.entries.get(key);
  }

  /** Where to report that a key is missing: the `scheme` line when there is one, else line 1. */
  missing(key: string, example: string): void {
    const scheme = this.source.entries.get('scheme');
    this.source.error(scheme?.keyNode ?? null, `missing key '${key}': expected, for example, ${example}`);
  }

  /** A string such as a title. */
  text(key: string): string | undefined {
    const e = this.entry(key);
    if (!e || e.value === null) return undefined;
    if (!isScalar(e.value)) {
      this.source.error(e.value, `'${e.key}' expects text`);
      return undefined;
    }
    return String(e.value.value ?? '');
  }

  /** A size in bytes (`64M`, `4096`, `4KiB`). */
  size(key: string, opts: { min?: number; powerOfTwo?: boolean } = {}): number | undefined {
    const e = this.entry(key);
    if (!e) return undefined;
    const before = this.source.errors.length;
    const w = this.source.word(e.value, e.key);
    if (!w) {
      if (this.source.errors.length > before) return undefined;
      this.source.error(e.value ?? e.keyNode, `'${e.key}' expects a size such as 64M`);
      return undefined;
    }
    return this.sizeToken(e.key, w, opts);
  }

  sizeToken(key: string, w: Token, opts: { min?: number; powerOfTwo?: boolean } = {}): number | undefined {
    const r = parseSize(w.text);
    if ('error' in r) {
      this.source.errorAt(w.offset, `${key}: ${r.error}`);
      return undefined;
    }
    if (r.value < (opts.min ?? 1)) {
      this.source.errorAt(w.offset, `${key}: expected a size in bytes of at least ${opts.min ?? 1}, got '${w.text}'`);
      return undefined;
    }
    if (opts.powerOfTwo && !isPowerOfTwo(r.value)) {
      this.source.errorAt(w.offset, `${key}: expected a power of two (such as 1M or 64K), got '${w.text}'`);
      return undefined;
    }
    return r.value;
  }

  /**
   * The entry of `key` and the words of its value; undefined when the key is absent or its value
   * empty, which is an error saying what the key `expects` (unless reading the value reported one).
   */
  private tokensOf(key: string, expects: string): { e: Entry; tokens: Token[] } | undefined {
    const e = this.entry(key);
    if (!e) return undefined;
    const before = this.source.errors.length;
    const tokens = this.source.tokens(e.value, e.key);
    if (tokens.length) return { e, tokens };
    if (this.source.errors.length === before) this.source.error(e.value ?? e.keyNode, `'${e.key}' expects ${expects}`);
    return undefined;
  }

  /** One or more words drawn from `allowed` (any letter case, aliases mapped), in the order written. */
  words(key: string, allowed: readonly string[], aliases: Record<string, string> = {}): string[] | undefined {
    const tokens = this.tokensOf(key, `one or more of ${oneOf(allowed)}`)?.tokens;
    if (!tokens) return undefined;
    const out: string[] = [];
    let ok = true;
    for (const t of tokens) {
      const norm = t.text.toLowerCase().replace(/_/g, '-');
      const hit = allowed.find((a) => a.toLowerCase() === norm) ?? aliases[norm];
      // An alias must give an allowed word: a plain object's lookup also finds `constructor`.
      if (!allowed.includes(hit!)) {
        ok = false;
        this.source.errorAt(
          t.offset,
          `unknown ${key} '${t.text}': expected ${oneOf(allowed)}${didYouMean(t.text, [...allowed, ...Object.keys(aliases)])}`,
        );
      } else if (out.includes(hit)) {
        ok = false;
        this.source.errorAt(t.offset, `${key} '${t.text}' is listed twice`);
      } else out.push(hit);
    }
    return ok ? out : undefined;
  }

  /** One or more whole numbers in [min, max], written `3`, `3, 4` or `[3, 4]`. */
  integers(key: string, min: number, max: number, what: string): number[] | undefined {
    const read = this.tokensOf(key, what);
    if (!read) return undefined;
    const { e, tokens } = read;
    const out: number[] = [];
    let ok = true;
    for (const t of tokens) {
      const v = /^[+]?\d+$/.test(t.text) ? Number(t.text) : NaN;
      if (!Number.isInteger(v) || v < min || v > max) {
        ok = false;
        this.source.errorAt(t.offset, `${e.key}: expected ${what} from ${min} to ${formatNumber(max)}, got '${t.text}'`);
      } else out.push(v);
    }
    return ok ? out : undefined;
  }

  /**
   * The non-blank, comment-free lines of a block value such as `trace: |`, or of a list's items.
   * Every item must give at least one line; `item` says what one holds (for errors).
   */
  lines(key: string, item = "one operation per item, such as 'load P1 20M'"): SourceLine[] | undefined {
    const e = this.entry(key);
    if (!e) return undefined;
    if (e.value === null) return [];
    if (isSeq(e.value)) {
      const out: SourceLine[] = [];
      let ok = true;
      for (const node of e.value.items) {
        const lines = this.source.isItem(node, e.key, item) ? this.source.contentLines(node) : undefined;
        if (lines?.length === 0) this.source.error(node as Scalar, `${e.key}: expected ${item}; got an empty item`);
        if (!lines?.length) ok = false;
        else for (const l of lines) out.push(l);
      }
      return ok ? out : undefined;
    }
    if (!isScalar(e.value)) {
      this.source.error(e.value, `'${e.key}' expects one operation per line, written as a block: ${e.key}: |`);
      return undefined;
    }
    return this.source.contentLines(e.value);
  }
}
