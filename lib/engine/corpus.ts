/**
 * Seeds → corpus: articles, entities with cited roles, and statements with
 * their mentions and attributed quotes. Pure: it takes file names and bytes,
 * so the build, the CLI and the tests all run the very same code.
 */
import { parseArticle, validateMeta, type ArticleMeta } from './article';
import { discoverEntities, weakenSharedSurnames } from './discovery';
import { readEntityFile, type CuratedEntity } from './entities-file';
import { ALL_TYPES, compileNameTable, findMentions, type NameTable, neverUnderlined } from './matcher';
import { attributeQuotes } from './attribution';
import { findQuoteSpans, splitSentences, type Span } from './sentences';
import type { Article, Corpus, Entity, Mention, Quote, SeedProblem, Statement } from './types';

export interface SeedFile {
  name: string;
  bytes: Uint8Array;
}

export const ENTITY_FILE = 'entities.json';
/** A paragraph longer than this is not prose: most likely a broken export. */
export const MAX_LINE_LENGTH = 100_000;

export interface BuiltCorpus extends Corpus {
  table: NameTable;
}

function lineAt(bytes: Uint8Array, byteOffset: number): number {
  let line = 1;
  for (let i = 0; i < byteOffset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** First invalid UTF-8 sequence, by byte offset, or -1. */
function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** Decodes a seed, or says by line why it is not readable text. */
export function decodeSeed(file: SeedFile): { text: string } | { problem: SeedProblem } {
  const fail = (reason: string, line: number | null = null) => ({ problem: { file: file.name, line, reason } });
  if (file.bytes.length === 0) return fail('empty file');
  const nul = file.bytes.indexOf(0);
  if (nul >= 0) return fail('binary data (a NUL byte), not text', lineAt(file.bytes, nul));
  const bad = invalidUtf8At(file.bytes);
  if (bad >= 0) return fail('not UTF-8 text (wrong encoding?); save the file as UTF-8', lineAt(file.bytes, bad));
  let text = new TextDecoder('utf-8').decode(file.bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('empty file');
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (i - lineStart > MAX_LINE_LENGTH) {
        return fail(`line is ${i - lineStart} characters long (limit ${MAX_LINE_LENGTH}): not an article`, line);
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { text };
}

function parseJson(file: SeedFile): { value: unknown } | { problem: SeedProblem } {
  const decoded = decodeSeed(file);
  if ('problem' in decoded) return decoded;
  try {
    return { value: JSON.parse(decoded.text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = jsonErrorOffset(decoded.text);
    const line = decoded.text.slice(0, at).split('\n').length;
    return { problem: { file: file.name, line, reason: `invalid JSON: ${message}` } };
  }
}

/**
 * Where JSON.parse fails, found without relying on the engine's message format:
 * every prefix before the error fails only for ending early.
 */
function jsonErrorOffset(text: string): number {
  const endsEarly = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (error) {
      return error instanceof SyntaxError && /end of (JSON )?input|Unterminated/i.test(error.message);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endsEarly(mid + 1)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ArticleText {
  article: Article;
  /** The body as one document, paragraphs joined by blank lines, so short aliases resolve across the article. */
  text: string;
  paragraphStarts: number[];
}

export function articleText(article: Article): ArticleText {
  const paragraphStarts: number[] = [];
  let text = '';
  for (const p of article.paragraphs) {
    if (text) text += '\n\n';
    paragraphStarts.push(text.length);
    text += p;
  }
  return { article, text, paragraphStarts };
}

function statementsOf(doc: ArticleText, table: NameTable, roles: Map<string, string[]>): Statement[] {
  const sentences: Span[] = [];
  const paragraphOf: number[] = [];
  const quotes: Span[] = [];
  doc.article.paragraphs.forEach((p, i) => {
    const base = doc.paragraphStarts[i];
    const spans = findQuoteSpans(p);
    for (const s of splitSentences(p, spans)) {
      sentences.push({ start: base + s.start, end: base + s.end });
      paragraphOf.push(i);
    }
    for (const q of spans) quotes.push({ start: base + q.start, end: base + q.end });
  });
  const mentions = findMentions(doc.text, table, { types: ALL_TYPES });
  // People and organisations speak ("the Joint Operations Command said in a statement"); places do not.
  const people = mentions.filter((m) => m.type !== 'place');
  const voices: (string | null)[] = [];
  const attributions = attributeQuotes({ text: doc.text, sentences, paragraphOf, quotes, people, roles, names: table.entities, voices });
  let q = 0;
  let m = 0;
  return sentences.map((s, n) => {
    const paragraph = paragraphOf[n];
    const base = doc.paragraphStarts[paragraph];
    const inSentence: Mention[] = [];
    while (m < mentions.length && mentions[m].start < s.end) inSentence.push(mentions[m++]);
    const statement: Statement = {
      id: `${doc.article.id}#${n + 1}`,
      article: doc.article.id,
      paragraph,
      start: s.start - base,
      end: s.end - base,
      text: doc.text.slice(s.start, s.end),
      entities: [],
      quotes: [],
    };
    while (q < quotes.length && quotes[q].start < s.end) {
      const span = quotes[q];
      const text = doc.text.slice(span.start + 1, span.end - 1);
      const { speaker, cue, confidence } = attributions[q];
      const quote: Quote = { start: span.start - base, end: span.end - base, text, speaker };
      if (speaker && cue && confidence) Object.assign(quote, { cue, confidence });
      if (isFragment(text)) quote.partial = true;
      statement.quotes.push(quote);
      q++;
    }
    const voice = voices[n];
    if (voice) statement.voice = voice;
    const ids = [...inSentence.map((x) => x.entity), ...statement.quotes.map((x) => x.speaker), voice ?? null];
    statement.entities = [...new Set(ids.filter((x): x is string => x !== null))];
    return statement;
  });
}

/** "milestone", "turning point": fewer than four words are a fragment of someone's words, not a full quote. */
export function isFragment(text: string): boolean {
  return text.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < 4;
}

/** Cites each role with the first statement of its article that states it about that entity; a curated role that no sentence states is a problem. */
function citeRoles(
  entities: (CuratedEntity & { source: Entity['source'] })[],
  statements: Statement[],
  problems: SeedProblem[],
): Omit<Entity, 'articles'>[] {
  const byArticle = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = byArticle.get(s.article);
    if (list) list.push(s);
    else byArticle.set(s.article, [s]);
  }
  return entities.map((e) => {
    const seen = new Set<string>();
    const roles = e.roles.flatMap((role) => {
      const inArticle = byArticle.get(role.article) ?? [];
      const cite =
        inArticle.find((s) => s.entities.includes(e.id) && s.text.includes(role.text)) ??
        (e.source === 'discovered' ? inArticle.find((s) => s.text.includes(role.text)) : undefined);
      if (cite) {
        const key = `${role.text}\u0000${role.article}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ text: role.text, article: role.article, statement: cite.id }];
      }
      if (e.source === 'curated') {
        problems.push({ file: ENTITY_FILE, line: null, reason: `${e.id}: role "${role.text}" is not stated about them in ${role.article}` });
      }
      return [];
    });
    return { id: e.id, name: e.name, type: e.type, aliases: e.aliases, weakAliases: e.weakAliases, roles, source: e.source };
  });
}

/** Builds the corpus from a folder's files; every unreadable file is reported, the others still build. */
export function buildCorpus(files: SeedFile[]): BuiltCorpus {
  const problems: SeedProblem[] = [];
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entityFile = sorted.find((f) => f.name === ENTITY_FILE);
  let curated: CuratedEntity[] = [];
  let blockers: string[] = [];
  if (!entityFile) problems.push({ file: ENTITY_FILE, line: null, reason: 'missing: no names can be found without it' });
  else {
    const parsed = parseJson(entityFile);
    if ('problem' in parsed) problems.push(parsed.problem);
    else {
      const read = readEntityFile(parsed.value);
      curated = read.file.entities;
      blockers = read.file.blockers;
      for (const reason of read.problems) problems.push({ file: ENTITY_FILE, line: null, reason });
    }
  }
  const articles = readArticles(sorted, problems);
  // Discovery reads the articles against the curated names first, so that the curated file always wins.
  const discovery = discoverEntities(
    articles.map((a) => ({ id: a.id, paragraphs: a.paragraphs, outlets: [...(a.outlet ? [a.outlet.name, ...(a.outlet.written ? [a.outlet.written] : [])] : []), ...a.sources.map((s) => s.name)] })),
    curated,
    compileNameTable(curated, blockers),
    blockers,
  );
  const all = weakenSharedSurnames([
    ...curated.map((e) => {
      const add = discovery.curatedAdditions.get(e.id);
      return { ...e, aliases: [...e.aliases, ...(add?.aliases ?? [])], roles: [...e.roles, ...(add?.roles ?? [])], source: 'curated' as const };
    }),
    ...discovery.entities.map((e) => ({ ...e, source: 'discovered' as const })),
  ]);
  const table = compileNameTable(all, blockers);
  const roles = new Map(all.map((e) => [e.id, e.roles.map((r) => r.text.toLowerCase())]));
  const statements = articles.flatMap((a) => statementsOf(articleText(a), table, roles));
  const named = new Map<string, Set<string>>();
  const name = (entity: string, article: string) => named.set(entity, (named.get(entity) ?? new Set()).add(article));
  for (const s of statements) for (const e of s.entities) name(e, s.article);
  for (const e of discovery.entities) for (const a of e.articles) name(e.id, a);
  for (const [id, add] of discovery.curatedAdditions) for (const a of add.articles) name(id, a);
  const entities = citeRoles(all, statements, problems).map((e) => ({ ...e, articles: [...(named.get(e.id) ?? [])].sort() }));
  for (const e of entities) {
    if (e.source === 'curated' && e.articles.length === 0) {
      problems.push({ file: ENTITY_FILE, line: null, reason: `${e.id}: never named in any article` });
    }
  }
  return { articles, entities, statements, problems, review: discovery.review, neverUnderlined: neverUnderlined(table), table };
}

function readArticles(sorted: SeedFile[], problems: SeedProblem[]): Article[] {
  const names = new Set(sorted.map((f) => f.name));
  const articles: Article[] = [];
  for (const file of sorted) {
    if (file.name === ENTITY_FILE) continue;
    if (file.name.endsWith('.meta.json')) {
      if (!names.has(file.name.replace(/\.meta\.json$/, '.txt'))) {
        problems.push({ file: file.name, line: null, reason: 'sidecar without its article (.txt)' });
      }
      continue;
    }
    if (!file.name.endsWith('.txt')) {
      problems.push({ file: file.name, line: null, reason: 'not an article: only .txt files (and NAME.meta.json sidecars) are read' });
      continue;
    }
    const decoded = decodeSeed(file);
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    const id = file.name.replace(/\.txt$/, '');
    const meta = readSidecar(sorted.find((f) => f.name === `${id}.meta.json`), problems);
    const article = parseArticle(id, decoded.text, meta);
    if (article.paragraphs.length === 0) {
      problems.push({ file: file.name, line: null, reason: 'no body text found' });
      continue;
    }
    articles.push(article);
  }
  return articles;
}

function readSidecar(file: SeedFile | undefined, problems: SeedProblem[]): ArticleMeta {
  if (!file) return {};
  const parsed = parseJson(file);
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return {};
  }
  const { meta, problems: found } = validateMeta(parsed.value);
  for (const reason of found) problems.push({ file: file.name, line: null, reason });
  return meta;
}
