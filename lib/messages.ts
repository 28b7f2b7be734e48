/**
 * Every message between the extension's contexts, declared once per receiver:
 * each request's fields (read by lib/message-fields.ts, which gives both its
 * TypeScript type and its runtime check), its answer and, for the background,
 * who may send it. The background handles `BackgroundRequest`s (one handler
 * each); the content script `ContentRequest`s from the background and the
 * popup; Chrome's offscreen document `OffscreenRequest`s. Anything that is not
 * exactly one of the declared shapes is refused.
 */
import type { AssignedShortcuts, NameDirection } from './commands';
import type { ArticleRef, EntityView } from './engine/lookup';
import type { EntityType } from './engine/types';
import type { EntityScripts } from './entity-scripts';
import type { LibraryEntry } from './library/library';
import type { ImportOutcome, LibraryExport } from './library/transfer';
import type { Extraction } from './library/format';
import type { ImportProgress } from './library/import-job';
import { exactly, type Field, type Fields, INVALID, listOf, nullable, objectOf, oneOf, optional, type ShapeOf, text, truth, whole } from './message-fields';
import type { ArticleWithStatements, RelatedArticleView, SearchAnswer, TimelinePoint } from './engine/views';

export type { ArticleWithStatements, RelatedArticleView, TimelinePoint } from './engine/views';

/** Pages bigger than this are not sent for extraction (the popup says "not an article"). */
export const MAX_PAGE_HTML = 20_000_000;

/**
 * Who sends a request to the background. A content script runs inside every
 * web page the reader visits, so it may send only what the page side needs;
 * the extension's own pages (popup, options, reader) may send everything.
 */
export type SenderKind = 'content-script' | 'extension-page';

const EXTENSION_PAGES = ['extension-page'] as const satisfies readonly SenderKind[];
const PAGES_AND_CONTENT_SCRIPTS = ['extension-page', 'content-script'] as const satisfies readonly SenderKind[];

/** Carries a request's answer type; it holds no value. */
export interface Answer<T> {
  readonly answer?: T;
}
const answers = <T>(): Answer<T> => ({});

/** One request: its fields beside `type`, each checked on arrival, and its answer. */
interface Declaration {
  readonly fields: Fields;
  readonly reply: Answer<unknown>;
}

interface BackgroundDeclaration extends Declaration {
  /** Who may send it. Required, so no request is added without deciding. */
  readonly from: readonly SenderKind[];
}

/** The union of the declared requests, each `{ type, ...fields }`. */
type RequestOf<D extends Record<string, Declaration>> = { [K in keyof D & string]: ShapeOf<{ type: Field<K> } & D[K]['fields']> }[keyof D & string];
/** Each request's answer, by type. */
type AnswersOf<D extends Record<string, Declaration>> = { [K in keyof D]: D[K]['reply'] extends Answer<infer T> ? T : never };

/** Reads exactly the declared shapes, dropping extra fields; anything else is null. */
function readerOf<D extends Record<string, Declaration>>(declared: D): (value: unknown) => RequestOf<D> | null {
  // Made on first use, so a context that never reads these requests (the content script reads only its own) bundles none of them.
  let readers: Map<string, Field<unknown>> | null = null;
  return (value) => {
    readers ??= new Map(Object.entries(declared).map(([type, d]) => [type, objectOf({ ...d.fields, type: oneOf(type) })]));
    const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    const read = typeof type === 'string' ? readers.get(type)?.(value) : undefined;
    return read === undefined || read === INVALID ? null : (read as RequestOf<D>);
  };
}

/** Files the reader chose to import, each read whole. */
const IMPORT_FILES = listOf(objectOf({ name: text(500), text: text(200_000_000) }), 10_000);

/** The names an import resolves against (lib/library/derive.ts `NameContext`). */
const NAME_CONTEXT = listOf(
  objectOf({
    id: text(200),
    name: text(1000),
    type: oneOf<EntityType>('person', 'organization', 'media', 'place'),
    aliases: listOf(text(1000), 10_000),
    role: optional(nullable(text(10_000))),
  }),
  1_000_000,
);

