/**
 * The content script: runs on every page, starts the page context when the
 * extension is on for this site, and answers the popup. It carries only the
 * compiled name table, never the corpus index.
 */
import table from 'virtual:name-table';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { AssignedShortcuts } from '../../lib/commands';
import { type ContentResponses, MAX_PAGE_HTML, parseContentRequest } from '../../lib/messages';
import { ask } from '../../lib/messaging';
import { isEnabledOn, type Settings } from '../../lib/settings';
import { loadSettings, onSettingsChanged } from '../../lib/settings-store';
import { followLibraryNames, pageDocument } from './library-names';
import { type PageContext, startPageContext } from './page-context';

const TEXT_FOR_RELATED = 100_000;

export default defineContentScript({
  // Web pages only: not file://, ftp:// or data: documents, which are no news pages and may be private.
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const host = location.hostname;
    let settings: Settings = (await loadSettings()).settings;
    let page: PageContext | null = null;
    // Same-origin frames are scanned from the top document; one context per tab is enough.
    const isTop = window.top === window;

    // null until the background answers; meanwhile the page answers no key itself, so it never doubles one the browser acts on.
    let shortcuts: AssignedShortcuts | null = null;
    const readShortcuts = () => {
      ask({ type: 'name-shortcuts' }).then(
        (assigned) => {
          if (assigned) shortcuts = assigned;
        },
        () => undefined,
      );
    };
    if (isTop) {
      readShortcuts();
      // The reader changes shortcuts on another tab (chrome://extensions/shortcuts) and comes back: read them again then.
      ctx.addEventListener(document, 'visibilitychange', () => {
        if (document.visibilityState === 'visible') readShortcuts();
      });
    }

    // The bundled names, and the reader's library's once storage answers (library-names.ts), unless the reader
    // keeps the library off pages: a page's scripts can read every underlined range.
    let names = table;
    const apply = () => {
      const on = isTop && isEnabledOn(settings, host);
      page?.stop();
      page = on ? startPageContext(document, names, settings, { shortcuts: () => shortcuts }) : null;
    };
    let library: AbortController | null = null;
    const followLibrary = (on: boolean) => {
      if (!isTop || on === (library !== null)) return;
      library?.abort();
      library = on ? new AbortController() : null;
      names = table;
      if (!library) return;
      followLibraryNames(table, library.signal, (merged) => {
        if (merged === names) return;
        names = merged;
        apply();
      });
    };
    followLibrary(settings.libraryNamesOnPages);
    apply();
    const unwatch = onSettingsChanged((next) => {
      settings = next;
      followLibrary(settings.libraryNamesOnPages);
      apply();
    });

    const onMessage = (message: unknown): Promise<ContentResponses[keyof ContentResponses]> | undefined => {
      const request = parseContentRequest(message);
      if (!request || !isTop) return undefined;
      if (request.type === 'page-state') {
        return Promise.resolve({
          host,
          enabled: isEnabledOn(settings, host),
          names: page?.names() ?? [],
          // innerText, not textContent: the visible text is wanted, without scripts, styles and hidden parts.
          text: (document.body?.innerText ?? '').slice(0, TEXT_FOR_RELATED),
          private: browser.extension.inIncognitoContext,
        });
      }
      if (request.type === 'step-name') return Promise.resolve(page?.step(request.direction) ?? false);
      if (request.type === 'page-document') return Promise.resolve(pageDocument(document, MAX_PAGE_HTML));
      return Promise.resolve(page?.reveal(request.id) ?? false);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      unwatch();
      library?.abort();
      browser.runtime.onMessage.removeListener(onMessage);
      page?.stop();
    });
  },
});
