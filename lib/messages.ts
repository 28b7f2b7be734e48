/**
 * Every message between the extension's contexts, typed in one place. The
 * background handles `BackgroundRequest`s (one handler each); the content
 * script handles `ContentRequest`s from the popup. Validators reject anything
 * that is not exactly one of these shapes.
 */
import type { AssignedShortcuts, NameDirection } from './commands';
import type { ArticleRef, EntityView } from './engine/lookup';
import type { EntityType } from './engine/types';
import type { EntityScripts } from './entity-scripts';
import type { LibraryEntry } from './library/library';
import type { ImportFile, ImportOutcome, LibraryExport } from './library/transfer';
import type { NameContext } from './library/derive';
import type { Extraction } from './library/format';
import type { ImportProgress } from './library/import-job';
import type { ArticleWithStatements, RelatedArticleView, SearchAnswer, TimelinePoint } from './engine/views';

export type { ArticleWithStatements, RelatedArticleView, TimelinePoint } from './engine/views';

export type BackgroundRequest =
  | { type: 'lookup-entity'; id: string; limit?: number }
  | { type: 'search'; query: string }
  | { type: 'related-articles'; text: string }
  | { type: 'get-article'; id: string }
  | { type: 'list-articles' }
  | { type: 'timeline'; id: string }
  | { type: 'page-mentions'; distinct: number }
  | { type: 'open-reader'; article: string; statement?: string }
  /** Every statement about an entity, filterable, with its timeline: the reader's entity page. */
  | { type: 'open-entity-page'; id: string }
  /** The keys the browser holds for the next/previous-name commands (content scripts cannot read `browser.commands`). */
  | { type: 'name-shortcuts' }
  /** The names the extension knows in Arabic script (bundled and library), for a Persian or Arabic interface. */
  | { type: 'entity-scripts' }
  /**
   * Save the article open in this tab to the reader's library (popup; the context menu and the command call the same code).
   * `anyway`: the reader was told the page names nobody of Iran–Iraq affairs (`off-topic`) and saves it all the same.
   */
  | { type: 'save-article'; tab: number; anyway?: true }
  | { type: 'library-list' }
  | { type: 'library-delete'; ids: string[] }
  | { type: 'library-clear' }
  | { type: 'library-export' }
  /** Files the reader chose: a library export (.json) or articles in the seeds format (.txt). All are added, or none. */
  | { type: 'library-import'; files: ImportFile[] }
  /** Stop the import that runs (what it wrote is taken out again). */
  | { type: 'library-import-cancel' }
  /**
   * How far the running import got (null: none runs). The options page asks every second while one runs: the
   * request also keeps Firefox's event page (and the worker it started) from being suspended as idle.
   */
  | { type: 'library-import-status' }
  /** From Chrome's offscreen document: how far the import worker got (`changed`: a batch was written). */
  | { type: 'library-import-progress'; progress: ImportProgress; changed: boolean };

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

export interface BackgroundResponses {
  'lookup-entity': EntityView | null;
  search: SearchAnswer;
  'related-articles': RelatedArticleView[];
  'get-article': ArticleWithStatements | null;
  'list-articles': ArticleRef[];
  timeline: TimelinePoint[];
  'page-mentions': null;
  'open-reader': null;
  'open-entity-page': null;
  'name-shortcuts': AssignedShortcuts;
  'entity-scripts': EntityScripts;
  'save-article': SaveOutcome;
  'library-list': LibraryEntry[];
  'library-delete': null;
  'library-clear': null;
  'library-export': LibraryExport;
  'library-import': ImportOutcome;
  'library-import-cancel': null;
  'library-import-status': ImportProgress | null;
  'library-import-progress': null;
}

/**
 * The background's requests to Chrome's offscreen document, which has the DOM and the workers a service worker lacks:
 * read an article with Readability; run an import in the import worker (answered when it is done), or stop it.
 */
export type OffscreenRequest =
  | { type: 'extract-article'; html: string; url: string }
  | { type: 'import-start'; files: ImportFile[]; context: NameContext; now: string }
  | { type: 'import-cancel' };

export function parseOffscreenRequest(value: unknown): OffscreenRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (m.type === 'extract-article') return isString(m.html, MAX_PAGE_HTML) && isString(m.url, 4000) ? { type: m.type, html: m.html, url: m.url } : null;
  if (m.type === 'import-cancel') return { type: m.type };
  if (m.type === 'import-start') {
    return isImportFiles(m.files) && Array.isArray(m.context) && isString(m.now, 40) ? { type: m.type, files: m.files, context: m.context as NameContext, now: m.now } : null;
  }
  return null;
}

