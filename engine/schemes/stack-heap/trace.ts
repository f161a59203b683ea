/**
 * The trace of stack-heap: `call FUNC [NAME SIZE | NAME = PTR, ...]`, `local NAME SIZE`,
 * `NAME = malloc SIZE`, `free NAME`, `NAME = OTHER [+ N]`, `NAME = null`, `return [NAME [-> CALLER]]`,
 * and OSTEP malloc.py's `+SIZE` and `-K` (several on a line, comma separated, as its `-A` takes them).
 *
 * Scope is followed here as the program runs it (a trace has no branches): a name in an expression
 * must be a pointer of the current frame or a global, `return` needs a frame, `-K` needs K earlier
 * `+SIZE`. Assignment outside any function makes a global pointer; inside one, a pointer local of the
 * current frame unless a global of that name exists. Each violation is a positioned error.
 */
import { nearestWord, oneOf } from '../../errors.js';
import type { ScenarioReader, SourceLine } from '../../source.js';
import { MAX_BYTES, parseSize } from '../../units.js';
import type { HeapOp, Param, StackHeapConfig } from './config.js';

const OPERATIONS = ['call', 'local', 'malloc', 'free', 'return'] as const;

interface Word {
  text: string;
  offset: number;
}

/**
 * Words of a line, split at spaces, with each comma a word of its own. Operators (`=`, `+`, `->`) are
 * words between spaces, so a name may hold any other character (names are text: `a(b)`, `x=y`).
 */
function words(l: SourceLine): Word[] {
  const out: Word[] = [];
  const re = /[^\s,]+|,/g;
  for (let m = re.exec(l.text); m; m = re.exec(l.text)) out.push({ text: m[0], offset: l.offset + m.index });
  return out;
}

const OPERATORS = new Set(['=', '+', '->', ',']);

/** What a name may be: a word that is not an operator, a number, malloc.py's +SIZE or -K, or a keyword. */
const isName = (t: string) => !OPERATORS.has(t) && !/^[+-]|^\d/.test(t) && !/^(null|nullptr|malloc|free|call|local|return)$/i.test(t);

/** `free(p)` and `malloc(16)` written as one word: the word inside the parentheses. */
const inParens = (t: string, fn: string): string | undefined => new RegExp(`^${fn}\\((.+)\\)$`, 'i').exec(t)?.[1];

type Kind = 'pointer' | 'data';
interface Scope {
  func: string;
  vars: Map<string, { kind: Kind; size: number; line: number }>;
}

