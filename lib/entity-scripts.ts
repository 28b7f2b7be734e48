/**
 * The names the extension knows in Arabic script, by entity: what a Persian or
 * Arabic interface needs to name a speaker, a search result or a related
 * article's people as its reader writes them. Taken from the name tables (the
 * bundled one and the library's), which carry each entity's Arabic-script
 * aliases as entities.json spells them; nothing is transliterated.
 */
import type { NameTable } from './engine/matcher';

export type EntityScripts = Record<string, { name: string; scripts: string[] }>;

/** Every entity of the tables that has a spelling in Arabic script; the first table wins for an id in several. */
export function entityScripts(tables: readonly NameTable[]): EntityScripts {
  const out: EntityScripts = {};
  for (const table of tables) {
    for (const [id, label] of Object.entries(table.entities)) {
      if (label.scripts?.length && !Object.hasOwn(out, id)) out[id] = { name: label.name, scripts: label.scripts };
    }
  }
  return out;
}
