/**
 * Defines a custom element unless the tag is taken, so a page that loads both the drop-in script and
 * the npm modules (or one script twice) keeps working instead of throwing.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