/** Reads `trace`; reports every error it finds and returns undefined if there was any. */
export function parseTrace(r: ScenarioReader, c: Pick<StackHeapConfig, 'pointerSize'>): HeapOp[] | undefined {
  const src = r.source;
  const lines = r.lines('trace', "one operation per item, such as 'p = malloc 16'");
  if (lines === undefined) return r.has('trace') ? undefined : [];
  const before = src.errors.length;
  const frames: Scope[] = [];
  const globals = new Map<string, { line: number }>();
  let allocations = 0;
  const ops: HeapOp[] = [];
  const err = (w: Word, message: string) => src.errorAt(w.offset, message);
  const top = () => frames[frames.length - 1];
  const visible = () => [...(top()?.vars.keys() ?? []), ...globals.keys()];

  /**
   * A pointer named in an expression; undefined (after an error) when there is none of that name. `also`:
   * other words the author may have meant there (malloc and null on the right of `=`), for the suggestion.
   */
  const pointer = (w: Word, what: string, also: string[] = []): string | undefined => {
    if (!isName(w.text)) return void err(w, `${what}: '${w.text}' is not a pointer name`);
    const v = top()?.vars.get(w.text);
    if (v?.kind === 'data') return void err(w, `${what}: '${w.text}' is a ${v.size}-byte local (line ${v.line}), not a pointer`);
    if (v || globals.has(w.text)) return w.text;
    const near = nearestWord(w.text.replace(/\(.*$/, ''), [...visible(), ...also]);
    const where = top() ? `in ${top()!.func}'s frame or among the globals` : 'among the globals (no function has been called)';
    err(w, `${what}: unknown pointer '${w.text}': no pointer of that name ${where}${near ? `; did you mean '${near}'?` : ''}`);
  };
  /** A size in bytes of at least one. */
  const size = (w: Word | undefined, what: string, at: Word): number | undefined => {
    if (!w) return void err(at, `${what}: expected a size in bytes, such as 16`);
    const p = parseSize(w.text);
    if ('error' in p) return void err(w, `${what}: ${p.error}`);
    if (p.value < 1) return void err(w, `${what}: expected a size of at least 1 byte, got '${w.text}'`);
    if (p.value > MAX_BYTES) return void err(w, `${what}: '${w.text}' is too large`);
    return p.value;
  };
  /** Makes `name` an assignable pointer here, as the runtime will (see the file's comment). */
  const target = (w: Word, line: number): boolean => {
    if (!isName(w.text)) return void err(w, `'${w.text}' is not a name: a pointer's name is a word such as p or buffer`), false;
    const f = top();
    const v = f?.vars.get(w.text);
    if (v?.kind === 'data') return void err(w, `'${w.text}' is a ${v.size}-byte local (line ${v.line}), not a pointer: give the pointer another name`), false;
    if (!v && (!f || globals.has(w.text))) globals.set(w.text, { line });
    else if (!v) f!.vars.set(w.text, { kind: 'pointer', size: c.pointerSize, line });
    return true;
  };
  const extra = (w: Word | undefined, usage: string): boolean => (w ? (err(w, `unexpected '${w.text}': expected ${usage}`), true) : false);

  for (const l of lines) {
    const ws = words(l);
    // A C statement's semicolon ends the line, not the last word: `p = malloc(16);`, `free(p) ;`. A
    // line of a semicolon alone stays an unknown operation.
    const last = ws[ws.length - 1]!;
    if (last.text === ';' && ws.length > 1) ws.pop();
    else if (last.text.length > 1 && last.text.endsWith(';')) last.text = last.text.slice(0, -1);
    // The position goes last in each operation: `{ ...at, kind }` (a spread, then more properties)
    // gives every object a V8 map of its own, and every step's read of its operation then misses the
    // inline caches (about half a microsecond a read, issue 16's bench); `{ kind, ...at }` shares one.
    const at = { text: l.text, line: l.line, column: l.column };
    const head = ws[0]!;
    // OSTEP's -A list: +SIZE allocates ptrK, -K frees it.
    if (/^[+-]/.test(l.text.trim()) && /^[\s,]*[+-]/.test(l.text)) {
      for (const m of l.text.matchAll(/[^\s,]+/g)) {
        const w = { text: m[0], offset: l.offset + m.index! };
        const pos = src.position(w.offset);
        const opAt = { text: w.text, line: pos.line, column: pos.column };
        const plus = /^\+(.*)$/.exec(w.text);
        const minus = /^-(\d+)$/.exec(w.text);
        if (plus) {
          const n = plus[1] ? size({ text: plus[1], offset: w.offset + 1 }, `'${w.text}'`, w) : void err(w, `'+' needs a size in bytes: +10`);
          if (n === undefined) continue;
          const name = `ptr${allocations++}`;
          globals.set(name, { line: l.line });
          ops.push({ kind: 'malloc', name, size: n, global: true, ...opAt });
        } else if (minus) {
          const k = Number(minus[1]);
          if (k >= allocations) {
            const made = allocations ? `only ${allocations} allocation${allocations === 1 ? '' : 's'} (+SIZE) came before it: ptr0 to ptr${allocations - 1}` : 'no allocation (+SIZE) came before it';
            err(w, `'${w.text}' frees ptr${minus[1]!.replace(/^0+(?=\d)/, '')}, but ${made}`);
          }
          else ops.push({ kind: 'free', name: `ptr${k}`, ...opAt });
        } else err(w, `'${w.text}': OSTEP's operations are +SIZE (allocate, such as +10) and -K (free the K-th allocation, such as -0)`);
      }
      continue;
    }
    // NAME = ...
    if (ws[1]?.text === '=') {
      const rhs = ws[2];
      if (!rhs) {
        err(ws[1], `'${head.text} =' expects malloc SIZE, null, or another pointer`);
        continue;
      }
      const inner = inParens(rhs.text, 'malloc');
      if (/^malloc\(?$/i.test(rhs.text) || inner !== undefined) {
        // malloc 16, malloc(16), malloc( 16 )
        const args = inner !== undefined ? [{ text: inner, offset: rhs.offset + 7 }, ...ws.slice(3)] : ws.slice(3).map((w) => ({ ...w, text: w.text.replace(/^\(|\)$/g, '') })).filter((w) => w.text);
        const n = size(args[0], 'malloc', rhs);
        if (n === undefined || extra(args[1], 'one size: p = malloc 16') || !target(head, l.line)) continue;
        ops.push({ kind: 'malloc', name: head.text, size: n, global: false, ...at });
      } else if (/^(null|nullptr|NULL)$/i.test(rhs.text) || rhs.text === '0') {
        if (extra(ws[3], `nothing after null`) || !target(head, l.line)) continue;
        ops.push({ kind: 'assign', name: head.text, from: null, offset: 0, ...at });
      } else {
        const from = pointer(rhs, `${head.text} = ${rhs.text}`, ['malloc', 'null']);
        let offset = 0;
        if (from !== undefined && ws[3]) {
          if (ws[3].text !== '+' || !ws[4] || !/^\d+$/.test(ws[4].text)) {
            err(ws[3], `unexpected '${ws[3].text}': expected '${head.text} = ${rhs.text}' or '${head.text} = ${rhs.text} + N' (N bytes further)`);
            continue;
          }
          offset = Number(ws[4].text);
          if (extra(ws[5], `nothing after '+ ${ws[4].text}'`)) continue;
        }
        if (from === undefined || !target(head, l.line)) continue;
        ops.push({ kind: 'assign', name: head.text, from, offset, ...at });
      }
      continue;
    }
    const freed = inParens(head.text, 'free');
    const op = freed !== undefined ? 'free' : head.text.toLowerCase();
    if (op === 'call') {
      const func = ws[1];
      if (!func || !isName(func.text)) {
        err(func ?? head, `call expects a function name: call FUNC, call make n 4, call fill buf = p`);
        continue;
      }
      const rest = ws.slice(2);
      const params: Param[] = [];
      const names = new Map<string, { kind: Kind; size: number; line: number }>();
      let ok = true;
      for (let i = 0; i < rest.length; ) {
        const group: Word[] = [];
        while (i < rest.length && rest[i]!.text !== ',') group.push(rest[i++]!);
        i++;
        const [name, second, third] = group;
        if (!name) continue;
        if (!isName(name.text)) {
          err(name, `'${name.text}' is not a parameter name`);
          ok = false;
        }
        else if (names.has(name.text)) {
          err(name, `parameter '${name.text}' is named twice`);
          ok = false;
        }
        else if (second?.text === '=') {
          const from = third ? pointer(third, `parameter ${name.text}`) : void err(second, `parameter ${name.text} = expects a pointer of the caller`);
          if (from === undefined || extra(group[3], `one pointer: ${name.text} = p`)) ok = false;
          else {
            params.push({ name: name.text, size: c.pointerSize, from });
            names.set(name.text, { kind: 'pointer', size: c.pointerSize, line: l.line });
          }
        } else {
          const n = size(second, `parameter ${name.text}`, name);
          if (n === undefined || extra(group[2], `a parameter as NAME SIZE or NAME = POINTER, separated by commas`)) ok = false;
          else {
            params.push({ name: name.text, size: n });
            names.set(name.text, { kind: 'data', size: n, line: l.line });
          }
        }
      }
      if (!ok) continue;
      frames.push({ func: func.text, vars: names });
      ops.push({ kind: 'call', func: func.text, params, ...at });
    } else if (op === 'local') {
      const f = top();
      const name = ws[1];
      if (!f) {
        err(head, `local outside any function: call one first (call main)`);
        continue;
      }
      if (!name || !isName(name.text)) {
        err(name ?? head, `local expects a name and a size: local buf 64`);
        continue;
      }
      const n = size(ws[2], `local ${name.text}`, name);
      if (n === undefined || extra(ws[3], 'local NAME SIZE')) continue;
      const v = f.vars.get(name.text);
      if (v) {
        err(name, `'${name.text}' is already a local of ${f.func} (line ${v.line})`);
        continue;
      }
      f.vars.set(name.text, { kind: 'data', size: n, line: l.line });
      ops.push({ kind: 'local', name: name.text, size: n, ...at });
    } else if (op === 'free') {
      const args = freed !== undefined ? [{ text: freed, offset: head.offset + 5 }, ...ws.slice(1)] : ws.slice(1);
      if (!args[0]) {
        err(head, 'free expects a pointer: free p');
        continue;
      }
      const name = pointer(args[0], 'free');
      if (name === undefined || extra(args[1], 'one pointer: free p')) continue;
      ops.push({ kind: 'free', name, ...at });
    } else if (op === 'return') {
      const f = top();
      if (!f) {
        err(head, `return with no frame: no function has been called (or every one has returned)`);
        continue;
      }
      const value = ws[1] ? pointer(ws[1], 'return') : undefined;
      if (ws[1] && value === undefined) continue;
      let to: string | undefined;
      if (ws[2]) {
        if (ws[2].text !== '->' || !ws[3]) {
          err(ws[2], `expected 'return ${ws[1]!.text} -> NAME': the caller's pointer that receives it`);
          continue;
        }
        if (extra(ws[4], `return ${ws[1]!.text} -> NAME`)) continue;
        if (frames.length < 2) {
          err(ws[3], `${f.func} is the outermost function: no caller receives '${ws[3].text}'`);
          continue;
        }
      }
      frames.pop();
      if (ws[3] && !target(ws[3], l.line)) continue;
      to = ws[3]?.text;
      ops.push({ kind: 'return', value, to, ...at });
    } else if (op === 'malloc' || op.startsWith('malloc(')) {
      err(head, `malloc's result needs a pointer to hold it: NAME = malloc SIZE, such as p = malloc 16`);
    } else if (/^[^=]+=/.test(head.text)) {
      err(head, `'${head.text}': put spaces around '=', such as p = malloc 16`);
    } else {
      const near = nearestWord(head.text, [...OPERATIONS]);
      err(head, `unknown operation '${head.text}': expected ${oneOf(OPERATIONS)}, NAME = malloc SIZE, NAME = OTHER, +SIZE or -K${near ? `; did you mean '${near}'?` : ''}`);
    }
  }
  return src.errors.length > before ? undefined : ops;
}
