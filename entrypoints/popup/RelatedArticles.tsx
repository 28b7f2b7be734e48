import { LibraryMark } from '../../components/LibraryMark';
import { useEffect, useState } from 'preact/hooks';
import { DateText } from '../../components/DateText';
import { Message } from '../../components/Message';
import { Skeleton } from '../../components/Skeleton';
import { SourcesText } from '../../components/SourcesText';
import { t } from '../../lib/i18n';
import type { RelatedArticleView } from '../../lib/messages';
import type { PopupApi } from './api';
import { EntityName } from '../../components/EntityName';
import { ListOf } from '../../components/ListOf';

type Related = { status: 'loading' } | { status: 'error' } | { status: 'ready'; articles: RelatedArticleView[] };

/** Corpus articles about what the page is about, each saying why it was picked. */
export function RelatedArticles({ api, text, onOpen }: { api: PopupApi; text: string; onOpen(article: string): void }) {
  const [related, setRelated] = useState<Related>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setRelated({ status: 'loading' });
    api.related(text).then(
      (articles) => live && setRelated({ status: 'ready', articles }),
      () => live && setRelated({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [api, text]);

  return (
    <section id="related" class="section" aria-labelledby="related-title" data-state={related.status === 'ready' && related.articles.length === 0 ? 'empty' : related.status}>
      <h2 id="related-title">{t('relatedTitle')}</h2>
      {related.status === 'loading' && <Skeleton lines={3} />}
      {related.status === 'error' && <p class="empty">{t('relatedError')}</p>}
      {related.status === 'ready' && related.articles.length === 0 && <p class="empty">{t('relatedNone')}</p>}
      {related.status === 'ready' && related.articles.length > 0 && (
        <ul id="related-articles" class="related">
          {related.articles.map((a) => (
            <li key={a.id} data-article={a.id}>
              <button type="button" class="iic-link related-title" dir="auto" onClick={() => onOpen(a.id)}>
                {a.title}
              </button>
              <p class="related-meta">
                <LibraryMark article={a} />
                <span dir="auto">{a.outlet ?? t('outletUnknown')}</span>
                <SourcesText sources={a.sources} publisher={a.outlet} />
                {' · '}
                <DateText date={a.date} />
              </p>
              <p class="related-why">
                <Message id="relatedWhy" args={[<ListOf key="n" items={a.shared.slice(0, 4).map((s) => <EntityName key={s.id} id={s.id} name={s.name} />)} />]} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
