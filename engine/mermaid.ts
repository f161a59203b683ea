/**
 * Mermaid label escaping. Scenario text is data: every character that Mermaid's grammar or the
 * HTML it produces could read as syntax becomes a numeric entity code (`#60;`), which Mermaid
 * turns back into the plain character when it draws the label.
 */
export function mermaidLabel(text: string): string {
  return `"${text.replace(/[^A-Za-z0-9 .,:;+\-_/=*]/g, (c) => `#${c.codePointAt(0)};`)}"`;
}
