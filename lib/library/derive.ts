/**
 * What the library keeps beside each saved article, so that no request needs
 * the library analysed whole: the article as the reader page shows it (the
 * packaged corpus's article file), one record per entity it names (its
 * statements about and by that entity, its roles there), its search terms,
 * and a row for the list. Pure: the batch goes through the same engine as the
 * bundled corpus (`buildCorpus`), with the bundled names and the library's own
 * names so far as the known names, so "Zarif" is the bundled Zarif and a person
 * saved last week keeps the id, and the card, they had then.
 */
import { buildCorpus, ENTITY_FILE, type SeedFile } from '../engine/corpus';
import type { CuratedEntity } from '../engine/entities-file';
import { type ArticleRef, articleRef } from '../engine/lookup';
import { relationTo } from '../engine/related';
import type { ArticleFile, EntityEntry } from '../engine/store/layout';
import { namesOf } from '../engine/search';
import { articleTermWeights } from '../engine/store/postings';
import type { EntityType } from '../engine/types';
import { articleMentions } from '../engine/views';
import type { SavedArticle } from './format';

/** The bundled corpus's names (from `corpus/names.json`), the context a saved article is read in. */
export type NameContext = (Pick<EntityEntry, 'id' | 'name' | 'type' | 'aliases'> & Partial<Pick<EntityEntry, 'role'>>)[];

/** The article a known role is said to come from: none of the batch's, so the engine never cites it. */
const ELSEWHERE = 'elsewhere';

/** A person or organisation the library found that the bundled corpus does not know. */
export interface LibraryEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  weakAliases: string[];
  /** How the saved articles described them ("Iraqi Planning Minister"): a later article's "the minister said" can then be theirs. */
  roles: string[];
  /** Named only by articles about something else than Iran–Iraq affairs (`relevance.ts`): kept off the pages' underlines. */
  offPages?: true;
}

/** One saved article's part of one entity's card: what the card, timeline and basis add up. */
export interface EntityInArticle {
  entity: string;
  /** Its name and kind as this article's analysis knew them: a card needs no other record for an entity the library alone knows. */
  name: string;
  type: EntityType;
  article: string;
  /** The article as a role is cited from it; only on a part with roles, since a card's statements take it from the article's file. */
  ref?: ArticleRef;
  /** The article's date, `YYYY-MM-DD HH:MM` or `YYYY-MM-DD`; null when it states none. Newest first on the card. */
  date: string | null;
  /** `date`, or '' when undated: what IndexedDB sorts a card's articles by (it cannot index null), undated last when read newest first. */
  sortDate: string;
  /** Statement ids, in article order. */
  said: string[];
  partial: string[];
  about: string[];
  roles: { text: string; statement: string }[];
  /** The article names nobody of Iran–Iraq affairs (saved anyway): its names stay off the pages' underlines. */
  offTopic?: true;
}

/** What a card needs of all an entity's articles at once, kept up to date as articles come and go. */
export interface EntitySummary {
  entity: string;
  name: string;
  type: EntityType;
  said: number;
  partial: number;
  about: number;
  /** Articles with a statement that quotes or names it. */
  articles: number;
  /** Its roles once each (by wording), each with its newest citation, newest first. */
  roles: { text: string; statement: string; article: ArticleRef; date: string }[];
}

/** The summary with one more article's part in it. */
export function withPart(summary: EntitySummary | undefined, part: EntityInArticle): EntitySummary {
  const base: EntitySummary = summary ?? { entity: part.entity, name: part.name, type: part.type, said: 0, partial: 0, about: 0, articles: 0, roles: [] };
  const roles = [...base.roles];
  for (const r of part.roles) {
    if (!part.ref) break;
    const at = roles.findIndex((x) => x.text.toLowerCase() === r.text.toLowerCase());
    const role = { ...r, article: part.ref, date: part.sortDate };
    if (at < 0) roles.push(role);
    else if (part.sortDate > roles[at].date) roles[at] = role;
  }
  roles.sort((a, b) => (a.date === b.date ? 0 : a.date > b.date ? -1 : 1));
  const statements = part.said.length + part.partial.length + part.about.length;
  return {
    ...base,
    said: base.said + part.said.length,
    partial: base.partial + part.partial.length,
    about: base.about + part.about.length,
    articles: base.articles + (statements > 0 ? 1 : 0),
    roles,
  };
}

/** The list row and what stays in memory per article: small. */
export interface DerivedFacts {
  id: string;
  ref: ArticleRef;
  /** When the reader saved it (ISO 8601). */
  savedAt: string;
  statements: number;
  quotes: number;
  /** People and organisations it names, for the list. */
  names: { id: string; name: string }[];
  /** Every entity id it names, for related articles. */
  named: string[];
  /** It names nobody of Iran–Iraq affairs and was saved anyway (`relevance.ts`). */
  offTopic?: true;
}

