/**
 * The drop-in upgrader: turns the memsim code blocks that markdown tools write into `<mem-sim>`
 * elements. It replaces each block's outermost wrapper with `<mem-sim>` holding
 * `<pre><code class="language-memsim">` and the same text, and leaves alone anything already
 * inside a `<mem-sim>` (such as the Eleventy plugin's output).
 *
 * Shapes: `pre > code.language-memsim` (markdown-it; Jekyll for a language rouge does not know),
 * `figure.highlight > pre > code.language-memsim` (Jekyll's `{% highlight memsim %}`), and
 * `div.language-memsim.highlighter-rouge` (Jekyll when a memsim lexer is registered). The class
 * `language-memsim` matches in any ASCII letter case (`language-MEMSIM`: markdown-it copies the
 * info string's first word as written), the rule the CLI and the plugins apply to the info string.
 */

/** The class `language-memsim`, ASCII case-insensitively (the selector's `i` flag). */
const MEMSIM = '[class~="language-memsim" i]';
const ROUGE = `div.highlighter-rouge${MEMSIM}`;
const BLOCKS = `code${MEMSIM}, ${ROUGE}`;

/** The element a block's `<mem-sim>` replaces, or undefined for code that is not a block (inline code). */
function wrapperOf(el: Element): Element | undefined {
  const rouge = el.closest(ROUGE);
  if (rouge) return rouge;
  const pre = el.parentElement;
  if (pre?.localName !== 'pre') return undefined;
  return pre.parentElement?.matches('figure.highlight') ? pre.parentElement : pre;
}

/**
 * The block's scenario text. With `linenos`, rouge writes a table whose gutter holds the line
 * numbers: read only its code cell (`td.code`, or `td.rouge-code` in newer rouge).
 */
function textOf(wrapper: Element): string {
  const code = wrapper.querySelector('td.rouge-code, td.code') ?? wrapper.querySelector('code') ?? wrapper;
  return code.textContent ?? '';
}

/**
 * Replaces every memsim block in `root` (and `root` itself, when it is one) with a `<mem-sim>`.
 * @returns the new elements, in document order
 */
export function upgradeBlocks(root: ParentNode = document): HTMLElement[] {
  const found = [...root.querySelectorAll(BLOCKS)];
  if (root instanceof Element && root.matches(BLOCKS)) found.unshift(root);
  const wrappers = new Set<Element>();
  for (const el of found) {
    const wrapper = wrapperOf(el);
    if (wrapper && !wrapper.closest('mem-sim')) wrappers.add(wrapper);
  }
  return [...wrappers].map((wrapper) => {
    const sim = document.createElement('mem-sim');
    const pre = document.createElement('pre');
    const code = document.createElement('code');
    code.className = 'language-memsim';
    code.textContent = textOf(wrapper);
    pre.append(code);
    sim.append(pre);
    wrapper.replaceWith(sim);
    return sim;
  });
}

/**
 * Upgrades the blocks in the document now and every block added later (pages that render
 * markdown in the browser, or load posts as the reader scrolls).
 * @returns the observer, to `disconnect()` it
 */
export function upgradeDocument(doc: Document = document): MutationObserver {
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) upgradeBlocks(node);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  upgradeBlocks(doc);
  return observer;
}
