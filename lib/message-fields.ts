/**
 * The fields a message may carry, each a small reader that returns the value
 * in the declared shape or `INVALID`. A message's TypeScript type is derived
 * from its readers (`ShapeOf`), so the type and the runtime check cannot drift
 * apart: a field added to a declaration is both typed and checked.
 *
 * Objects are read field by field into a fresh object, so anything a sender
 * adds beyond the declaration is dropped, never passed on.
 */

/** What a reader returns for a value that is not of its shape. */
export const INVALID: unique symbol = Symbol('invalid');

/** Reads an unknown value as a `T`, or says it is not one. */
export type Field<T> = (value: unknown) => T | typeof INVALID;

/** The type a reader gives. */
export type Out<F> = F extends Field<infer T> ? T : never;

export type Fields = Readonly<Record<string, Field<unknown>>>;

type Flatten<T> = { [K in keyof T]: T[K] };

/** The object `fields` read: a field whose reader admits `undefined` is optional. */
export type ShapeOf<F extends Fields> = Flatten<
  { [K in keyof F as undefined extends Out<F[K]> ? never : K]: Out<F[K]> } & { [K in keyof F as undefined extends Out<F[K]> ? K : never]?: Out<F[K]> }
>;

/** A string of at most `max` UTF-16 units. */
export const text =
  (max: number): Field<string> =>
  (v) =>
    typeof v === 'string' && v.length <= max ? v : INVALID;

/** A whole number of at least `min`. */
export const whole =
  (min: number): Field<number> =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min ? v : INVALID;

/** true or false. */
export const truth: Field<boolean> = (v) => (typeof v === 'boolean' ? v : INVALID);

/** Exactly this value (a flag that is either `true` or absent: `optional(exactly(true))`). */
export const exactly =
  <const T extends string | number | boolean>(value: T): Field<T> =>
  (v) =>
    v === value ? value : INVALID;

/** One of a few strings. */
export const oneOf =
  <const T extends string>(...values: readonly T[]): Field<T> =>
  (v) =>
    values.includes(v as T) ? (v as T) : INVALID;

/** Absent, or of the shape `field` reads. */
export const optional =
  <T>(field: Field<T>): Field<T | undefined> =>
  (v) =>
    v === undefined ? undefined : field(v);

/** null, or of the shape `field` reads. */
export const nullable =
  <T>(field: Field<T>): Field<T | null> =>
  (v) =>
    v === null ? null : field(v);

/** An array of at most `max` items, each of the shape `item` reads. */
export const listOf =
  <T>(item: Field<T>, max: number): Field<T[]> =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return INVALID;
    const out: T[] = [];
    for (const x of v) {
      const read = item(x);
      if (read === INVALID) return INVALID;
      out.push(read);
    }
    return out;
  };

/** An object with these fields (absent optional ones left out), and nothing else. */
export function objectOf<F extends Fields>(fields: F): Field<ShapeOf<F>> {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return INVALID;
    const source = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) {
      const read = (fields[key] as Field<unknown>)(Object.hasOwn(source, key) ? source[key] : undefined);
      if (read === INVALID) return INVALID;
      if (read !== undefined) out[key] = read;
    }
    return out as ShapeOf<F>;
  };
}
