/**
 * A PopupApi for tests, answering from the real corpus engine over the
 * project's seeds: the same handlers the background runs, without a browser.
 */
import { lookupHandler, relatedArticlesHandler, searchHandler, timelineHandler } from '../../lib/background/handlers';
import type { LoadedCorpus } from '../../lib/engine/bundle';
import { entityScripts } from '../../lib/entity-scripts';
import { findMentions } from '../../lib/engine/matcher';
import type { PageName, PageState, SaveOutcome } from '../../lib/messages';
import { DEFAULT_SETTINGS, isEnabledOn, type Settings } from '../../lib/settings';
import { loadedSeedCorpus } from '../../tests/seeds';
import type { PopupApi } from './api';

let shared: LoadedCorpus | null = null;
export function corpus(): LoadedCorpus {
  shared ??= loadedSeedCorpus();
  return shared;
}

/** What a content script would report for a page showing this corpus article. */
export function pageShowingArticle(articleId: string, host = 'news.example'): PageState {
  const c = corpus();
  const article = c.articles.find((a) => a.id === articleId);
  if (!article) throw new Error(`no article ${articleId}`);
  const text = [article.title, ...article.paragraphs].join('\n\n');
  const counts = new Map<string, number>();
  for (const m of findMentions(text, c.table, { types: ['person', 'organization'] })) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  const names: PageName[] = [...counts].map(([id, count]) => {
    const e = c.entities.find((x) => x.id === id);
    const scripts = c.table.entities[id]?.scripts;
    return { id, name: e?.name ?? id, type: e?.type ?? 'person', ...(scripts ? { scripts } : {}), count };
  });
  return { host, enabled: true, names, text, private: false };
}

export interface FakeOptions {
  page?: PageState | 'unreadable';
  settings?: Settings;
  notice?: string | null;
  /** Milliseconds before a search answers, per query: to make early queries answer late. */
  searchDelay?: (query: string) => number;
  /** What saving the page answers. */
  saveOutcome?: SaveOutcome;
}

export interface FakeCalls {
  searches: string[];
  revealed: string[];
  opened: { article: string; statement?: string }[];
  saved: Settings[];
  closed: number;
  options: number;
  savedArticles: number;
  /** Saves asked with `anyway` (an off-topic page the reader saves all the same). */
  savedAnyway: number;
  /** How many times the popup asked for the page's state. */
  pageStates: number;
}

export function fakePopupApi(options: FakeOptions = {}): PopupApi & { calls: FakeCalls } {
  const c = corpus();
  let settings = options.settings ?? DEFAULT_SETTINGS;
  let notice = options.notice ?? null;
  const calls: FakeCalls = { searches: [], revealed: [], opened: [], saved: [], closed: 0, options: 0, savedArticles: 0, savedAnyway: 0, pageStates: 0 };
  const later = <T>(value: () => T, ms = 0) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), ms));
  return {
    calls,
    search(query) {
      calls.searches.push(query);
      return later(() => searchHandler(c, query), options.searchDelay?.(query) ?? 0);
    },
    lookup: (id, limit) => later(() => lookupHandler(c, id, limit)),
    timeline: (id) => later(() => timelineHandler(c, id)),
    related: (text) => later(() => relatedArticlesHandler(c, text)),
    pageState() {
      calls.pageStates++;
      const page = options.page ?? pageShowingArticle('002_4150bcee245c5d5c');
      if (page === 'unreadable') return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      // As the content script does: a page the settings switch off reports no names.
      const on = page.enabled && isEnabledOn(settings, page.host);
      return later(() => (on ? page : { ...page, enabled: false, names: [] }));
    },
    async revealMention(id) {
      calls.revealed.push(id);
      return true;
    },
    async openReader(article, statement) {
      calls.opened.push(statement ? { article, statement } : { article });
    },
    async openOptions() {
      calls.options++;
    },
    loadSettings: async () => settings,
    async saveSettings(next) {
      settings = next;
      calls.saved.push(next);
    },
    async takeSettingsNotice() {
      const taken = notice;
      notice = null;
      return taken;
    },
    async saveArticle(anyway) {
      calls.savedArticles++;
      if (anyway) calls.savedAnyway++;
      const outcome = options.saveOutcome ?? { saved: true, id: 'lib-000000000000', title: 'A saved article', updated: false, duplicate: false };
      // An off-topic page saved anyway: saved, its names kept off the pages.
      if (anyway && !outcome.saved && outcome.reason === 'off-topic') return { saved: true, id: 'lib-000000000000', title: 'A saved article', updated: false, duplicate: false, offPages: true };
      return outcome;
    },
    close() {
      calls.closed++;
    },
    entityScripts: async () => entityScripts([c.table]),
  };
}
