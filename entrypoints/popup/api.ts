/**
 * Everything the popup asks of the browser, behind one interface so its
 * components can be tested with a fake built on the real corpus engine.
 */
import { browser } from 'wxt/browser';
import type { EntityView } from '../../lib/engine/lookup';
import type { EntityScripts } from '../../lib/entity-scripts';
import type { BackgroundResponses, PageState, RelatedArticleView, SaveOutcome, TimelinePoint } from '../../lib/messages';
import { ask, askTab } from '../../lib/messaging';
import type { Settings } from '../../lib/settings';
import { loadSettings, saveSettings, takeSettingsNotice } from '../../lib/settings-store';

export type SearchResponse = BackgroundResponses['search'];

export interface PopupApi {
  search(query: string): Promise<SearchResponse>;
  lookup(id: string, limit?: number): Promise<EntityView | null>;
  timeline(id: string): Promise<TimelinePoint[]>;
  related(pageText: string): Promise<RelatedArticleView[]>;
  /** The active tab's names and text; rejects where no content script runs (browser pages, the web store). */
  pageState(): Promise<PageState>;
  /** Scrolls the active tab to the name's first mention. */
  revealMention(id: string): Promise<boolean>;
  openReader(article: string, statement?: string): Promise<void>;
  openOptions(): Promise<void>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** The one-time notice about repaired settings, cleared as it is read. */
  takeSettingsNotice(): Promise<string | null>;
  /** Saves the page in the tab the popup is about to the reader's library (the background extracts and stores it); `anyway`: though it is off the topic. */
  saveArticle(anyway?: boolean): Promise<SaveOutcome>;
  /** Closes the popup (after it has opened a tab the reader should look at). */
  close(): void;
  /** The names known in Arabic script, for a Persian or Arabic interface. */
  entityScripts(): Promise<EntityScripts>;
}

export function browserPopupApi(): PopupApi {
  let tab: Promise<number> | null = null;
  const activeTab = () => {
    tab ??= readingTab();
    return tab;
  };
  return {
    search: (query) => ask({ type: 'search', query }),
    lookup: (id, limit) => ask({ type: 'lookup-entity', id, ...(limit ? { limit } : {}) }),
    timeline: (id) => ask({ type: 'timeline', id }),
    related: (text) => ask({ type: 'related-articles', text }),
    pageState: async () => {
      const state = await askTab(await activeTab(), { type: 'page-state' });
      // A tab whose content script is absent can answer undefined instead of throwing.
      if (!state) throw new Error('no content script');
      return state;
    },
    revealMention: async (id) => askTab(await activeTab(), { type: 'reveal-mention', id }),
    openReader: async (article, statement) => {
      await ask({ type: 'open-reader', article, ...(statement ? { statement } : {}) });
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    loadSettings: async () => (await loadSettings()).settings,
    saveSettings,
    takeSettingsNotice,
    saveArticle: async (anyway) => {
      // A window context can ask for persistent storage (a service worker cannot): the library should not be evicted.
      void navigator.storage?.persist?.().catch(() => false);
      return ask({ type: 'save-article', tab: await activeTab(), ...(anyway ? { anyway: true as const } : {}) });
    },
    close: () => window.close(),
    entityScripts: () => ask({ type: 'entity-scripts' }),
  };
}

/**
 * The tab the reader is looking at. From the toolbar that is the active tab;
 * when the popup is opened as a tab of its own (a pinned or detached popup,
 * or Firefox's about:debugging), it is the tab the reader was on just before.
 */
async function readingTab(): Promise<number> {
  const self = await browser.tabs.getCurrent();
  if (!self) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id === undefined) throw new Error('no active tab');
    return active.id;
  }
  const others = (await browser.tabs.query({ windowId: self.windowId })).filter((t) => t.id !== self.id && t.id !== undefined);
  const previous = others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (previous?.id === undefined) throw new Error('no other tab');
  return previous.id;
}
