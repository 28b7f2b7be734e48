import { useEffect, useRef, useState } from 'preact/hooks';
import { EntityScriptsContext, useEntityScripts } from '../../components/entity-scripts';
import { uiLang } from '../../components/ui-lang';
import { t, uiDirection } from '../../lib/i18n';
import { type Settings, withSite } from '../../lib/settings';
import type { PopupApi } from './api';
import { Footer } from './Footer';
import { usePageState } from './page-state';
import { PageNames } from './PageNames';
import { RelatedArticles } from './RelatedArticles';
import { SaveArticle } from './SaveArticle';
import { SearchBox } from './SearchBox';
import { SearchPanel, searchStatus } from './SearchPanel';
import { type SearchItem, useSearch } from './search-state';

export function App({ api }: { api: PopupApi }) {
  const search = useSearch(api);
  const scripts = useEntityScripts(api.entityScripts);
  const [page, reloadPage] = usePageState(api);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<{ id: string; name: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    // Load first: loading is what repairs damaged settings and leaves the notice to take.
    api
      .loadSettings()
      .then((s) => {
        setSettings(s);
        return api.takeSettingsNotice();
      })
      .then(setNotice, () => undefined);
  }, [api]);

  const setQuery = (query: string) => {
    setExpanded(null);
    search.setQuery(query);
  };
  const openReader = (article: string, statement?: string) => {
    api.openReader(article, statement).then(
      () => api.close(),
      () => undefined,
    );
  };
  const choose = (item: SearchItem) => {
    if (item.kind === 'name') setExpanded({ id: item.entry.id, name: item.entry.name });
    else if (item.kind === 'statement') openReader(item.entry.article.id, item.entry.id);
    else openReader(item.entry.id);
  };
  const toggleSite = (on: boolean) => {
    if (!settings || page.status !== 'ready') return;
    const next = withSite(settings, page.page.host, on);
    setSettings(next);
    // The content script reacts to the storage change; ask again so the names list follows.
    api.saveSettings(next).then(() => setTimeout(reloadPage, 250), () => undefined);
  };

  const turnOnEverywhere = () => {
    if (!settings) return;
    const next = { ...settings, enabled: true };
    setSettings(next);
    // As for the site switch: the content script starts on the storage change, then the names list can be asked for.
    api.saveSettings(next).then(() => setTimeout(reloadPage, 250), () => undefined);
  };

  const searching = search.query.trim() !== '';
  const offEverywhere = settings !== null && !settings.enabled;
  const searchWithClear = { ...search, setQuery };
  const listboxShown = searching && !expanded && search.items.length > 0 && !search.failed;
  return (
    <EntityScriptsContext.Provider value={scripts}>
      <div class="iic-theme popup" dir={uiDirection()} lang={uiLang()}>
        <header class="header">
          <h1 class="iic-visually-hidden">{t('extName')}</h1>
          <SearchBox search={searchWithClear} open={listboxShown} inputRef={inputRef} onChoose={choose} onClear={() => setQuery('')} />
          <p class="iic-visually-hidden" role="status" id="search-status">
            {searchStatus(search)}
          </p>
        </header>
        {/* While focus stays in the combobox the results hold nothing focusable, so the scroller itself must be. */}
        <main class="main" tabIndex={listboxShown ? 0 : undefined}>
          {notice && (
            <p class="notice" id="settings-notice" role="status">
              {notice}
            </p>
          )}
          {searching && (
            <SearchPanel
              api={api}
              search={searchWithClear}
              expanded={expanded}
              inputRef={inputRef}
              onChoose={choose}
              onBack={() => {
                setExpanded(null);
                inputRef.current?.focus();
              }}
              onOpen={openReader}
            />
          )}
          <div class="page-sections" hidden={searching}>
            {/* The content script underlines the saved article's people when the library's names change; then the list can be asked again. */}
            <SaveArticle api={api} page={page} onSaved={() => setTimeout(reloadPage, 300)} />
            <PageNames api={api} page={page} offEverywhere={offEverywhere} onTurnOnEverywhere={turnOnEverywhere} onOpen={openReader} />
            {page.status === 'ready' && page.page.text.trim() !== '' && <RelatedArticles api={api} text={page.page.text} onOpen={(id) => openReader(id)} />}
          </div>
        </main>
        <Footer host={page.status === 'ready' ? page.page.host : null} settings={settings} onToggleSite={toggleSite} onOptions={() => void api.openOptions().then(() => api.close(), () => undefined)} />
      </div>
    </EntityScriptsContext.Provider>
  );
}
