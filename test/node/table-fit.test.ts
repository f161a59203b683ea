import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scrollFor } from '../../components/views/table-fit.js';

// Ten 20-pixel columns seen 60 pixels at a time (three columns): the table scrolls up to 140.
const WIDTH = 20;
const VIEW = 60;
const END = 10 * WIDTH - VIEW;

/** Whether column `c` (0-based) is wholly in view at scroll position `left`. */
const inView = (c: number, left: number) => c * WIDTH >= left && (c + 1) * WIDTH <= left + VIEW;

describe('scrolling a frame table to its current column (table-fit.ts scrollFor)', () => {
  it('puts every current column wholly in view, resting on a column edge, from any position', () => {
    for (let from = 0; from <= END; from += WIDTH)
      for (let c = 0; c < 10; c++) {
        const left = scrollFor(from, c, WIDTH, VIEW, END);
        assert.ok(inView(c, left), `column ${c} from ${from}: ${left}`);
        assert.equal(left % WIDTH, 0);
      }
  });

  it('does not move when the current column is already in view, and otherwise moves the least', () => {
    assert.equal(scrollFor(40, 3, WIDTH, VIEW, END), 40);
    assert.equal(scrollFor(40, 1, WIDTH, VIEW, END), 20, 'back until the column meets the left edge');
    assert.equal(scrollFor(0, 5, WIDTH, VIEW, END), 60, 'on until the column meets the right edge');
  });

  it('with no current column keeps the position, within the scroll range', () => {
    assert.equal(scrollFor(40, -1, WIDTH, VIEW, END), 40);
    assert.equal(scrollFor(500, -1, WIDTH, VIEW, END), END);
    assert.equal(scrollFor(500, 2, WIDTH, 300, 0), 0, 'a table that fits does not scroll');
  });
});
