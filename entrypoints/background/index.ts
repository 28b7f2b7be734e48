/**
 * Answers the extension's requests, one handler per type (lib/background/handler-table.ts).
 * The corpus is read from the package's files as requests need them, so a
 * stopped service worker wakes to answer a card by reading one small file, and
 * nothing here lives only in memory.
 */
import table from 'virtual:name-table';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { assignedShortcuts, directionOfCommand } from '../../lib/commands';
import { admit } from '../../lib/background/admission';
import { corpusHandlers, dispatch, type HandlerTable, type Sender } from '../../lib/background/handler-table';
import { type Imports, libraryHandlers } from '../../lib/background/library-handlers';
import type { SaveDeps } from '../../lib/background/save-article';
import { combinedStore } from '../../lib/engine/store/combined';
import { packagedStore } from '../../lib/engine/store/packaged';
import type { CorpusStore } from '../../lib/engine/store/store';
import { bundledNames } from '../../lib/library/bundled-names';
import { openLibraryDb } from '../../lib/library/db';
import { IMPORT_PROGRESS_KEY } from '../../lib/library/import-job';
import { cached } from '../../lib/library/library-store';
import { createLibrary, type Library } from '../../lib/library/library';
import { LIBRARY_CHANGED_KEY, LIBRARY_NAMES_KEY, type StoredLibraryNames } from '../../lib/library/names-storage';
import { entityScripts } from '../../lib/entity-scripts';
import { askTab } from '../../lib/messaging';
import { entityHash } from '../reader/hash';
import { extractInExtensionDocument, startImport } from './extract-host';
import { SAVE_COMMAND, saveMenu } from './save-entry-points';

/** Reads one file the build wrote into the package. */
async function readPackaged(path: string): Promise<string> {
  // The corpus files are written by the build, so WXT's list of public paths does not name them.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${path}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** The bundled corpus's names, the context saved and imported articles are read in (corpus/names.json, else the built-in table). */
const bundledContext = cached(() => bundledNames(() => readPackaged('corpus/names.json'), table));

let library: Library | null = null;
/** The reader's library: IndexedDB, analysed with the bundled corpus's names as context. */
function readersLibrary(): Library {
  library ??= createLibrary(
    () => openLibraryDb(),
    bundledContext.get,
    table,
    () => void publishLibraryNames().catch((error: unknown) => console.warn('[iran-iraq-context] library names not published:', error)),
  );
  return library;
}

/** Every page's content script follows this key: a saved article's names are underlined everywhere, a deleted one's nowhere. */
async function publishLibraryNames(): Promise<void> {
  const stored: StoredLibraryNames = { version: 1, table: await readersLibrary().nameTable() };
  await browser.storage.local.set({ [LIBRARY_NAMES_KEY]: stored, [LIBRARY_CHANGED_KEY]: Date.now() });
}

let store: CorpusStore | null = null;
/** Made on first use; it reads each corpus file on first need and keeps it while the background lives, and asks the library beside it. */
function corpus(): CorpusStore {
  store ??= combinedStore(packagedStore(readPackaged, table), readersLibrary().store);
  return store;
}

let persistAsked = false;
const saving: SaveDeps = {
  tabIsPrivate: async (tab) => (await browser.tabs.get(tab)).incognito,
  pageDocument: (tab) => askTab(tab, { type: 'page-document' }),
  extract: extractInExtensionDocument,
  library: () => {
    // Asked once, at the first save: without it the browser may evict the library when the disk runs low.
    // Firefox's background page can ask; Chrome's service worker has no StorageManager.persist, so the popup asks there.
    if (!persistAsked) {
      persistAsked = true;
      void navigator.storage?.persist?.().catch(() => false);
    }
    return readersLibrary();
  },
  now: () => new Date(),
};

const loggedRejections = new Set<string>();
/** Logs each reason once: a sender that loops must not flood the console. */
function logOnce(line: string): void {
  if (!loggedRejections.has(line)) {
    loggedRejections.add(line);
    console.warn(`[iran-iraq-context] ${line}`);
  }
}

/** Imports run in the import worker; how far the running one got is kept in session storage, where the options page reads it. */
const imports: Imports = {
  start: (files, onProgress) => startImport(files, bundledContext.get(), saving.now(), onProgress),
  show: (progress) => browser.storage.session.set({ [IMPORT_PROGRESS_KEY]: progress }),
};

const handlers: HandlerTable = {
  ...corpusHandlers(corpus),
  ...libraryHandlers(readersLibrary, saving, imports),
  'page-mentions': async (request, sender) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) {
      // Firefox's Manifest V2 names the toolbar button browserAction; browser.action is undefined there.
      const button = browser.action ?? browser.browserAction;
      await button.setBadgeBackgroundColor({ color: '#35506b', tabId });
      await button.setBadgeText({ text: request.distinct > 0 ? String(request.distinct) : '', tabId });
    }
    return null;
  },
  'open-reader': async (request, sender) => {
    const hash = new URLSearchParams({ article: request.article, ...(request.statement ? { statement: request.statement } : {}) });
    await openReader(`#${hash}`, sender);
    return null;
  },
  'open-entity-page': async (request, sender) => {
    await openReader(`#${entityHash(request.id)}`, sender);
    return null;
  },
  'name-shortcuts': async () => assignedShortcuts(await browser.commands.getAll()),
  'entity-scripts': async () => {
    // The library's names add to the bundled ones; a library that cannot be read costs only its own.
    const own = await readersLibrary()
      .nameTable()
      .catch(() => null);
    return entityScripts(own ? [table, own] : [table]);
  },
};

/** The reader opens beside the tab that asked, or at the end when a popup asked. */
async function openReader(hash: string, sender: Sender): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL('/reader.html')}${hash}`, index: sender.tab ? sender.tab.index + 1 : undefined });
}

/** A next/previous-name command goes to the page the reader is looking at, whose content script moves the focus. */
async function relayCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const direction = directionOfCommand(command);
  if (!direction) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  // Pages without our content script (browser pages, the web store) have nobody to answer: nothing to do there.
  await askTab(tabId, { type: 'step-name', direction }).catch(() => false);
}

export default defineBackground({
  // Firefox: an event page, like Chrome's service worker. Firefox wakes a stopped event page for the keyboard
  // commands (it primes their listener), but not a stopped persistent page; and nothing here needs to stay in memory.
  persistent: false,
  main() {
    browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
      if (command === SAVE_COMMAND) void saveMenu.saveTab(tab, saving);
      else void relayCommand(command, tab);
    });
    saveMenu.listen(saving);
    browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
      // A web page cannot reach this listener; our content scripts can, and get only the page-side requests.
      const admission = admit(message, sender, { id: browser.runtime.id, origin: self.location.origin });
      if ('ignored' in admission) {
        logOnce(`ignored a message: ${admission.ignored}`);
        return undefined;
      }
      if ('refused' in admission) {
        logOnce(`refused a request: ${admission.refused}`);
        return Promise.reject(new Error(`refused: ${admission.refused}`));
      }
      return dispatch(handlers, admission.admitted, sender);
    });
  },
});
