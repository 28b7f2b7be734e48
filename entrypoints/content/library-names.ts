/**
 * The reader's library names on the page: read from extension storage at
 * start and followed live, so saving an article underlines its people on every
 * open page, and deleting it takes them away. Kept apart from the page context
 * so the content script's start-up only swaps the table it matches with.
 */
import { browser } from 'wxt/browser';
import type { NameTable } from '../../lib/engine/matcher';
import { LIBRARY_NAMES_KEY, mergeNameTables, readLibraryNames } from '../../lib/library/names-storage';

/** Calls `onTable` with the bundled table merged with the library's, at start and after every change, until `signal` aborts. */
export function followLibraryNames(bundled: NameTable, signal: AbortSignal, onTable: (table: NameTable) => void): void {
  let latest: unknown = null;
  const emit = (stored: unknown) => {
    latest = stored;
    if (!signal.aborted) onTable(mergeNameTables(bundled, readLibraryNames(stored)));
  };
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && LIBRARY_NAMES_KEY in changes) emit(changes[LIBRARY_NAMES_KEY].newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
  browser.storage.local.get(LIBRARY_NAMES_KEY).then(
    // A change that arrived before the first read is newer: keep it.
    (stored) => latest === null && emit(stored[LIBRARY_NAMES_KEY]),
    () => undefined,
  );
}

/** A copy of the page for the extraction (which runs in an extension document, not here); null when the page is too big to send. */
export function pageDocument(doc: Document, maxLength: number): { html: string; url: string; private: boolean } | null {
  // XMLSerializer gives the whole document as markup without touching it; it is parsed again, inertly, by DOMParser.
  const html = new XMLSerializer().serializeToString(doc);
  if (html.length > maxLength) return null;
  return { html, url: doc.location?.href ?? '', private: browser.extension.inIncognitoContext };
}
