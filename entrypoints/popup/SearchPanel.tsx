import type { RefObject } from 'preact';
import { EntityName } from '../../components/EntityName';
import { Skeleton } from '../../components/Skeleton';
import { t } from '../../lib/i18n';
import type { PopupApi } from './api';
import { EntityDetails } from './EntityDetails';
import { NoResults } from './NoResults';
import { SearchResults } from './SearchResults';
import type { SearchItem, SearchState } from './search-state';
import { counted, formatList } from '../../components/format';

interface Props {
  api: PopupApi;
  search: SearchState;
  expanded: { id: string; name: string } | null;
  inputRef: RefObject<HTMLInputElement>;
  onChoose(item: SearchItem): void;
  onBack(): void;
  onOpen(article: string, statement?: string): void;
}

/** What the search shows under the box: a name opened up, the results, or why there are none. */
export function SearchPanel({ api, search, expanded, inputRef, onChoose, onBack, onOpen }: Props) {
  if (expanded) {
    return (
      <section class="panel" aria-labelledby="expanded-name" data-entity={expanded.id}>
        <div class="panel-head">
          <h2 id="expanded-name" dir="auto">
            <EntityName name={expanded.name} id={expanded.id} />
          </h2>
          <button type="button" class="iic-link" id="back-to-results" onClick={onBack}>
            {t('backToResults')}
          </button>
        </div>
        <EntityDetails api={api} id={expanded.id} onOpen={onOpen} />
      </section>
    );
  }
  const { response, pending, failed, items } = search;
  if (failed) return <p class="empty">{t('searchFailed')}</p>;
  if (!response) return <Skeleton lines={6} />;
  if (items.length === 0) {
    if (pending) return <Skeleton lines={6} />;
    return (
      <NoResults
        query={response.query}
        closest={response.closest}
        onPick={(name) => {
          search.setQuery(name);
          inputRef.current?.focus();
        }}
      />
    );
  }
  return <SearchResults query={response.query} items={items} active={search.active} busy={pending} onChoose={onChoose} onHover={search.setActive} />;
}

/** What a screen reader hears after each search; the visible list says the same. */
export function searchStatus(search: SearchState): string {
  const { response, pending, failed, query } = search;
  if (!query.trim() || pending) return '';
  if (failed) return t('searchFailed');
  if (!response) return '';
  const total = response.names.length + response.statements.length + response.articles.length;
  if (total === 0) return t('noResults', query.trim());
  return formatList([counted('nameCount', response.names.length), counted('statementCount', response.statements.length), counted('articleCount', response.articles.length)]);
}
