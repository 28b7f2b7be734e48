import { describe, expect, it } from 'vitest';
import { neighbour } from './keyboard-navigation';

/** Names stand for their place in reading order; given shuffled, as a page's scanner may find them. */
const names = [3, 0, 4, 1, 2];
const order = (a: number, b: number) => a - b;

describe('neighbour', () => {
  it('starts at the first name going forward and at the last going back when no card is open', () => {
    expect(neighbour(names, null, 'next', order)).toBe(0);
    expect(neighbour(names, null, 'previous', order)).toBe(4);
  });

  it('moves one name in reading order', () => {
    expect(neighbour(names, 2, 'next', order)).toBe(3);
    expect(neighbour(names, 2, 'previous', order)).toBe(1);
  });

  it('wraps around at both ends', () => {
    expect(neighbour(names, 4, 'next', order)).toBe(0);
    expect(neighbour(names, 0, 'previous', order)).toBe(4);
  });

  it('stays on the only name there is, and finds none on a page without names', () => {
    expect(neighbour([7], 7, 'next', order)).toBe(7);
    expect(neighbour([7], 7, 'previous', order)).toBe(7);
    expect(neighbour([7], null, 'previous', order)).toBe(7);
    expect(neighbour([], null, 'next', order)).toBeNull();
  });

  it('starts over when the open card’s name is no longer among them', () => {
    expect(neighbour([1, 2], 9, 'next', order)).toBe(1);
    expect(neighbour([1, 2], 9, 'previous', order)).toBe(2);
  });
});
