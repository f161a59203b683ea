// The docs site's progressive enhancements: a Copy button on each code block, and the search box
// (Pagefind). Without JavaScript the page is complete: code stays selectable and the box stays hidden.
// Page text only ever goes in through textContent, never as markup.

/** One polite live region for the whole page, so every Copy button's result is announced. */
const status = document.createElement('p');
status.className = 'visually-hidden';
status.setAttribute('aria-live', 'polite');
document.body.append(status);

function say(message) {
  // Cleared first, so the same message twice in a row is announced twice.
  status.textContent = '';
  setTimeout(() => {
    status.textContent = message;
  }, 50);
}

function addCopyButtons() {
  if (!navigator.clipboard) return;
  // The simulators' scenario text is hidden once they upgrade: it gets no button.
  for (const pre of document.querySelectorAll('main pre:not(mem-sim pre)')) {
    const code = pre.querySelector('code') ?? pre;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    const language = /\blanguage-(\w+)/.exec(code.className)?.[1];
    button.setAttribute('aria-label', language && language !== 'text' ? `Copy the ${language} code` : 'Copy the code');
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        button.textContent = 'Copied';
        say('Copied to the clipboard');
      } catch {
        button.textContent = 'Copy failed';
        say('Could not copy: select the text and copy it instead');
      }
      setTimeout(() => {
        button.textContent = 'Copy';
      }, 2000);
    });
    wrapper.append(pre, button);
  }
}

/** Pagefind's excerpt is HTML with <mark> around the hits: rebuilt as text nodes and <mark> elements. */
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const nodes = [];
  for (const n of doc.body.firstChild?.childNodes ?? []) {
    if (n.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = n.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(n.textContent ?? ''));
  }
  return nodes;
}

function setUpSearch() {
  const box = document.querySelector('.site-search');
  if (!box) return;
  const form = box.querySelector('form');
  const input = box.querySelector('input');
  const list = box.querySelector('.site-search-results');
  const announce = box.querySelector('#site-search-status');
  let pagefind;
  let latest = 0;
  const load = () => (pagefind ??= import(new URL('pagefind.js', new URL(box.dataset.pagefindBundle, location.href)).href));

  async function search() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      list.hidden = true;
      announce.textContent = '';
      return;
    }
    let results;
    try {
      const found = await (await load()).debouncedSearch(query, {}, 150);
      if (found === null || ticket !== latest) return; // a newer query superseded this one
      results = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
    } catch {
      announce.textContent = 'Search is unavailable (the index was not built).';
      return;
    }
    if (ticket !== latest) return;
    list.replaceChildren(
      ...results.map((r) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = r.url;
        a.textContent = r.meta?.title ?? r.url;
        const p = document.createElement('p');
        p.append(...excerptNodes(r.excerpt));
        li.append(a, p);
        return li;
      }),
    );
    list.hidden = results.length === 0;
    announce.textContent = results.length ? `${results.length} result${results.length === 1 ? '' : 's'}` : 'No results';
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    list.querySelector('a')?.focus();
  });
  input.addEventListener('focus', () => void load().catch(() => {}), { once: true });
  input.addEventListener('input', search);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !list.hidden) {
      list.hidden = true;
      input.focus();
    }
  });
  box.hidden = false;
}

addCopyButtons();
setUpSearch();
