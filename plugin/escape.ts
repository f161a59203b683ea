/**
 * HTML escaping for everything the plugins emit. Scenario text is data written by authors (and,
 * on a site that accepts contributions, by strangers), so every string that reaches the page goes
 * through one of these, never straight into markup.
 */

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value: `&`, `<`, `>`, `"` and `'` become entities. */
export function escapeHtml(text: string): string {
  // Most of what a fallback escapes is page numbers: test before building a new string.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => TEXT[c]!) : text;
}

const SPECIAL = /[&<>"']/;

/**
 * ` name="value"` for each attribute with a defined value, names in the order given. Names are
 * the plugin's own (never user input); values are escaped.
 */
export function attributes(attrs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}
