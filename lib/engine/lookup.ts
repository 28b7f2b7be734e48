/**
 * Views of the corpus shaped for display: what the hover card, the popup and
 * `corpus lookup --json` show. The background answers messages with these.
 */
import type { LoadedCorpus } from './bundle';
import { foldForSearch, tokenize } from './normalize';
import { type RelatedStatements, relatedStatements } from './related';
import { type DocKind, editDistance, searchWithSuggestions } from './search';
import type { Article, ArticleDate, ArticleSource, AttributionCue, Confidence, Entity, EntityType, Statement } from './types';

export interface ArticleRef {
  id: string;
  title: string;
  /** The title is the lead sentence shortened, not a headline the text gives: never shown or cited as a headline. Absent otherwise. */
  titleFromLead?: true;
  /** The publisher, when the text or a sidecar names it. */
  outlet: string | null;
  /** Outlets the article cites or credits, apart from the publisher. */
  sources: ArticleSource[];
  /** null: the article's text gives no date ("undated"). */
  date: ArticleDate | null;
  /** Where the original is published, when a sidecar gives it (an http(s) address); null otherwise. */
  url: string | null;
  /** 'library': from the reader's own library (shown as "Your library", with the original link); absent for the bundled corpus. */
  origin?: 'library';
}

export interface StatementView {
  id: string;
  article: ArticleRef;
  text: string;
  /**
   * 'said': the entity's own words (or its statement quoting someone); 'quoted': its words inside someone
   * else's statement (`voice`); 'partial': only fragments of its words; 'about': it is named; 'match': a search hit.
   */
  relation: StatementRelation;
  /** Each quote with its speaker and, where there is one, the cue that names them and whether it is stated or inferred. */
  quotes: { text: string; speaker: { id: string; name: string } | null; partial?: boolean; cue?: AttributionCue; confidence?: Confidence }[];
  /** Whose statement the sentence is, when it quotes someone else. */
  voice?: { id: string; name: string };
}

export type StatementRelation = 'said' | 'quoted' | 'partial' | 'about' | 'match';

/** The view of one statement; `nameOf` gives an entity's name, `entity` the name whose list it is in. */
export function statementView(
  s: Statement,
  article: ArticleRef,
  group: 'said' | 'partial' | 'about' | 'match',
  nameOf: (id: string) => string | undefined,
  entity?: string,
): StatementView {
  const person = (id: string | null) => {
    const name = id ? nameOf(id) : undefined;
    return id && name ? { id, name } : null;
  };
  const relation: StatementRelation = group === 'said' && s.voice && s.voice !== entity ? 'quoted' : group;
  const view: StatementView = {
    id: s.id,
    article,
    text: s.text,
    relation,
    quotes: s.quotes.map((q) => ({
      text: q.text,
      speaker: person(q.speaker),
      ...(q.partial ? { partial: true } : {}),
      ...(q.speaker && q.cue && q.confidence ? { cue: q.cue, confidence: q.confidence } : {}),
    })),
  };
  const voice = person(s.voice ?? null);
  if (voice) view.voice = voice;
  return view;
}

export interface EntityView {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: { text: string; statement: string; article: ArticleRef }[];
  /** Statements with its words in full (or its statements), with only fragments of its words, and naming it. */
  counts: { said: number; partial: number; about: number };
  /** What the card's statements rest on: how many articles of the corpus have them, and the span of their dates. */
  basis: EntityBasis;
  statements: StatementView[];
}

export interface EntityBasis {
  /** Articles that quote or name the entity. */
  articles: number;
  /** Articles in the whole corpus. */
  corpusArticles: number;
  /** The earliest and latest date among those articles that have one (YYYY-MM-DD); null when none is dated. */
  first: string | null;
  last: string | null;
  /** Of `articles`, how many give no date: they are in the count but not in the span. */
  undated: number;
  /** The reader's own library, counted apart from the corpus: how many saved articles quote or name the entity, of how many saved. */
  library?: { articles: number; saved: number };
}

/** How a search result matched: the words it marks, and whether it took a close spelling of a query word. */
export interface SearchMatch {
  terms: string[];
  /** Matched only through a spelling close to a word of the query that nothing holds as typed: shown as approximate, after exact hits. */
  approximate: boolean;
}

export interface SearchView {
  query: string;
  names: ({ id: string; name: string; type: EntityType; role: string | null } & SearchMatch)[];
  statements: (StatementView & SearchMatch)[];
  articles: (ArticleRef & SearchMatch)[];
  suggestions: string[];
}

export function articleRef(article: Article): ArticleRef {
  const ref: ArticleRef = { id: article.id, title: article.title, outlet: article.outlet?.name ?? null, sources: article.sources, date: article.date, url: article.url };
  if (article.titleFromLead) ref.titleFromLead = true;
  // Only library articles carry the field, so the bundled corpus's files stay byte for byte as they were.
  if (article.origin) ref.origin = article.origin;
  return ref;
}

interface ById {
  articles: Map<string, Article>;
  entities: Map<string, Entity>;
  statements: Map<string, Statement>;
}

const byIdCache = new WeakMap<LoadedCorpus, ById>();