/**
 * Every request the background answers, declared once: the fields it carries
 * (which give both its type and its runtime check), its answer, and who may
 * send it. The handler table (lib/background/handler-table.ts) is keyed by
 * this object, so the compiler also holds one handler per entry.
 */
export const BACKGROUND_REQUESTS = {
  // What the content script needs on a page: a card, the badge, the reader, the keys for its footer.
  'lookup-entity': { from: PAGES_AND_CONTENT_SCRIPTS, fields: { id: text(200), limit: optional(whole(1)) }, reply: answers<EntityView | null>() },
  'page-mentions': { from: PAGES_AND_CONTENT_SCRIPTS, fields: { distinct: whole(0) }, reply: answers<null>() },
  'open-reader': { from: PAGES_AND_CONTENT_SCRIPTS, fields: { article: text(200), statement: optional(text(220)) }, reply: answers<null>() },
  /** Every statement about an entity, filterable, with its timeline: the reader's entity page. */
  'open-entity-page': { from: PAGES_AND_CONTENT_SCRIPTS, fields: { id: text(200) }, reply: answers<null>() },
  /** The keys the browser holds for the next/previous-name commands (content scripts cannot read `browser.commands`). */
  'name-shortcuts': { from: PAGES_AND_CONTENT_SCRIPTS, fields: {}, reply: answers<AssignedShortcuts>() },

  // The popup, options and reader only.
  search: { from: EXTENSION_PAGES, fields: { query: text(500) }, reply: answers<SearchAnswer>() },
  'related-articles': { from: EXTENSION_PAGES, fields: { text: text(500_000) }, reply: answers<RelatedArticleView[]>() },
  'get-article': { from: EXTENSION_PAGES, fields: { id: text(200) }, reply: answers<ArticleWithStatements | null>() },
  'list-articles': { from: EXTENSION_PAGES, fields: {}, reply: answers<ArticleRef[]>() },
  timeline: { from: EXTENSION_PAGES, fields: { id: text(200) }, reply: answers<TimelinePoint[]>() },
  /**
   * Save the article open in this tab to the reader's library (popup; the context menu and the command call the same code).
   * The page's copy is not sent by the content script: the background asks it for one (`page-document`).
   */
  /** `anyway`: the reader was told the page names nobody of Iran–Iraq affairs (`off-topic`) and saves it all the same. */
  'save-article': { from: EXTENSION_PAGES, fields: { tab: whole(0), anyway: optional(exactly(true)) }, reply: answers<SaveOutcome>() },
  'library-list': { from: EXTENSION_PAGES, fields: {}, reply: answers<LibraryEntry[]>() },
  'library-delete': { from: EXTENSION_PAGES, fields: { ids: listOf(text(200), 100_000) }, reply: answers<null>() },
  'library-clear': { from: EXTENSION_PAGES, fields: {}, reply: answers<null>() },
  'library-export': { from: EXTENSION_PAGES, fields: {}, reply: answers<LibraryExport>() },
  /** Files the reader chose: a library export (.json) or articles in the seeds format (.txt). All are added, or none. */
  'library-import': { from: EXTENSION_PAGES, fields: { files: IMPORT_FILES }, reply: answers<ImportOutcome>() },
  /** Stop the import that runs (what it wrote is taken out again). */
  'library-import-cancel': { from: EXTENSION_PAGES, fields: {}, reply: answers<null>() },
  /**
   * How far the running import got (null: none runs). The options page asks every second while one runs: the
   * request also keeps Firefox's event page (and the worker it started) from being suspended as idle.
   */
  'library-import-status': { from: EXTENSION_PAGES, fields: {}, reply: answers<ImportProgress | null>() },
  /** From Chrome's offscreen document (an extension page): how far the import worker got (`changed`: a batch was written). */
  'library-import-progress': {
    from: EXTENSION_PAGES,
    fields: { progress: objectOf({ phase: oneOf('reading', 'saving', 'undoing'), done: whole(0), total: whole(0) }), changed: truth },
    reply: answers<null>(),
  },
  /** The names the extension knows in Arabic script (bundled and library), for a Persian or Arabic interface. */
  'entity-scripts': { from: EXTENSION_PAGES, fields: {}, reply: answers<EntityScripts>() },
} as const satisfies Record<string, BackgroundDeclaration>;