export interface DerivedArticle {
  facts: DerivedFacts;
  file: ArticleFile;
  entities: EntityInArticle[];
  /** The library's own entities it names, with the forms this batch found. */
  discovered: LibraryEntity[];
  /** Search terms with their weights. */
  terms: [string, number][];
}

const encode = (text: string) => new TextEncoder().encode(text);

function seedFilesOf(articles: readonly SavedArticle[], known: CuratedEntity[]): SeedFile[] {
  return [
    { name: ENTITY_FILE, bytes: encode(JSON.stringify({ entities: known })) },
    ...articles.flatMap((a) => [
      { name: `${a.id}.txt`, bytes: encode(a.text) },
      { name: `${a.id}.meta.json`, bytes: encode(JSON.stringify(a.meta)) },
    ]),
  ];
}

/**
 * Analyses a batch of saved articles together (so two spellings in one import
 * meet), each then kept on its own. An article the engine finds no text in is
 * missing from the answer.
 */
export function deriveArticles(batch: readonly SavedArticle[], context: NameContext, library: readonly LibraryEntity[], offTopic: (article: SavedArticle) => boolean = () => false): DerivedArticle[] {
  const bundled = new Set(context.map((e) => e.id));
  // Known roles help the engine tell who "the spokesman" is; they cite articles this batch does not hold,
  // so the engine keeps none of them as a role of this batch.
  const elsewhere = (texts: readonly string[]) => texts.map((text) => ({ text, article: ELSEWHERE, statement: ELSEWHERE }));
  const known: CuratedEntity[] = [
    ...context.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, weakAliases: [], roles: elsewhere(e.role ? [e.role] : []) })),
    ...library.filter((e) => !bundled.has(e.id)).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, weakAliases: e.weakAliases, roles: elsewhere(e.roles) })),
  ];
  const built = buildCorpus(seedFilesOf(batch, known));
  const entities = new Map(built.entities.map((e) => [e.id, e]));
  const savedAt = new Map(batch.map((a) => [a.id, a.savedAt]));
  const aside = new Set(batch.filter(offTopic).map((a) => a.id));
  return built.articles.map((parsed) => {
    const article = { ...parsed, origin: 'library' as const };
    const statements = built.statements.filter((s) => s.article === article.id);
    const names: Record<string, string> = {};
    for (const s of statements) for (const id of [...s.quotes.map((q) => q.speaker), s.voice ?? null]) if (id) names[id] = entities.get(id)?.name ?? id;
    const perEntity = new Map<string, EntityInArticle>();
    const date = article.date ? `${article.date.iso}${article.date.time ? ` ${article.date.time}` : ''}` : null;
    const ref = articleRef(article);
    const part = (id: string) => {
      let p = perEntity.get(id);
      if (!p) {
        const e = entities.get(id);
        p = { entity: id, name: e?.name ?? id, type: e?.type ?? 'person', article: article.id, date, sortDate: date ?? '', said: [], partial: [], about: [], roles: [], ...(aside.has(article.id) ? { offTopic: true as const } : {}) };
        perEntity.set(id, p);
      }
      return p;
    };
    const speakers = new Set<string>();
    for (const s of statements) {
      for (const id of s.entities) part(id)[relationTo(s, id)].push(s.id);
      for (const q of s.quotes) if (q.speaker) speakers.add(q.speaker);
    }
    for (const e of built.entities) {
      if (!e.articles.includes(article.id)) continue;
      const p = part(e.id);
      for (const r of e.roles) if (r.article === article.id) p.roles.push({ text: r.text, statement: r.statement });
      if (p.roles.length > 0) p.ref = ref;
    }
    const named = [...perEntity.keys()].sort();
    const terms = articleTermWeights({
      title: article.title,
      text: article.paragraphs.join('\n'),
      speaker: namesOf(speakers, entities),
      names: namesOf(named, entities),
    });
    const people = named.flatMap((id) => {
      const e = entities.get(id);
      return e && e.type !== 'place' ? [{ id, name: e.name }] : [];
    });
    return {
      facts: {
        id: article.id,
        ref,
        savedAt: savedAt.get(article.id) ?? '',
        statements: statements.length,
        quotes: statements.reduce((n, s) => n + s.quotes.length, 0),
        names: people,
        named,
        ...(aside.has(article.id) ? { offTopic: true as const } : {}),
      },
      // A statement's text is its paragraph's slice: stored once, as the packaged article files do.
      file: { article, statements: statements.map(({ text: _text, ...rest }) => rest as typeof rest & { text: string }), mentions: articleMentions(article, built.table), names },
      entities: [...perEntity.values()],
      discovered: named.flatMap((id) => {
        const e = entities.get(id);
        if (!e || bundled.has(id)) return [];
        const roles = [...new Set(e.roles.filter((r) => r.article !== ELSEWHERE).map((r) => r.text))];
        return [{ id, name: e.name, type: e.type, aliases: e.aliases, weakAliases: e.weakAliases, roles, ...(aside.has(article.id) ? { offPages: true as const } : {}) }];
      }),
      terms: [...terms],
    };
  });
}