/** Id lookups, built once per loaded corpus rather than on every keystroke of a search. */
function byId(corpus: LoadedCorpus): ById {
  let found = byIdCache.get(corpus);
  if (!found) {
    found = {
      articles: new Map(corpus.articles.map((a) => [a.id, a])),
      entities: new Map(corpus.entities.map((e) => [e.id, e])),
      statements: new Map(corpus.statements.map((s) => [s.id, s])),
    };
    byIdCache.set(corpus, found);
  }
  return found;
}

function viewer(corpus: LoadedCorpus) {
  const { articles, entities } = byId(corpus);
  const nameOf = (id: string) => entities.get(id)?.name;
  return (s: Statement, group: 'said' | 'partial' | 'about' | 'match', entity?: string): StatementView =>
    statementView(s, articleRef(articles.get(s.article) as Article), group, nameOf, entity);
}

/** The entity with its cited roles and related statements (its quotes first). */
export function lookupEntity(corpus: LoadedCorpus, id: string, limit = Number.POSITIVE_INFINITY): EntityView | null {
  const entity = byId(corpus).entities.get(id);
  return entity ? entityView(corpus, entity, relatedStatements(corpus, id), limit) : null;
}

/** The card's view of an entity whose related statements are known (the build computes them for all entities in one pass). */
export function entityView(corpus: LoadedCorpus, entity: Entity, related: RelatedStatements, limit = Number.POSITIVE_INFINITY): EntityView {
  const view = viewer(corpus);
  const { articles } = byId(corpus);
  const statements: StatementView[] = [];
  for (const group of ['said', 'partial', 'about'] as const) {
    for (const s of related[group]) if (statements.length < limit) statements.push(view(s, group, entity.id));
  }
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    aliases: entity.aliases,
    roles: entity.roles.map((r) => ({ text: r.text, statement: r.statement, article: articleRef(articles.get(r.article) as Article) })),
    counts: { said: related.said.length, partial: related.partial.length, about: related.about.length },
    basis: basisOf(corpus, [...related.said, ...related.partial, ...related.about]),
    statements,
  };
}

function basisOf(corpus: LoadedCorpus, statements: Statement[]): EntityBasis {
  const { articles } = byId(corpus);
  const ids = new Set(statements.map((s) => s.article));
  const dates = [...ids].flatMap((id) => articles.get(id)?.date?.iso ?? []).sort();
  return { articles: ids.size, corpusArticles: corpus.articles.length, first: dates[0] ?? null, last: dates.at(-1) ?? null, undated: ids.size - dates.length };
}

/** The entity a typed name means, when it is exactly one of its names (any case, folded). */
export function resolveName(corpus: LoadedCorpus, query: string): string | null {
  return resolveAmong(corpus.entities, query);
}

export function resolveAmong(entities: readonly Pick<Entity, 'id' | 'name' | 'aliases'>[], query: string): string | null {
  const fold = (text: string) => tokenize(text).map((t) => foldForSearch(t.folded)).join(' ');
  const key = fold(query);
  if (!key) return null;
  const matches = entities.filter((e) => [e.name, ...e.aliases].some((alias) => fold(alias) === key));
  return matches.length === 1 ? matches[0].id : null;
}

/** Full-text search grouped as names, statements and articles. */
export function searchCorpus(corpus: LoadedCorpus, query: string, perGroup = 8): SearchView {
  const view = viewer(corpus);
  const { statements, articles, entities } = byId(corpus);
  const { hits, suggestions } = query.trim() ? searchWithSuggestions(corpus.index, query) : { hits: [], suggestions: [] };
  const of = (kind: DocKind) => hits.filter((h) => h.kind === kind).slice(0, perGroup);
  return {
    query,
    names: of('entity').flatMap((h) => {
      const e = entities.get(h.id);
      return e ? [{ id: e.id, name: e.name, type: e.type, role: e.roles[0]?.text ?? null, terms: h.terms, approximate: h.approximate }] : [];
    }),
    statements: of('statement').flatMap((h) => {
      const s = statements.get(h.id);
      return s ? [{ ...view(s, 'match'), terms: h.terms, approximate: h.approximate }] : [];
    }),
    articles: of('article').flatMap((h) => {
      const a = articles.get(h.id);
      return a ? [{ ...articleRef(a), terms: h.terms, approximate: h.approximate }] : [];
    }),
    suggestions,
  };
}

/**
 * Names close to a query that found nothing: what "did you mean" offers. Close
 * means within two edits in five letters of how a name (or one of its aliases)
 * begins: "Kanaanyyyy" is Kanaani, "Khamenie" Khamenei; a query near no name
 * ("xyzzy", "weather") gets none, never whatever names happen to be least far.
 */
export function closestNames(corpus: LoadedCorpus, query: string, count = 3): string[] {
  return closestAmong(corpus.entities, query, count);
}

export function closestAmong(entities: readonly Pick<Entity, 'name' | 'aliases' | 'type'>[], query: string, count = 3): string[] {
  const q = foldForSearch(query.trim());
  if (!q) return [];
  const allowed = Math.max(1, Math.round(q.length * 0.4));
  const scored = entities
    .filter((e) => e.type !== 'place')
    .map((e) => {
      const best = Math.min(...[e.name, ...e.aliases].map((a) => editDistance(q, foldForSearch(a).slice(0, q.length + 2))));
      return { name: e.name, best };
    })
    .filter((s) => s.best <= allowed);
  return scored.sort((a, b) => a.best - b.best || (a.name < b.name ? -1 : 1)).slice(0, count).map((s) => s.name);
}
