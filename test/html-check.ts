/**
 * A structural check of the HTML the plugins write: the markup read as a browser's tokenizer reads
 * it (tags, attribute names and values), then every element and attribute compared with the set
 * the fallback may write. Text that escaped wrongly shows up here as a stray tag or attribute, not
 * as a substring that might or might not be harmful.
 */

export interface Tag {
  name: string;
  closing: boolean;
  attributes: [name: string, value: string][];
}

/** What the static fallback, the error box and the `<mem-sim>` wrapper may contain. */
export const FALLBACK_TAGS = new Set([
  'mem-sim', 'pre', 'code', 'div', 'p', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td',
  'dl', 'dt', 'dd', 'details', 'summary', 'ol', 'ul', 'li',
]);
export const FALLBACK_ATTRIBUTES = new Set(['class', 'tabindex', 'scope', 'data-line']);

/**
 * The tags of an HTML text in order, and the problems a tokenizer meets: a `<` that starts a
 * comment, a doctype or a processing instruction (the fallback writes none), or a tag left open.
 */
export function readTags(html: string): { tags: Tag[]; problems: string[] } {
  const tags: Tag[] = [];
  const problems: string[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) >= 0) {
    const next = html[i + 1] ?? '';
    if (next === '!' || next === '?') {
      problems.push(`markup declaration at ${i}: ${html.slice(i, i + 40)}`);
      i++;
      continue;
    }
    const closing = next === '/';
    const nameStart = closing ? i + 2 : i + 1;
    const name = /^[a-zA-Z][^\s/>]*/.exec(html.slice(nameStart, nameStart + 100))?.[0];
    if (!name) {
      i++; // a `<` a tokenizer reads as text
      continue;
    }
    let j = nameStart + name.length;
    const attributes: [string, string][] = [];
    for (;;) {
      while (/[\s/]/.test(html[j] ?? '')) j++;
      if (j >= html.length) {
        problems.push(`tag <${name}> never closed`);
        break;
      }
      if (html[j] === '>') break;
      const attr = /^[^\s"'>/=][^\s"'>/=]*/.exec(html.slice(j))?.[0] ?? html[j]!;
      j += attr.length;
      while (/\s/.test(html[j] ?? '')) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (/\s/.test(html[j] ?? '')) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          value = /^[^\s>]*/.exec(html.slice(j))![0];
          j += value.length;
        }
      }
      attributes.push([attr.toLowerCase(), value]);
    }
    tags.push({ name: name.toLowerCase(), closing, attributes });
    i = j + 1;
  }
  return { tags, problems };
}

/** Everything in `html` outside the allowed elements and attributes, and any script URL; empty when clean. */
export function unexpectedMarkup(html: string, allowedTags = FALLBACK_TAGS, allowedAttributes = FALLBACK_ATTRIBUTES): string[] {
  const { tags, problems } = readTags(html);
  for (const t of tags) {
    if (!allowedTags.has(t.name)) problems.push(`element <${t.closing ? '/' : ''}${t.name}>`);
    for (const [name, value] of t.attributes) {
      if (!allowedAttributes.has(name)) problems.push(`attribute ${name}="${value}" on <${t.name}>`);
      if (/^\s*(javascript|vbscript|data):/i.test(decodeEntities(value))) problems.push(`script URL in ${name} on <${t.name}>`);
    }
  }
  return problems;
}

/** The text of an HTML fragment: tags removed, entities decoded (the characters a reader sees). */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}