export interface OffscreenResponses {
  'extract-article': Extraction;
  'import-start': ImportOutcome;
  'import-cancel': null;
}

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

/** Pages bigger than this are not sent for extraction (the popup says "not an article"). */
export const MAX_PAGE_HTML = 20_000_000;

export type ContentRequest =
  | { type: 'page-state' }
  | { type: 'reveal-mention'; id: string }
  /** A keyboard command, relayed by the background: move to the next or previous name and open its card. */
  | { type: 'step-name'; direction: NameDirection }
  /** From the background, when the reader asks to save this page. */
  | { type: 'page-document' };

export interface ContentResponses {
  'page-state': PageState;
  'reveal-mention': boolean;
  /** false when nothing moved: no names, or the reader is typing in a field. */
  'step-name': boolean;
  /** null: the page is too big to copy. */
  'page-document': PageDocument | null;
}

const isString = (v: unknown, max = 100_000): v is string => typeof v === 'string' && v.length <= max;

/** Accepts exactly the known request shapes; everything else is null. */
export function parseBackgroundRequest(value: unknown): BackgroundRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'lookup-entity':
      return isString(m.id, 200) && (m.limit === undefined || (Number.isInteger(m.limit) && (m.limit as number) > 0))
        ? { type: m.type, id: m.id, limit: m.limit as number | undefined }
        : null;
    case 'search':
      return isString(m.query, 500) ? { type: m.type, query: m.query } : null;
    case 'related-articles':
      return isString(m.text, 500_000) ? { type: m.type, text: m.text } : null;
    case 'get-article':
    case 'timeline':
    case 'open-entity-page':
      return isString(m.id, 200) ? { type: m.type, id: m.id } : null;
    case 'list-articles':
    case 'name-shortcuts':
    case 'entity-scripts':
    case 'library-list':
    case 'library-clear':
    case 'library-export':
      return { type: m.type };
    case 'page-mentions':
      return Number.isInteger(m.distinct) && (m.distinct as number) >= 0 ? { type: m.type, distinct: m.distinct as number } : null;
    case 'open-reader':
      return isString(m.article, 200) && (m.statement === undefined || isString(m.statement, 220))
        ? { type: m.type, article: m.article, statement: m.statement as string | undefined }
        : null;
    case 'save-article':
      return Number.isInteger(m.tab) && (m.tab as number) >= 0 && (m.anyway === undefined || m.anyway === true)
        ? { type: m.type, tab: m.tab as number, ...(m.anyway ? { anyway: true as const } : {}) }
        : null;
    case 'library-delete':
      return Array.isArray(m.ids) && m.ids.length <= 100_000 && m.ids.every((id) => isString(id, 200)) ? { type: m.type, ids: m.ids as string[] } : null;
    case 'library-import':
      return isImportFiles(m.files) ? { type: m.type, files: m.files.map((f) => ({ name: f.name, text: f.text })) } : null;
    case 'library-import-cancel':
    case 'library-import-status':
      return { type: m.type };
    case 'library-import-progress':
      return isImportProgress(m.progress) && typeof m.changed === 'boolean'
        ? { type: m.type, progress: { phase: m.progress.phase, done: m.progress.done, total: m.progress.total }, changed: m.changed }
        : null;
    default:
      return null;
  }
}

const isImportFiles = (value: unknown): value is ImportFile[] => Array.isArray(value) && value.length <= 10_000 && value.every(isImportFile);

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
function isImportProgress(value: unknown): value is ImportProgress {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (p.phase === 'reading' || p.phase === 'saving' || p.phase === 'undoing') && isCount(p.done) && isCount(p.total);
}

function isImportFile(value: unknown): value is ImportFile {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return isString(f.name, 500) && isString(f.text, 200_000_000);
}

export function parseContentRequest(value: unknown): ContentRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (m.type === 'page-state') return { type: 'page-state' };
  if (m.type === 'reveal-mention' && isString(m.id, 200)) return { type: 'reveal-mention', id: m.id };
  if (m.type === 'step-name' && (m.direction === 'next' || m.direction === 'previous')) return { type: 'step-name', direction: m.direction };
  if (m.type === 'page-document') return { type: 'page-document' };
  return null;
}
