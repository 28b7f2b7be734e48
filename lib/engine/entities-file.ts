/**
 * The curated entity file (`seeds/entities.json`): its format, checked on
 * read so that a maintainer's typo is reported by field rather than
 * silently changing what the extension underlines.
 */
import type { EntityType } from './types';

export interface CuratedEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  weakAliases: string[];
  roles: { text: string; article: string }[];
  titledAliases?: { alias: string; after: string[] }[];
}

export interface EntityFile {
  entities: CuratedEntity[];
  blockers: string[];
}

const TYPES: readonly string[] = ['person', 'organization', 'media', 'place'];

function stringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

/** Reads the parsed JSON; every problem names the entity and field. Valid entities are kept. */
export function readEntityFile(value: unknown): { file: EntityFile; problems: string[] } {
  const problems: string[] = [];
  const file: EntityFile = { entities: [], blockers: [] };
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { entities?: unknown }).entities)) {
    return { file, problems: ['must be an object with an "entities" array'] };
  }
  const raw = value as { entities: unknown[]; blockers?: unknown };
  if (raw.blockers !== undefined) {
    if (stringList(raw.blockers)) file.blockers = raw.blockers;
    else problems.push('"blockers" must be a list of phrases');
  }
  const seen = new Set<string>();
  raw.entities.forEach((entry, i) => {
    const problem = readEntity(entry, seen, file.entities);
    if (problem) {
      const id = typeof (entry as { id?: unknown } | null)?.id === 'string' ? ` (${(entry as { id: string }).id})` : '';
      problems.push(`entity #${i + 1}${id}: ${problem}`);
    }
  });
  return { file, problems };
}

/** Checks one entry; adds it when valid, otherwise says what is wrong with it. */
function readEntity(entry: unknown, seen: Set<string>, into: CuratedEntity[]): string | null {
  const e = entry as Partial<CuratedEntity> | null;
  if (typeof e !== 'object' || e === null) return 'must be an object';
  if (typeof e.id !== 'string' || !/^[a-z0-9-]+$/.test(e.id)) return '"id" must be lower-case letters, digits and hyphens';
  if (seen.has(e.id)) return 'duplicate id';
  if (typeof e.name !== 'string' || e.name.trim() === '') return '"name" is missing';
  if (typeof e.type !== 'string' || !TYPES.includes(e.type)) return `"type" must be one of ${TYPES.join(', ')}`;
  const aliases = e.aliases ?? [];
  const weakAliases = e.weakAliases ?? [];
  if (!stringList(aliases)) return '"aliases" must be a list of names';
  if (!stringList(weakAliases)) return '"weakAliases" must be a list of names';
  const roles = e.roles ?? [];
  if (!Array.isArray(roles) || !roles.every((r) => r && typeof r.text === 'string' && typeof r.article === 'string')) {
    return '"roles" must be a list of {"text", "article"}';
  }
  const titledAliases = e.titledAliases ?? [];
  if (!Array.isArray(titledAliases) || !titledAliases.every((x) => x && typeof x.alias === 'string' && stringList(x.after))) {
    return '"titledAliases" must be a list of {"alias", "after": [titles]}';
  }
  seen.add(e.id);
  into.push({ id: e.id, name: e.name, type: e.type as EntityType, aliases, weakAliases, roles, titledAliases });
  return null;
}

