import { describe, expect, it } from 'vitest';
import { SelectionHistory } from '../../src/selection/SelectionHistory.js';

/** The history as plain arrays: what the ring must do. */
class ArrayHistory {
  readonly past: number[] = [];
  readonly future: number[] = [];
  constructor(private readonly limit: number) {}
  record(previous: number): void {
    this.past.push(previous);
    if (this.past.length > this.limit) this.past.shift();
    this.future.length = 0;
  }
  back(current: number): number | undefined {
    const previous = this.past.pop();
    if (previous !== undefined) this.future.push(current);
    return previous;
  }
  forward(current: number): number | undefined {
    const next = this.future.pop();
    if (next !== undefined) this.past.push(current);
    return next;
  }
}

describe('SelectionHistory', () => {
  it('goes back and forward as a bounded pair of stacks would, over many wraps of its ring', () => {
    for (const limit of [0, 1, 3, 7]) {
      const history = new SelectionHistory<number>(limit);
      const reference = new ArrayHistory(limit);
      let seed = 12345 + limit;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let step = 0; step < 2000; step++) {
        const roll = random();
        if (roll < 0.6) {
          history.record(step);
          reference.record(step);
        } else if (roll < 0.8) expect(history.back(step)).toBe(reference.back(step));
        else expect(history.forward(step)).toBe(reference.forward(step));
        expect(history.backCount).toBe(reference.past.length);
        expect(history.forwardCount).toBe(reference.future.length);
      }
    }
  });

  it('keeps the newest steps when it records past its limit', () => {
    const history = new SelectionHistory<string>(2);
    for (const step of ['a', 'b', 'c', 'd']) history.record(step);
    expect(history.back('e')).toBe('d');
    expect(history.back('d')).toBe('c');
    expect(history.back('c')).toBeUndefined();
    expect(history.forward('c')).toBe('d');
    expect(history.forward('d')).toBe('e');
    expect(history.forward('e')).toBeUndefined();
  });
});
