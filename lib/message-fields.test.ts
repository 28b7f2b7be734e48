import { describe, expect, it } from 'vitest';
import { exactly, INVALID, listOf, objectOf, oneOf, optional, text, truth, whole } from './message-fields';

describe('message fields', () => {
  it('reads each kind of value, and nothing else', () => {
    expect([text(3)('abc'), text(3)('abcd'), text(3)(3)]).toEqual(['abc', INVALID, INVALID]);
    expect([whole(1)(2), whole(1)(0), whole(1)(1.5), whole(1)('2'), whole(0)(Number.NaN)]).toEqual([2, INVALID, INVALID, INVALID, INVALID]);
    expect([truth(false), truth(0)]).toEqual([false, INVALID]);
    expect([exactly(true)(true), exactly(true)(false), exactly('a')('a')]).toEqual([true, INVALID, 'a']);
    expect([oneOf('next', 'previous')('next'), oneOf('next', 'previous')('up')]).toEqual(['next', INVALID]);
    expect([optional(whole(0))(undefined), optional(whole(0))(null)]).toEqual([undefined, INVALID]);
    expect([listOf(whole(0), 2)([1, 2]), listOf(whole(0), 2)([1, 2, 3]), listOf(whole(0), 2)([1, -1]), listOf(whole(0), 2)('12')]).toEqual([[1, 2], INVALID, INVALID, INVALID]);
  });

  it('reads an object field by field into a fresh one: extra fields dropped, absent optional ones left out, inherited ones not read', () => {
    const read = objectOf({ id: text(10), limit: optional(whole(1)), anyway: optional(exactly(true)) });
    expect(read({ id: 'a', limit: 2, extra: 'x' })).toEqual({ id: 'a', limit: 2 });
    expect(Object.keys(read({ id: 'a' }) as object)).toEqual(['id']);
    expect(read({ id: 'a', anyway: false })).toBe(INVALID);
    expect(read(Object.create({ id: 'a' }))).toBe(INVALID);
    expect([read(null), read([]), read('id')]).toEqual([INVALID, INVALID, INVALID]);
  });
});
