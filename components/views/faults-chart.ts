/**
 * Faults against frames, one line per policy, for a scenario whose `frames` is a range (`1-7`): an
 * SVG chart of our own (not Mermaid), each line with its own dash pattern and point shape besides its
 * colour, and the same numbers as a table (a row per frame count, so it stays narrow at 320 px), the
 * chart's text alternative. A frame count where a
 * policy faults more than with fewer frames is named in words: Belady's anomaly.
 *
 * Every run's view holds one; only the last run's draws, so the chart sits under every table. In the
 * chunk of the hardware panel (vm-paging-extras.ts), which the vm-paging view imports only for a
 * scenario with a range or hardware keys.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { SchemeModule } from '../../engine/scheme.js';
import type { PagingConfig, PagingEvent, PagingFields, PagingState } from '../../engine/schemes/vm-paging/index.js';
import type { Timeline } from '../../engine/timeline.js';
import { countFaults } from '../../engine/fast/page-faults.js';
import { define } from '../define.js';

type PagingModule = SchemeModule<PagingConfig, PagingState, PagingEvent, PagingFields>;

/** One policy's line: its fault count at each frame count, frame counts ascending. */
export interface FaultLine {
  policy: string;
  points: { frames: number; faults: number }[];
}

/**
 * Every run's fault count, by policy, frame counts ascending. The fast path (engine/fast) counts
 * the policies it knows; any other is stepped through the scheme, which gives the same counts.
 */
export function faultLines(module: PagingModule, c: PagingConfig): FaultLine[] {
  const pages = Int32Array.from(c.refs, (r) => r.page);
  const frames = [...c.frames].sort((a, b) => a - b);
  return c.policies.map((policy) => ({
    policy,
    points: frames.map((count) => {
      try {
        return { frames: count, faults: countFaults(pages, count, policy).faults };
      } catch {
        const run = { label: '', fields: { policy, frames: count } };
        const s = module.initial(c, run);
        for (let i = 0; i < c.refs.length; i++) module.step!(c, run, s, i);
        return { frames: count, faults: s.faults };
      }
    }),
  }));
}

/** Each frame count where a line faults more than at the frame count before it: Belady's anomaly. */
export function anomalies(lines: readonly FaultLine[]): string[] {
  return lines.flatMap(({ policy, points }) =>
    points.slice(1).flatMap((q, i) => {
      const before = points[i]!;
      return q.faults > before.faults ? [`${policy} faults more with ${q.frames} frames (${q.faults}) than with ${before.frames} (${before.faults}): Belady's anomaly`] : [];
    }),
  );
}

/** An SVG element built directly: lit's `svg` tag would move into the core chunk, which loads before every first render. */
function node(tag: string, attributes: Record<string, string | number>, children: (Node | string)[] = []): SVGElement {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
}

const DASH = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];
const W = 320;
const H = 180;
const PAD = { left: 36, right: 10, top: 10, bottom: 30 };

/**
 * The chart and its table.
 *
 * @tagname mem-sim-faults-chart
 * @csspart chart - the SVG chart
 * @csspart chart-table - the table of the same numbers
 */
