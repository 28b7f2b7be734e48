/**
 * Saving the page in a tab to the library, the same for the popup's button,
 * the context menu and the keyboard command. The page's content script (there
 * already) hands over a copy of the document; Readability runs on that copy in
 * an extension document (`extractIn`), never in the page, so no permission to
 * inject scripts is needed — which is also why saving works from a popup
 * opened as a tab, where the browser grants no `activeTab`.
 */
import { type Library, NotAnArticleError, type Turn } from '../library/library';
import { LibraryFullError } from '../library/db';
import { type Extraction, savedArticleFrom } from '../library/format';
import type { PageDocument, SaveOutcome } from '../messages';

export interface SaveDeps {
  /** Whether the tab is in a private (incognito) window, as the browser says. */
  tabIsPrivate(tab: number): Promise<boolean>;
  /** The page's copy from its content script: null when the page is too big to copy; rejects when it has none (a browser page). */
  pageDocument(tab: number): Promise<PageDocument | null>;
  extract(html: string, url: string): Promise<Extraction>;
  library(): Library;
  now(): Date;
}

/**
 * Takes its place among the library's writes as it is called (the request's
 * arrival), then copies and reads the page: a delete that arrives while the
 * page is read waits for this save's write, and is not undone by it.
 */
export async function saveFromTab(tab: number, deps: SaveDeps, anyway = false): Promise<SaveOutcome> {
  const turn = deps.library().turn();
  try {
    return await copyAndSave(tab, deps, turn, anyway);
  } finally {
    turn.release();
  }
}

async function copyAndSave(tab: number, deps: SaveDeps, turn: Turn, anyway: boolean): Promise<SaveOutcome> {
  // Asked of the browser before the page: a private window's page is not even copied.
  if (await deps.tabIsPrivate(tab)) return { saved: false, reason: 'private-window' };
  const page = await deps.pageDocument(tab).catch(() => undefined);
  if (page === undefined) return { saved: false, reason: 'no-page' };
  // The content script copies no page above MAX_PAGE_HTML: as far too much text as above the extraction's limit.
  if (page === null) return { saved: false, reason: 'too-big' };
  if (page.private) return { saved: false, reason: 'private-window' };
  const extraction = await deps.extract(page.html, page.url);
  if ('refused' in extraction) return { saved: false, reason: extraction.refused };
  const extracted = extraction.page;
  const article = await savedArticleFrom(extracted, deps.now());
  // Not saved silently: the reader is told, and may save it anyway (its names then stay off the pages).
  const offTopic = deps.library().offTopic(article);
  if (offTopic && !anyway) return { saved: false, reason: 'off-topic' };
  try {
    const [result] = await deps.library().save([article], turn);
    return { saved: true, id: result.id, title: article.meta.title ?? extracted.title, updated: result.updated, duplicate: result.duplicate, ...(offTopic ? { offPages: true as const } : {}) };
  } catch (error) {
    if (error instanceof LibraryFullError) return { saved: false, reason: 'storage-full' };
    if (error instanceof NotAnArticleError) return { saved: false, reason: 'not-an-article' };
    throw error;
  }
}
