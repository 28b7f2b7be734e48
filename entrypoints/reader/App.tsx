import { useEffect, useMemo, useState } from 'preact/hooks';
import { EntityScriptsContext, useEntityScripts } from '../../components/entity-scripts';
import { Skeleton } from '../../components/Skeleton';
import { uiLang } from '../../components/ui-lang';
import type { ArticleRef } from '../../lib/engine/lookup';
import { t, uiDirection } from '../../lib/i18n';
import type { ArticleWithStatements } from '../../lib/messages';
import { DEFAULT_SETTINGS, enabledTypes, type Settings } from '../../lib/settings';
import type { ReaderApi } from './api';
import { ArticleList } from './ArticleList';
import { ArticleView, type NameCards } from './ArticleView';
import { EntityPage } from './EntityPage';
import { articleHref, entityHash, parseHash } from './hash';

/** As many statements as a card on a page shows. */
const CARD_STATEMENTS = 4;

type Shown = { status: 'none' } | { status: 'loading' } | { status: 'missing' } | { status: 'ready'; data: ArticleWithStatements };

function useHashTarget() {
  const [target, setTarget] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const follow = () => setTarget(parseHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return target;
}

export function ReaderApp({ api, settings = DEFAULT_SETTINGS }: { api: ReaderApi; settings?: Settings }) {
  const target = useHashTarget();
  const scripts = useEntityScripts(api.entityScripts);
  const types = useMemo(() => enabledTypes(settings), [settings]);
  const cards = useMemo<NameCards>(
    () => ({
      hoverDelayMs: settings.hoverDelayMs,
      lookup: (id) => api.lookupEntity(id, CARD_STATEMENTS),
      // A link in the card opens its article right here, as the reader's own article list does.
      openArticle: (article, statement) => {
        location.hash = articleHref(article, statement);
      },
      openAll: (entity) => {
        location.hash = entityHash(entity);
      },
      scriptsOf: scripts,
    }),
    [api, settings.hoverDelayMs, scripts],
  );
  const [shown, setShown] = useState<Shown>({ status: 'none' });
  const [articles, setArticles] = useState<ArticleRef[] | null>(null);

  useEffect(() => {
    api.listArticles().then(setArticles, () => setArticles([]));
  }, [api]);

  useEffect(() => {
    if (!target.article) {
      setShown({ status: 'none' });
      return;
    }
    let live = true;
    setShown({ status: 'loading' });
    api.getArticle(target.article).then(
      (data) => live && setShown(data ? { status: 'ready', data } : { status: 'missing' }),
      () => live && setShown({ status: 'missing' }),
    );
    return () => {
      live = false;
    };
  }, [api, target.article]);

  useEffect(() => {
    // The entity page names itself once its entity is loaded.
    if (target.entity && !target.article) return;
    document.title = shown.status === 'ready' ? t('readerTitleWith', shown.data.article.title) : t('readerTitle');
  }, [shown, target]);

  return (
    <EntityScriptsContext.Provider value={scripts}>
      <div class="iic-theme reader" dir={uiDirection()} lang={uiLang()}>
        <main id="article" class="reader-main" aria-busy={shown.status === 'loading'} data-status={shown.status}>
          {shown.status === 'ready' && <ArticleView data={shown.data} target={target.statement} types={types} cards={cards} />}
          {shown.status === 'loading' && <Skeleton lines={8} />}
          {shown.status === 'none' && (target.entity ? <EntityPage api={api} id={target.entity} /> : <Placeholder text={t('readerChoose')} />)}
          {shown.status === 'missing' && <Placeholder text={t('articleMissing')} />}
        </main>
        <ArticleList articles={articles} current={target.article} />
      </div>
    </EntityScriptsContext.Provider>
  );
}

function Placeholder({ text }: { text: string }) {
  return (
    <>
      <h1>{t('readerTitle')}</h1>
      <p>{text}</p>
    </>
  );
}
