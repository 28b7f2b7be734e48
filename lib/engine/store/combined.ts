/**
 * The bundled corpus and the reader's library asked together. Each answer is
 * the two stores' answers side by side: the library's statements and articles
 * keep their `origin: 'library'` mark (and their original link), so a view
 * shows them as "Your library" and never as the corpus's. The library comes
 * first where a list is cut short, because the reader chose those articles;
 * counts, bases and timelines add up.
 */
import type { ArticleRef, EntityBasis, EntityView } from '../lookup';
import type { RelatedArticleView, SearchAnswer, TimelinePoint } from '../views';
import type { CorpusStore } from './store';

/** Library article ids start with this: the reader page and `article()` know at once which store holds one. */
export const LIBRARY_PREFIX = 'lib-';
const PER_GROUP = 8;
const RELATED = 5;

/** The corpus's basis, with the library's counted beside it (never added into the corpus's own). */
function mergeBasis(bundled: EntityBasis, library: EntityBasis): EntityBasis {
  return library.library ? { ...bundled, library: library.library } : bundled;
}

export function mergeEntity(bundled: EntityView | null, library: EntityView | null, limit = Number.POSITIVE_INFINITY): EntityView | null {
  if (!library || library.statements.length === 0) return bundled;
  if (!bundled) return library;
  // Its words first (in full, or inside another's statement), then fragments of them, then mentions; the library's before the corpus's in each.
  const rank = (r: string) => (r === 'said' || r === 'quoted' ? 0 : r === 'partial' ? 1 : 2);
  const statements = [0, 1, 2].flatMap((k) => [...library.statements, ...bundled.statements].filter((s) => rank(s.relation) === k));
  const sum = (key: 'said' | 'partial' | 'about') => bundled.counts[key] + library.counts[key];
  return {
    ...bundled,
    roles: [...bundled.roles, ...library.roles],
    counts: { said: sum('said'), partial: sum('partial'), about: sum('about') },
    basis: mergeBasis(bundled.basis, library.basis),
    statements: statements.slice(0, limit),
  };
}

export function mergeSearch(bundled: SearchAnswer, library: SearchAnswer): SearchAnswer {
  const known = new Set(bundled.names.map((n) => n.id));
  const names = [...bundled.names, ...library.names.filter((n) => !known.has(n.id))].slice(0, PER_GROUP);
  const statements = [...library.statements, ...bundled.statements].slice(0, PER_GROUP);
  const articles = [...library.articles, ...bundled.articles].slice(0, PER_GROUP);
  const nothing = names.length + statements.length + articles.length === 0;
  return {
    query: bundled.query,
    names,
    statements,
    articles,
    suggestions: [...new Set([...bundled.suggestions, ...library.suggestions])],
    closest: nothing ? [...new Set([...bundled.closest, ...library.closest])].slice(0, 3) : [],
    // The corpus still loading its index: the popup asks again for the rest.
    ...(bundled.pending ? { pending: true } : {}),
  };
}

export function mergeTimeline(a: TimelinePoint[], b: TimelinePoint[]): TimelinePoint[] {
  const points = new Map<string | null, TimelinePoint>();
  for (const p of [...a, ...b]) {
    const at = points.get(p.date) ?? { date: p.date, said: 0, about: 0 };
    points.set(p.date, { date: p.date, said: at.said + p.said, about: at.about + p.about });
  }
  return [...points.values()].sort((x, y) => (x.date === null ? 1 : y.date === null ? -1 : x.date < y.date ? -1 : 1));
}

export function mergeRelated(bundled: RelatedArticleView[], library: RelatedArticleView[]): RelatedArticleView[] {
  return [...library, ...bundled].sort((a, b) => b.score - a.score).slice(0, RELATED);
}

/**
 * Both stores behind the one seam. A library that fails (IndexedDB blocked,
 * say) costs only its own part: the bundled answer still comes.
 */
export function combinedStore(bundled: CorpusStore, library: CorpusStore): CorpusStore {
  const orNull = <T>(p: Promise<T>, fallback: T): Promise<T> =>
    p.catch((error: unknown) => {
      console.warn('[iran-iraq-context] library unavailable:', error);
      return fallback;
    });
  return {
    async entity(id, limit) {
      const [b, l] = await Promise.all([bundled.entity(id, limit), orNull(library.entity(id, limit), null)]);
      return mergeEntity(b, l, limit);
    },
    article: (id) => (id.startsWith(LIBRARY_PREFIX) ? library.article(id) : bundled.article(id)),
    async articles(): Promise<ArticleRef[]> {
      const [b, l] = await Promise.all([bundled.articles(), orNull(library.articles(), [])]);
      return [...l, ...b];
    },
    async search(query) {
      const empty: SearchAnswer = { query, names: [], statements: [], articles: [], suggestions: [], closest: [] };
      const [b, l] = await Promise.all([bundled.search(query), orNull(library.search(query), empty)]);
      return mergeSearch(b, l);
    },
    async related(text) {
      const [b, l] = await Promise.all([bundled.related(text), orNull(library.related(text), [])]);
      return mergeRelated(b, l);
    },
    async timeline(id) {
      const [b, l] = await Promise.all([bundled.timeline(id), orNull(library.timeline(id), [])]);
      return mergeTimeline(b, l);
    },
    async resolve(name) {
      return (await bundled.resolve(name)) ?? (await orNull(library.resolve(name), null));
    },
  };
}
