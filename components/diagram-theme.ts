/**
 * Mermaid's colours taken from the element's theme. The theme's custom properties (`--_background`,
 * `--_text`, …; see styles.ts) are read where the diagram is drawn, so a page that overrides
 * `--mem-sim-*` gets a diagram in its own colours, light or dark.
 *
 * The engine's Mermaid source styles some nodes itself (`classDef process fill:#cfe3ff,…`): colours
 * chosen for black ink on white paper. Those colours keep their hue but have their lightness moved
 * onto the theme's own scale from paper (background) to ink (text), and every styled node gets the
 * label colour (ink or paper) that reads best on its fill.
 */

type Rgb = readonly [number, number, number];

/** The theme colours a diagram is drawn with, as `#rrggbb`. */
export interface DiagramPalette {
  background: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
}

let pixel: CanvasRenderingContext2D | undefined;

/**
 * Any CSS colour (named, `rgb()`, `oklch()`, …) as sRGB bytes, painted over `under` so a
 * translucent colour reads as it is seen. The browser parses it: Mermaid's colour library knows
 * fewer notations than CSS does, so it is handed only `#rrggbb`.
 */
function rgbOf(colour: string, under = '#ffffff'): Rgb {
  pixel ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
  pixel.fillStyle = '#ffffff';
  pixel.fillRect(0, 0, 1, 1);
  for (const c of [under, colour]) {
    // An invalid colour leaves fillStyle as it was, so it reads as the colour beneath it.
    pixel.fillStyle = c;
    pixel.fillRect(0, 0, 1, 1);
  }
  const [r, g, b] = pixel.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance. */
function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** `a` moved toward `b` by `t` (0 to 1). */
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as unknown as Rgb;

/**
 * A colour drawn for black ink on white paper, moved onto the scale from `paper` to `ink`: its grey
 * part (its lightness) becomes the shade between them, its colour (how far it is from that grey)
 * stays. White becomes the paper, black the ink, a pale blue a dark blue on dark paper.
 */
function onScale(c: Rgb, paper: Rgb, ink: Rgb): Rgb {
  const grey = (Math.max(...c) + Math.min(...c)) / 2;
  const shade = mix(paper, ink, 1 - grey / 255);
  return shade.map((v, i) => Math.min(255, Math.max(0, v + c[i]! - grey))) as unknown as Rgb;
}

/** Of the theme's ink and paper, the one that reads better on `fill`. */
function labelOn(fill: Rgb, palette: DiagramPalette): string {
  const [text, background] = [rgbOf(palette.text), rgbOf(palette.background)];
  return contrast(text, fill) >= contrast(background, fill) ? palette.text : palette.background;
}

/** The theme's colours on `host`, read from its computed custom properties at the time of the call. */
export function paletteOf(host: Element): DiagramPalette {
  const style = getComputedStyle(host);
  const background = rgbOf(style.getPropertyValue('--_background').trim());
  const read = (name: string) => hex(rgbOf(style.getPropertyValue(`--_${name}`).trim(), hex(background)));
  return { background: hex(background), text: read('text'), muted: read('muted'), border: read('border'), accent: read('accent') };
}

/**
 * Mermaid's `base` theme filled in from the palette: nodes tinted with the accent, their borders in
 * the accent, lines in the muted text colour, frames (subgraphs) on the background.
 */
export function themeVariables(palette: DiagramPalette, font: string): Record<string, string | boolean> {
  const background = rgbOf(palette.background);
  const node = hex(mix(background, rgbOf(palette.accent, palette.background), 0.14));
  const nodeText = labelOn(rgbOf(node), palette);
  return {
    darkMode: luminance(background) < 0.18,
    background: palette.background,
    fontFamily: font,
    primaryColor: node,
    mainBkg: node,
    nodeBkg: node,
    primaryTextColor: nodeText,
    nodeTextColor: nodeText,
    textColor: palette.text,
    titleColor: palette.text,
    primaryBorderColor: palette.accent,
    nodeBorder: palette.accent,
    lineColor: palette.muted,
    defaultLinkColor: palette.muted,
    arrowheadColor: palette.muted,
    secondaryColor: palette.background,
    secondaryTextColor: palette.text,
    secondaryBorderColor: palette.border,
    tertiaryColor: palette.background,
    tertiaryTextColor: palette.text,
    tertiaryBorderColor: palette.border,
    clusterBkg: palette.background,
    clusterBorder: palette.muted,
    edgeLabelBackground: palette.background,
  };
}

/** Properties of a Mermaid style list whose values are colours. */
const COLOUR_PROPERTIES = new Set(['fill', 'stroke', 'color', 'background', 'background-color']);

/**
 * The source with the colours of its `classDef` and `style` lines moved onto the palette's scale
 * (see the module comment), and a label colour added to every style that sets a fill without one.
 * Only those lines change: node labels never start a line (the engine escapes line breaks in them).
 */
export function restyle(source: string, palette: DiagramPalette): string {
  const paper = rgbOf(palette.background);
  const ink = rgbOf(palette.text);
  return source.replace(/^(\s*(?:classDef|style)\s+\S+\s+)(.+)$/gm, (_, head: string, list: string) => {
    let fill: Rgb | undefined;
    let labelled = false;
    const styles = list.split(',').map((item) => {
      const colon = item.indexOf(':');
      const name = item.slice(0, colon).trim().toLowerCase();
      if (colon < 0 || !COLOUR_PROPERTIES.has(name)) return item;
      const colour = onScale(rgbOf(item.slice(colon + 1).trim()), paper, ink);
      if (name === 'fill') fill = colour;
      if (name === 'color') labelled = true;
      return `${name}:${hex(colour)}`;
    });
    if (fill && !labelled) styles.push(`color:${labelOn(fill, palette)}`);
    return head + styles.join(',');
  });
}
