import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { memoryBarStyles, renderMemoryBar, type BarBlock, type BarOptions } from '../../components/views/memory-bar.js';

const K = 1024;
const M = 1024 * K;

/** Draws a bar in a shadow root of the given width, with the bar's own styles and the theme's colours. */
function draw(blocks: BarBlock[], memory: number, options: BarOptions = { label: 'memory' }, width = 640): ShadowRoot {
  const host = document.createElement('div');
  host.style.cssText = `width: ${width}px; --_text: #1b1b1f; --_muted: #55565c; --_border: #b8bac2; --_background: #fff`;
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [memoryBarStyles.styleSheet!];
  render(renderMemoryBar(blocks, memory, options), root);
  return root;
}

const block = (start: number, size: number, kind: BarBlock['kind'], name = '', extra: Partial<BarBlock> = {}): BarBlock => ({
  start,
  size,
  kind,
  name,
  text: `${name || kind} ${size} at ${start}`,
  ...extra,
});

/** Each drawn block's left edge and width in pixels, in a bar 640 px wide inside its 1px border. */
const geometry = (root: ShadowRoot) => {
  const bar = root.querySelector('.bar')!.getBoundingClientRect();
  return [...root.querySelectorAll<HTMLElement>('.block')].map((b) => {
    const r = b.getBoundingClientRect();
    return [Math.round(r.left - bar.left - 1), Math.round(r.width)];
  });
};

afterEach(() => {
  for (const host of document.body.querySelectorAll(':scope > div')) host.remove();
});

describe('the memory bar', () => {
  it('draws memory to scale from address 0 at the left: the OS region, processes and holes', () => {
    const root = draw([block(0, 8 * M, 'os', 'OS'), block(8 * M, 20 * M, 'process', 'P1'), block(28 * M, 36 * M, 'hole')], 64 * M, { label: 'memory' }, 642);
    expect(geometry(root)).to.deep.equal([
      [0, 80],
      [80, 200],
      [280, 360],
    ]);
    expect([...root.querySelectorAll('.block')].map((b) => b.className.trim())).to.deep.equal(['block os', 'block process', 'block hole']);
    expect([...root.querySelectorAll('.block small')].map((s) => s.textContent)).to.deep.equal(['8M', '20M', '36M']);
  });

  it('shades the space a process leaves unused inside its partition or block (internal fragmentation), at the high end', () => {
    const root = draw([block(0, 8 * M, 'process', 'A', { used: 2 * M }), block(8 * M, 8 * M, 'free', '#1')], 16 * M, { label: 'memory', borders: true }, 642);
    const a = root.querySelector<HTMLElement>('.block')!;
    const lost = root.querySelector<HTMLElement>('.lost')!.getBoundingClientRect();
    // A quarter of the partition (inside its border) is in use; the other three quarters are shaded.
    const inside = a.clientWidth;
    expect([Math.round(lost.left - a.getBoundingClientRect().left), Math.round(lost.width)]).to.deep.equal([Math.round(inside / 4), Math.round((inside * 3) / 4)]);
    expect(root.querySelectorAll('.lost').length).to.equal(1);
    expect(root.querySelector('.memory')!.classList.contains('borders')).to.equal(true);
  });

  it('gathers runs of blocks too narrow to see into one strip whose tooltip says what it holds; the placed block stays on its own', () => {
    const blocks = [block(0, 60 * M, 'process', 'big')];
    for (let i = 0; i < 8; i++) blocks.push(block(60 * M + i * 4 * K, 4 * K, i % 2 ? 'hole' : 'process', i % 2 ? '' : `p${i}`));
    blocks.push(block(60 * M + 32 * K, 4 * K, 'process', 'new', { current: true }));
    blocks.push(block(60 * M + 36 * K, 4 * M - 36 * K, 'hole'));
    const root = draw(blocks, 64 * M);
    const drawn = [...root.querySelectorAll<HTMLElement>('.block')].sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
    expect(drawn.map((b) => b.className.trim())).to.deep.equal(['block process', 'block process many', 'block process current', 'block hole']);
    expect(drawn[1]!.title).to.equal('8 small blocks from 60M to 61472K: 4 in use (16K), 4 free (16K)');
    // Too narrow for words: they are in the tooltip and the text alternative.
    expect(drawn[1]!.textContent!.trim()).to.equal('');
    expect(drawn[2]!.getBoundingClientRect().width).to.be.at.least(2);
  });

  it('has a text alternative: every block in words, the pointer too; a map of many blocks is counted instead', () => {
    const root = draw([block(0, 8 * M, 'os', 'OS'), block(8 * M, 8 * M, 'hole')], 16 * M, { label: 'first-fit: memory', marker: { at: 8 * M, text: 'next-fit' } });
    const bar = root.querySelector('.bar')!;
    expect(bar.getAttribute('role')).to.equal('img');
    expect(bar.getAttribute('aria-label')).to.equal('first-fit: memory from 0 to 16M: OS 8388608 at 0; hole 8388608 at 8388608; next-fit pointer at 8M');
    expect(root.querySelector('.addresses')!.getAttribute('aria-hidden')).to.equal('true');
    const many = Array.from({ length: 50 }, (_, i) => block(i * K, K, i % 2 ? 'hole' : 'process', `p${i}`));
    const counted = draw(many, 50 * K).querySelector('.bar')!.getAttribute('aria-label');
    expect(counted).to.equal('memory from 0 to 50K in 50 blocks: 25 held by processes and 25 free; the table lists them');
  });

  it('prints 0, the end and the block starts that have room under the bar, and drops crowded ones when narrow', () => {
    const blocks = [block(0, 8 * M, 'os', 'OS'), block(8 * M, 20 * M, 'process', 'P1'), block(28 * M, 14 * M, 'process', 'P2'), block(42 * M, 18 * M, 'process', 'P3'), block(60 * M, 4 * M, 'hole')];
    const shown = (root: ShadowRoot) =>
      [...root.querySelectorAll<HTMLElement>('.addresses span')].filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.textContent);
    // 60M is too close to the end to print; 8M is dropped only when the bar is narrow.
    expect(shown(draw(blocks, 64 * M, { label: 'memory' }, 640))).to.deep.equal(['0', '8M', '28M', '42M', '64M']);
    expect(shown(draw(blocks, 64 * M, { label: 'memory' }, 300))).to.deep.equal(['0', '28M', '42M', '64M']);
  });
});
