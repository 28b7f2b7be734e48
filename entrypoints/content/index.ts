/**
 * The content script: runs on every page, starts the page context when the
 * extension is on for this site, and answers the popup. It carries only the
 * compiled name table, never the corpus index.
 */
import table from 'virtual:name-table';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type ContentResponses, parseContentRequest } from '../../lib/messages';
import { isEnabledOn, type Settings } from '../../lib/settings';
import { loadSettings, onSettingsChanged } from '../../lib/settings-store';
import { type PageContext, startPageContext } from './page-context';

const TEXT_FOR_RELATED = 100_000;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const host = location.hostname;
    let settings: Settings = (await loadSettings()).settings;
    let page: PageContext | null = null;
    // Same-origin frames are scanned from the top document; one context per tab is enough.
    const isTop = window.top === window;

    const apply = () => {
      const on = isTop && isEnabledOn(settings, host);
      page?.stop();
      page = on ? startPageContext(document, table, settings) : null;
    };
    apply();
    const unwatch = onSettingsChanged((next) => {
      settings = next;
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
        });
      }
      return Promise.resolve(page?.reveal(request.id) ?? false);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      page?.stop();
    });
  },
});
