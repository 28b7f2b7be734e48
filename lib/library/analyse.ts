/**
 * The library analysed with the same engine as the bundled corpus: the saved
 * articles' seeds text and sidecars go through `buildCorpus`, with the bundled
 * corpus's names (from `corpus/meta.json`, the only entity list the package
 * carries at run time) as the curated file. So "Zarif" in a saved article is
 * the bundled corpus's Zarif, whose card gains the saved statement, and only
 * people the bundled corpus does not know become new, discovered names.
 * Roles are left out of that context: they cite bundled articles the library
 * does not hold.
 */
import { BUNDLE_VERSION, type LoadedCorpus } from '../engine/bundle';
import { buildCorpus, ENTITY_FILE, type SeedFile } from '../engine/corpus';
import type { CuratedEntity } from '../engine/entities-file';
import { compileNameTable, type NameTable } from '../engine/matcher';
import { buildIndex } from '../engine/search';
import type { EntityEntry } from '../engine/store/layout';
import type { SavedArticle } from './format';

export type NameContext = Pick<EntityEntry, 'id' | 'name' | 'type' | 'aliases'>[];

const encode = (text: string) => new TextEncoder().encode(text);

export function seedFilesOf(articles: readonly SavedArticle[], context: NameContext): SeedFile[] {
  const curated: CuratedEntity[] = context.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, weakAliases: [], roles: [] }));
  return [
    { name: ENTITY_FILE, bytes: encode(JSON.stringify({ entities: curated })) },
    ...articles.flatMap((a) => [
      { name: `${a.id}.txt`, bytes: encode(a.text) },
      { name: `${a.id}.meta.json`, bytes: encode(JSON.stringify(a.meta)) },
    ]),
  ];
}

/** The library as a corpus in memory; its articles are marked as the reader's, and only entities it names are kept. */
export function buildLibraryCorpus(articles: readonly SavedArticle[], context: NameContext): LoadedCorpus {
  const built = buildCorpus(seedFilesOf(articles, context));
  const saved = built.articles.map((a) => ({ ...a, origin: 'library' as const }));
  const entities = built.entities.filter((e) => e.articles.length > 0);
  const corpus = { ...built, articles: saved, entities };
  return { version: BUNDLE_VERSION, articles: saved, entities, statements: built.statements, problems: [], index: buildIndex(corpus), table: built.table };
}

/**
 * The names the content script adds to the bundled table: the library's people
 * and organisations the bundled table does not already have. Data, not code:
 * it travels through `browser.storage.local`.
 */
export function libraryNameTable(corpus: LoadedCorpus, bundled: NameTable): NameTable {
  return compileNameTable(corpus.entities.filter((e) => !Object.hasOwn(bundled.entities, e.id) && e.source === 'discovered'));
}

/** What the store keeps beside each article, written in the same transaction: what the engine found in it alone. */
export interface DerivedFacts {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  statements: number;
  quotes: number;
  names: { id: string; name: string }[];
}

export function deriveFacts(article: SavedArticle, context: NameContext): DerivedFacts | null {
  const corpus = buildLibraryCorpus([article], context);
  const a = corpus.articles[0];
  if (!a) return null;
  return {
    id: article.id,
    title: a.title,
    outlet: a.outlet?.name ?? null,
    date: a.date?.iso ?? null,
    statements: corpus.statements.length,
    quotes: corpus.statements.reduce((n, s) => n + s.quotes.length, 0),
    names: corpus.entities.filter((e) => e.type !== 'place').map((e) => ({ id: e.id, name: e.name })),
  };
}
