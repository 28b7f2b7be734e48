/**
 * The bundled corpus's names, the context a saved article is read in. From
 * `corpus/names.json` when it reads and has the shape it should (names,
 * aliases as written, first roles); else from the name table built into the
 * background itself, so that a damaged or missing package file never stops a
 * save or an import: the same people, their aliases as the matcher keeps
 * them, without roles.
 */
import { namesFileShape, shapeProblem } from '../engine/store/file-shapes';
import type { NameTable } from '../engine/matcher';
import type { NameContext } from './derive';

/** Every entity of the table with the names it is matched by (weak and ambiguous ones left out, as the curated file's weak aliases are). */
export function namesFromTable(table: NameTable): NameContext {
  const aliases = new Map<string, Set<string>>();
  for (const patterns of Object.values(table.byFirstWord)) {
    for (const p of patterns) {
      if (p.weak || p.after || p.entities.length !== 1) continue;
      const id = p.entities[0];
      const set = aliases.get(id) ?? new Set<string>();
      set.add(p.words.join(' '));
      aliases.set(id, set);
    }
  }
  return Object.entries(table.entities).map(([id, e]) => ({ id, name: e.name, type: e.type, aliases: [...(aliases.get(id) ?? [])].sort() }));
}

/** `names.json`'s entities, or the table's when the file cannot be read or is not what it should be (said once on the console). */
export async function bundledNames(readNames: () => Promise<string>, table: NameTable): Promise<NameContext> {
  try {
    const value: unknown = JSON.parse(await readNames());
    const problem = shapeProblem(namesFileShape, value);
    if (problem) throw new Error(problem);
    return (value as { entities: NameContext }).entities;
  } catch (error) {
    console.warn('[iran-iraq-context] corpus/names.json unreadable, the library reads saved articles with the built-in names:', error);
    return namesFromTable(table);
  }
}
