import { LibraryMark } from '../../components/LibraryMark';
import { DateText } from '../../components/DateText';
import { SourcesText } from '../../components/SourcesText';
import type { ArticleRef } from '../../lib/engine/lookup';
import { t } from '../../lib/i18n';
import { articleHref } from './hash';

/** Every article in the corpus; the current one is marked. */
export function ArticleList({ articles, current }: { articles: ArticleRef[] | null; current: string | null }) {
  return (
    <nav class="article-list" aria-labelledby="all-articles-title">
      <h2 id="all-articles-title">{t('allArticles')}</h2>
      {articles === null ? (
        <p class="iic-muted">{t('loading')}</p>
      ) : (
        <ul id="article-list">
          {articles.map((a) => (
            <li key={a.id} data-article={a.id}>
              <a href={articleHref(a.id)} aria-current={a.id === current ? 'page' : undefined} dir="auto">
                {a.title}
              </a>
              <span class="list-meta">
                <LibraryMark article={a} />
                <span dir="auto">{a.outlet ?? t('outletUnknown')}</span>
                <SourcesText sources={a.sources} publisher={a.outlet} />
                {' · '}
                <DateText date={a.date} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
