import type { RefObject } from 'preact';
import { t } from '../../lib/i18n';
import { foldForSearch } from '../../lib/engine/normalize';
import { optionId, type SearchItem, type SearchState } from './search-state';

export const LISTBOX_ID = 'search-results';

interface Props {
  search: SearchState;
  /** Whether the listbox of results is on screen. */
  open: boolean;
  inputRef: RefObject<HTMLInputElement>;
  onChoose(item: SearchItem): void;
  onClear(): void;
}

/** The search field (an ARIA combobox over the results listbox) and the index's suggestions. */
export function SearchBox({ search, open, inputRef, onChoose, onClear }: Props) {
  const { query, items, active, setActive } = search;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open || items.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : items.length - 1) : (active + step + items.length) % items.length);
    } else if (event.key === 'Enter') {
      // Enter before any arrow opens the best match: what a typed name almost always means.
      const item = open ? items[Math.max(active, 0)] : undefined;
      if (!item) return;
      event.preventDefault();
      onChoose(item);
    } else if (event.key === 'Escape' && query) {
      // Only a non-empty box swallows Escape; on an empty one it closes the popup as usual.
      event.preventDefault();
      event.stopPropagation();
      onClear();
    }
  };
  const folded = foldForSearch(query.trim());
  const suggestions = (search.response?.suggestions ?? []).filter((s) => foldForSearch(s) !== folded).slice(0, 4);
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is no landmark before Chrome 118, and we support 105.
    <div class="search" role="search">
      <label class="search-label" for="search">
        {t('searchLabel')}
      </label>
      <input
        id="search"
        ref={inputRef}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        dir="auto"
        placeholder={t('searchPlaceholder')}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? LISTBOX_ID : undefined}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        value={query}
        onInput={(event) => search.setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="suggestions">
        {suggestions.length > 0 && (
          <>
            <span class="suggestions-label" id="suggestions-label">
              {t('suggestionsLabel')}
            </span>
            <ul class="suggestion-list" aria-labelledby="suggestions-label">
              {suggestions.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    class="chip"
                    data-suggestion={s}
                    dir="auto"
                    onClick={() => {
                      search.setQuery(s);
                      inputRef.current?.focus();
                    }}
                  >
                    {s}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
