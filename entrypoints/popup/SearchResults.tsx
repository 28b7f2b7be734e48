import { LibraryMark } from '../../components/LibraryMark';
import { useEffect } from 'preact/hooks';
import { DateText } from '../../components/DateText';
import { EntityName } from '../../components/EntityName';
import { entityTypeLabel } from '../../components/entity-type';
import { Highlighted } from '../../components/Highlighted';
import { SourcesText } from '../../components/SourcesText';
import { t } from '../../lib/i18n';
import { LISTBOX_ID } from './SearchBox';
import { optionId, type SearchItem } from './search-state';

const GROUPS = [
  { kind: 'name', key: 'names', label: 'groupNames' },
  { kind: 'statement', key: 'statements', label: 'groupStatements' },
  { kind: 'article', key: 'articles', label: 'groupArticles' },
] as const;

interface Props {
  /** The query these results answer (while the next one is in flight, the box may already say more). */
  query: string;
  items: SearchItem[];
  active: number;
  busy: boolean;
  onChoose(item: SearchItem): void;
  onHover(index: number): void;
}

/** The results listbox, grouped as names, statements and articles. Focus stays in the search box. */
export function SearchResults({ query, items, active, busy, onChoose, onHover }: Props) {
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  const indexed = items.map((item, index) => ({ item, index }));
  return (
    <div id={LISTBOX_ID} role="listbox" aria-label={t('searchResults')} aria-busy={busy} data-query={query} class={busy ? 'results is-stale' : 'results'}>
      {GROUPS.map((group) => {
        const members = indexed.filter(({ item }) => item.kind === group.kind);
        if (members.length === 0) return null;
        const labelId = `search-group-${group.key}`;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a listbox may only hold options and groups of options; a fieldset there is not one.
          <div key={group.key} role="group" aria-labelledby={labelId} class="result-group" data-group={group.key}>
            <div role="presentation" id={labelId} class="group-label">
              {t(group.label)}
            </div>
            {members.map(({ item, index }) => (
              // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox, which points here with aria-activedescendant.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox handles the keys (arrows, Enter) for every option.
              <div
                key={`${item.kind}:${item.entry.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                class={index === active ? 'option is-active' : 'option'}
                data-kind={item.kind}
                data-id={item.entry.id}
                data-approximate={item.entry.approximate ? 'true' : undefined}
                // Keep focus in the box, so the arrow keys go on working after a click.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => index !== active && onHover(index)}
                onClick={() => onChoose(item)}
              >
                <OptionBody item={item} />
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}

/**
 * Said in words, inside the option, so a screen reader hears it with the
 * result: this hit only matched a spelling close to what was typed.
 */
function Approximate({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <>
      <span class="option-approximate">{t('approximateMatch')}</span>
      {' · '}
    </>
  );
}

function OptionBody({ item }: { item: SearchItem }) {
  switch (item.kind) {
    case 'name':
      return (
        <>
          <span class="option-title" dir="auto">
            <EntityName name={item.entry.name} id={item.entry.id} terms={item.entry.terms} />
          </span>
          <span class="option-meta">
            <Approximate shown={item.entry.approximate} />
            {entityTypeLabel(item.entry.type)}
            {item.entry.role && (
              <>
                {' · '}
                <span dir="auto">{item.entry.role}</span>
              </>
            )}
          </span>
        </>
      );
    case 'statement':
      return (
        <>
          <span class="option-text" dir="auto">
            <Highlighted text={item.entry.text} terms={item.entry.terms} lead={60} />
          </span>
          <span class="option-meta">
            <Approximate shown={item.entry.approximate} />
            <LibraryMark article={item.entry.article} />
            <span dir="auto">{item.entry.article.outlet ?? t('outletUnknown')}</span>
            <SourcesText sources={item.entry.article.sources} publisher={item.entry.article.outlet} />
            {' · '}
            <DateText date={item.entry.article.date} />
          </span>
        </>
      );
    case 'article':
      return (
        <>
          <span class="option-title" dir="auto">
            <Highlighted text={item.entry.title} terms={item.entry.terms} />
          </span>
          <span class="option-meta">
            <Approximate shown={item.entry.approximate} />
            <LibraryMark article={item.entry} />
            <span dir="auto">{item.entry.outlet ?? t('outletUnknown')}</span>
            <SourcesText sources={item.entry.sources} publisher={item.entry.outlet} />
            {' · '}
            <DateText date={item.entry.date} />
          </span>
        </>
      );
  }
}
