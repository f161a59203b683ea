// The sidebar's shape, from the `nav` collection: pages in order, and the pages tagged `scheme`
// (one per file in site/schemes/, whatever schemes exist) gathered into one "Schemes" group where
// the first of them falls, so a new scheme's page joins the menu without an edit here.

/**
 * @param {{ url: string, data: { tags?: string[] } }[]} pages the `nav` collection, in order
 * @returns {({ item: object } | { group: string, items: object[] })[]}
 */
export function navTree(pages) {
  const tree = [];
  let schemes;
  for (const page of pages ?? []) {
    if (!page.data.tags?.includes('scheme')) tree.push({ item: page });
    else if (schemes) schemes.items.push(page);
    else tree.push((schemes = { group: 'Schemes', items: [page] }));
  }
  return tree;
}
