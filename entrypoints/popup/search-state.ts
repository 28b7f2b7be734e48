import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PopupApi, SearchResponse } from './api';

/** Long enough to skip most keystrokes of a fast typist, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 80;
/** How soon to ask again when the background answered names only, its full index still loading. */
const PENDING_RETRY_MS = 100;

export type SearchItem =
  | { kind: 'name'; entry: SearchResponse['names'][number] }
  | { kind: 'statement'; entry: SearchResponse['statements'][number] }
  | { kind: 'article'; entry: SearchResponse['articles'][number] };

/** Results in the order they are shown and walked with the arrow keys. */
export function itemsOf(response: SearchResponse | null): SearchItem[] {
  if (!response) return [];
  return [
    ...response.names.map((entry) => ({ kind: 'name' as const, entry })),
    ...response.statements.map((entry) => ({ kind: 'statement' as const, entry })),
    ...response.articles.map((entry) => ({ kind: 'article' as const, entry })),
  ];
}

export const optionId = (index: number) => `search-option-${index}`;

export interface SearchState {
  query: string;
  setQuery(query: string): void;
  /** The answer to the latest query, or to an earlier one while the latest is on its way. */
  response: SearchResponse | null;
  pending: boolean;
  failed: boolean;
  items: SearchItem[];
  /** Index into items of the option the arrow keys are on; -1 for none. */
  active: number;
  setActive(index: number): void;
}

export function useSearch(api: PopupApi): SearchState {
  const [query, setQuery] = useState('');
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);
  const latest = useRef(0);
  /** Whether results are on screen: the first query goes out at once, later keystrokes are debounced. */
  const showing = useRef(false);

  useEffect(() => {
    // Every keystroke takes a new ticket; an answer holding an old one is dropped, so a slow
    // early query can never overwrite the results of a later one.
    const ticket = ++latest.current;
    if (!query.trim()) {
      showing.current = false;
      setResponse(null);
      setPending(false);
      setFailed(false);
      setActive(-1);
      return;
    }
    setPending(true);
    let timer = 0;
    const ask = () => {
      api.search(query).then(
        (answer) => {
          if (ticket !== latest.current) return;
          showing.current = true;
          setResponse(answer);
          setFailed(false);
          setActive(-1);
          // Names first, from a cold background still loading its index: ask again for the rest.
          if (answer.pending) timer = window.setTimeout(ask, PENDING_RETRY_MS);
          else setPending(false);
        },
        () => {
          if (ticket !== latest.current) return;
          setFailed(true);
          setPending(false);
        },
      );
    };
    timer = window.setTimeout(ask, showing.current ? SEARCH_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [api, query]);

  const items = useMemo(() => itemsOf(response), [response]);
  return { query, setQuery, response, pending, failed, items, active, setActive };
}