export class FaultsChart extends LitElement {
  static override properties = { timeline: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
      margin: 0.6rem 0 0;
      font-size: 0.9em;
    }
    svg {
      max-width: 100%;
      height: auto;
      color: var(--_text, currentColor);
    }
    text {
      fill: currentColor;
      font-size: 10px;
    }
    .axis {
      stroke: var(--_muted, currentColor);
    }
    table {
      border-collapse: collapse;
      margin: 0.3rem 0;
    }
    th,
    td {
      border: 1px solid var(--_border, currentColor);
      padding: 0.1em 0.4em;
      text-align: right;
    }
    p {
      margin: 0.2rem 0;
    }
  `;

  declare timeline?: Timeline<PagingConfig, PagingState, PagingEvent, PagingFields>;
  private _lines?: FaultLine[];
  private _for?: PagingConfig;

  override render() {
    const t = this.timeline;
    const c = t?.config;
    const last = <T>(xs: readonly T[]) => xs[xs.length - 1];
    if (!c?.framesRange || last(c.policies) !== t!.run.fields.policy || last(c.frames) !== t!.run.fields.frames) return nothing;
    if (this._for !== c) {
      this._lines = faultLines(t!.scheme, c);
      this._for = c;
    }
    const lines = this._lines!;
    const frames = lines[0]!.points.map((q) => q.frames);
    const max = Math.max(1, ...lines.flatMap((l) => l.points.map((q) => q.faults)));
    const lo = frames[0]!;
    const hi = frames[frames.length - 1]!;
    const x = (f: number) => PAD.left + (hi === lo ? 0.5 : (f - lo) / (hi - lo)) * (W - PAD.left - PAD.right);
    const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
    const notes = anomalies(lines);
    const hue = (i: number) => `hsl(${(i * 137) % 360} 65% 45%)`;
    const yTicks = [0, Math.round(max / 2), max];
    const chart = node('svg', { part: 'chart', viewBox: `0 0 ${W} ${H}`, width: W, role: 'img', 'aria-label': `Page faults against frames for ${lines.map((l) => l.policy).join(', ')}; the table below gives the numbers` }, [
      node('line', { class: 'axis', x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }),
      node('line', { class: 'axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom }),
      ...frames.map((f) => node('text', { x: x(f), y: H - PAD.bottom + 12, 'text-anchor': 'middle' }, [String(f)])),
      ...yTicks.map((v) => node('text', { x: PAD.left - 4, y: y(v) + 3, 'text-anchor': 'end' }, [String(v)])),
      node('text', { x: (PAD.left + W - PAD.right) / 2, y: H - 4, 'text-anchor': 'middle' }, ['frames']),
      node('text', { x: 10, y: (PAD.top + H - PAD.bottom) / 2, 'text-anchor': 'middle', transform: `rotate(-90 10 ${(PAD.top + H - PAD.bottom) / 2})` }, ['faults']),
      ...lines.map((l, i) =>
        node('g', { stroke: hue(i), fill: hue(i) }, [
          node('polyline', { fill: 'none', 'stroke-width': 2, 'stroke-dasharray': DASH[i % DASH.length]!, points: l.points.map((q) => `${x(q.frames)},${y(q.faults)}`).join(' ') }),
          // Points differ in shape as well as colour: circles and squares in turn.
          ...l.points.map((q) =>
            i % 2 ? node('rect', { x: x(q.frames) - 3, y: y(q.faults) - 3, width: 6, height: 6 }) : node('circle', { cx: x(q.frames), cy: y(q.faults), r: 3 }),
          ),
          // The key, top right (where few faults at many frames leave room): a sample of the line, then its policy.
          node('line', { x1: W - PAD.right - 20, x2: W - PAD.right, y1: PAD.top + 7 + i * 12, y2: PAD.top + 7 + i * 12, 'stroke-width': 2, 'stroke-dasharray': DASH[i % DASH.length]! }),
          node('text', { x: W - PAD.right - 24, y: PAD.top + 10 + i * 12, 'text-anchor': 'end', stroke: 'none' }, [l.policy]),
        ]),
      ),
    ]);
    return html`${chart}
      <table part="chart-table">
        <caption>
          Page faults by frame count
        </caption>
        <thead>
          <tr>
            <th scope="col">frames</th>
            ${lines.map((l) => html`<th scope="col">${l.policy}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${frames.map((f, j) => html`<tr><th scope="row">${f}</th>${lines.map((l) => html`<td>${l.points[j]!.faults}</td>`)}</tr>`)}
        </tbody>
      </table>
      ${notes.map((t) => html`<p>${t}</p>`)}`;
  }
}

define('mem-sim-faults-chart', FaultsChart);

declare global {
  interface HTMLElementTagNameMap {
    'mem-sim-faults-chart': FaultsChart;
  }
}
