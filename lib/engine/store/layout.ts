/**
 * The corpus as files in the extension package, so that no request loads what
 * it does not need: a card reads one entity file, the reader one article file,
 * search an article-level index and then the few articles it shows sentences
 * from. Written by the build; the same corpus always gives the same bytes,
 * file for file, and the build refuses to write a set whose files disagree.
 */
import type { AsPlainObject } from 'minisearch';
import type { BuiltCorpus } from '../corpus';
import type { LoadedCorpus } from '../bundle';
import { type ArticleRef, articleRef, entityView } from '../lookup';
import { type RelatedStatements, relatedStatementsByEntity } from '../related';
import type { EntityType, SeedProblem } from '../types';
import { type ArticleWithStatements, articleMentions, type TimelinePoint, timelineOf } from '../views';
import { buildArticleIndex, buildNamesIndex } from './article-index';

export const CORPUS_DIR = 'corpus';
/** 2: the entities moved from meta.json to names.json, so that names are answered without the list of every article. */
export const LAYOUT_VERSION = 2;
/** Statements an entity file carries for the card; the rest are read from their articles when a view asks for more. */
export const CARD_STATEMENTS = 8;

export interface EntityEntry {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  role: string | null;
}

export interface CorpusMeta {
  version: number;
  /** In corpus order; an article's file is `articles/<its position>.json`. */
  articles: ArticleRef[];
  problems: SeedProblem[];
  statements: number;
}

/**
 * Everything a names answer needs and nothing more: the first keystrokes of a
 * cold search, "did you mean" and a typed name read this small file, never
 * meta.json's list of every article.
 */
export interface NamesFile {
  version: number;
  /** In corpus order (the positions `related.json` gives); an entity's file is `entities/<its id>.json`. */
  entities: EntityEntry[];
  /** The entities alone as a MiniSearch index (`buildNamesIndex`). */
  index: AsPlainObject;
}

export interface EntityFile {
  view: ReturnType<typeof entityView>;
  /** Every statement id, quotes first, then partial quotes, then mentions, each newest first: what "all statements" pages through. */
  said: string[];
  partial: string[];
  about: string[];
  timeline: TimelinePoint[];
}

export interface ArticleFile extends ArticleWithStatements {
  /** Names of the entities its quotes are given to, so its statements can be shown without other files. */
  names: Record<string, string>;
}

/** The statements' text comes back from the paragraphs when the file is read. */
export function withStatementText(file: ArticleFile): ArticleFile {
  for (const s of file.statements) s.text ??= file.article.paragraphs[s.paragraph]?.slice(s.start, s.end) ?? '';
  return file;
}

export interface RelatedFile {
  /** Per article (by position), the positions of the entities it names. */
  named: number[][];
}

export const SAFE_ID = /^[a-z0-9-]+$/;

export const paths = {
  meta: `${CORPUS_DIR}/meta.json`,
  search: `${CORPUS_DIR}/search.json`,
  /** The names alone, small (`NamesFile`): what the first keystrokes of a cold popup search while search.json loads. */
  names: `${CORPUS_DIR}/names.json`,
  related: `${CORPUS_DIR}/related.json`,
  /** By id (ids are lower-case letters, digits and hyphens), so a card needs no other file to find its own. */
  entity: (id: string) => `${CORPUS_DIR}/entities/${id}.json`,
  article: (n: number) => `${CORPUS_DIR}/articles/${n}.json`,
};

/** Every file of the packaged corpus, by path. Throws when the files would contradict each other. */
export function corpusFiles(built: BuiltCorpus): Map<string, string> {
  checkReferences(built);
  const corpus = withoutIndex(built);
  const relatedAll = relatedStatementsByEntity(built);
  const dates = new Map(built.articles.map((a) => [a.id, a.date?.iso ?? null]));
  const none: RelatedStatements = { said: [], partial: [], about: [] };
  const files = new Map<string, string>();
  const entityAt = new Map(built.entities.map((e, i) => [e.id, i]));
  const articleAt = new Map(built.articles.map((a, i) => [a.id, i]));
  const meta: CorpusMeta = { version: LAYOUT_VERSION, articles: built.articles.map(articleRef), problems: built.problems, statements: built.statements.length };
  files.set(paths.meta, JSON.stringify(meta));
  built.entities.forEach((e) => {
    const related = relatedAll.get(e.id) ?? none;
    const view = entityView(corpus, e, related, CARD_STATEMENTS);
    const ids = (list: { id: string }[]) => list.map((s) => s.id);
    const file: EntityFile = { view, said: ids(related.said), partial: ids(related.partial), about: ids(related.about), timeline: timelineOf(related, dates) };
    if (!SAFE_ID.test(e.id)) throw new Error(`entity id "${e.id}" cannot name a file`);
    files.set(paths.entity(e.id), JSON.stringify(file));
  });
  const byArticle = new Map<string, ArticleFile>();
  for (const a of built.articles) byArticle.set(a.id, { article: a, statements: [], mentions: articleMentions(a, built.table), names: {} });
  const names = new Map(built.entities.map((e) => [e.id, e.name]));
  for (const s of built.statements) {
    const file = byArticle.get(s.article) as ArticleFile;
    file.statements.push(s);
    for (const id of [...s.quotes.map((q) => q.speaker), s.voice ?? null]) if (id) file.names[id] = names.get(id) ?? id;
  }
  built.articles.forEach((a, n) => {
    const file = byArticle.get(a.id) as ArticleFile;
    // A statement's text is its paragraph's slice: stored once, in the paragraph (about a third of the package).
    const statements = file.statements.map(({ text: _text, ...rest }) => rest);
    files.set(paths.article(n), JSON.stringify({ ...file, statements }));
  });
  const related: RelatedFile = { named: built.articles.map(() => []) };
  for (const [article, file] of byArticle) {
    const set = new Set<number>();
    for (const s of file.statements) for (const e of s.entities) set.add(entityAt.get(e) ?? -1);
    if (set.has(-1)) throw new Error(`an article names an entity the corpus does not list: ${article}`);
    related.named[articleAt.get(article) as number] = [...set].sort((x, y) => x - y);
  }
  files.set(paths.related, JSON.stringify(related));
  files.set(paths.search, JSON.stringify(buildArticleIndex(built)));
  const namesFile: NamesFile = {
    version: LAYOUT_VERSION,
    entities: built.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, role: e.roles[0]?.text ?? null })),
    index: buildNamesIndex(built).toJSON(),
  };
  files.set(paths.names, JSON.stringify(namesFile));
  if (files.size !== 4 + built.articles.length + built.entities.length) throw new Error('corpus files: two articles or entities would share a file');
  return files;
}

/** The built corpus as `LoadedCorpus` for the views that compute cards, without building the statement index they do not use. */
function withoutIndex(built: BuiltCorpus): LoadedCorpus {
  const { articles, entities, statements, problems, table } = built;
  return { version: 1, articles, entities, statements, problems, table, index: null as unknown as LoadedCorpus['index'] };
}

/** Every role cites a statement of its own article, and every statement an article of the corpus: else the files would point nowhere. */
function checkReferences(built: BuiltCorpus): void {
  const statements = new Map(built.statements.map((s) => [s.id, s]));
  const articles = new Set(built.articles.map((a) => a.id));
  for (const s of built.statements) if (!articles.has(s.article)) throw new Error(`statement ${s.id} belongs to no article`);
  for (const e of built.entities) {
    for (const r of e.roles) {
      if (statements.get(r.statement)?.article !== r.article) throw new Error(`${e.id}: role "${r.text}" cites ${r.statement}, which ${r.article} does not hold`);
    }
  }
}