export type BackgroundRequestType = keyof typeof BACKGROUND_REQUESTS;
export type BackgroundRequest = RequestOf<typeof BACKGROUND_REQUESTS>;
export type BackgroundResponses = AnswersOf<typeof BACKGROUND_REQUESTS>;
export const parseBackgroundRequest = readerOf(BACKGROUND_REQUESTS);

/** Whether a sender of this kind may send this request (its declaration's `from`). */
export function mayAsk(type: BackgroundRequestType, sender: SenderKind): boolean {
  return (BACKGROUND_REQUESTS[type].from as readonly SenderKind[]).includes(sender);
}

/**
 * Why an article was not saved; the popup says it in words. `too-big`: more page text than the extraction reads
 * (lib/library/extract.ts). `off-topic`: it names nobody of Iran–Iraq affairs (lib/library/relevance.ts); the popup offers to save it anyway.
 */
export type SaveRefusal = 'private-window' | 'not-an-article' | 'too-big' | 'off-topic' | 'storage-full' | 'no-page';

/**
 * `duplicate`: the same text was already saved from another address, and was left as it was (`lib/library/identity.ts`).
 * `offPages`: saved anyway though it names nobody of Iran–Iraq affairs: its names are not underlined on pages.
 */
export type SaveOutcome = { saved: true; id: string; title: string; updated: boolean; duplicate: boolean; offPages?: true } | { saved: false; reason: SaveRefusal };

/** The background's requests to Chrome's offscreen document, which has the DOM and the workers a service worker lacks. */
export const OFFSCREEN_REQUESTS = {
  /** Read an article with Readability. */
  'extract-article': { fields: { html: text(MAX_PAGE_HTML), url: text(4000) }, reply: answers<Extraction>() },
  /** Run an import in the import worker; answered when it is done. */
  'import-start': { fields: { files: IMPORT_FILES, context: NAME_CONTEXT, now: text(40) }, reply: answers<ImportOutcome>() },
  'import-cancel': { fields: {}, reply: answers<null>() },
} as const satisfies Record<string, Declaration>;

export type OffscreenRequest = RequestOf<typeof OFFSCREEN_REQUESTS>;
export type OffscreenResponses = AnswersOf<typeof OFFSCREEN_REQUESTS>;
export const parseOffscreenRequest = readerOf(OFFSCREEN_REQUESTS);

export interface PageName {
  id: string;
  name: string;
  type: EntityType;
  /** Its spellings in Arabic script, from the name table, for a Persian or Arabic interface. */
  scripts?: string[];
  count: number;
}

export interface PageState {
  host: string;
  enabled: boolean;
  names: PageName[];
  /** The page's visible text (capped), for related-article ranking. */
  text: string;
  /** A private (incognito) window: nothing from it is saved to the library. */
  private: boolean;
}

/** A copy of the page for the extraction, which runs in an extension document, never in the page. */
export interface PageDocument {
  html: string;
  url: string;
  private: boolean;
}

/** What the background and the popup ask the content script of a tab (only this extension can reach its listener). */
export const CONTENT_REQUESTS = {
  'page-state': { fields: {}, reply: answers<PageState>() },
  'reveal-mention': { fields: { id: text(200) }, reply: answers<boolean>() },
  /** A keyboard command, relayed by the background: move to the next or previous name and open its card; false when nothing moved. */
  'step-name': { fields: { direction: oneOf<NameDirection>('next', 'previous') }, reply: answers<boolean>() },
  /** From the background, when the reader asks to save this page; null: the page is too big to copy. */
  'page-document': { fields: {}, reply: answers<PageDocument | null>() },
} as const satisfies Record<string, Declaration>;

export type ContentRequest = RequestOf<typeof CONTENT_REQUESTS>;
export type ContentResponses = AnswersOf<typeof CONTENT_REQUESTS>;
export const parseContentRequest = readerOf(CONTENT_REQUESTS);
