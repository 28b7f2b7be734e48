import { describe, expect, it } from 'vitest';
import { nextIndex } from './keyboard-navigation';

describe('nextIndex', () => {
  it('starts at the first name going forward and at the last going back when no card is open', () => {
    expect(nextIndex(5, -1, 'next')).toBe(0);
    expect(nextIndex(5, -1, 'previous')).toBe(4);
  });

  it('moves one name in reading order', () => {
    expect(nextIndex(5, 2, 'next')).toBe(3);
    expect(nextIndex(5, 2, 'previous')).toBe(1);
  });

  it('wraps around at both ends', () => {
    expect(nextIndex(5, 4, 'next')).toBe(0);
    expect(nextIndex(5, 0, 'previous')).toBe(4);
  });

  it('stays on the only name there is', () => {
    expect(nextIndex(1, 0, 'next')).toBe(0);
    expect(nextIndex(1, 0, 'previous')).toBe(0);
    expect(nextIndex(1, -1, 'previous')).toBe(0);
  });
});
