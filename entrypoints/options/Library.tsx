import { useEffect, useState } from 'preact/hooks';
import { formatIsoDate } from '../../components/dates';
import { counted } from '../../components/format';
import { t } from '../../lib/i18n';
import type { LibraryEntry } from '../../lib/library/library';
import type { LibraryExport } from '../../lib/library/transfer';
import { browserLibraryApi, type LibraryApi } from './library-api';
import { LibraryTransfer } from './LibraryTransfer';

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function matches(entry: LibraryEntry, query: string): boolean {
  const q = fold(query.trim());
  return !q || fold([entry.title, entry.outlet ?? '', ...entry.names].join(' ')).includes(q);
}

/** Deleted articles, kept as an export so Undo puts them back exactly (same ids, same save dates). */
type Undo = { label: string; file: LibraryExport } | null;

/** "Your library" in the options page: the saved articles, search, open, delete (with undo), export and import. */
export function Library({ api = browserLibraryApi }: { api?: LibraryApi }) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<Undo>(null);
  const [confirmAll, setConfirmAll] = useState(false);

  const reload = () =>
    api.list().then(
      (list) => {
        setEntries(list);
        setFailed(false);
      },
      () => setFailed(true),
    );
  useEffect(() => {
    void reload();
    return api.onChange(() => void reload());
  }, [api]);

  /** An action that fails (the background cannot reach IndexedDB) says so instead of doing nothing silently. */
  const attempt = (action: () => Promise<void>) => () => void action().catch(() => setStatus(t('libraryNotAvailable')));
  /** Deletes after keeping a copy for Undo. */
  const remove = async (ids: string[] | 'all', label: string) => {
    const all = await api.exportLibrary();
    const kept = ids === 'all' ? all.articles : all.articles.filter((a) => ids.includes(a.id));
    if (ids === 'all') await api.clear();
    else await api.remove(ids);
    setUndo({ label, file: { ...all, articles: kept } });
    setStatus(label);
    setConfirmAll(false);
    await reload();
  };
  const undoDelete = async () => {
    if (!undo) return;
    await api.importFiles([{ name: 'undo.json', text: JSON.stringify(undo.file) }]);
    setUndo(null);
    setStatus('');
    await reload();
  };

  const shown = entries?.filter((e) => matches(e, query)) ?? [];
  return (
    <section class="group library" id="library" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('yourLibrary')}</h2>
      <p class="iic-muted">{t('libraryIntro')}</p>
      {failed && <p class="notice">{t('libraryNotAvailable')}</p>}
      {entries !== null && entries.length === 0 && <p id="library-empty">{t('libraryEmpty')}</p>}
      {entries !== null && entries.length > 0 && (
        <>
          <label class="library-search">
            {t('librarySearch')}
            <input id="library-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          {shown.length === 0 && <p>{t('libraryNoMatch')}</p>}
          <ul class="library-list" aria-labelledby="library-heading">
            {shown.map((entry) => (
              <li key={entry.id} class="library-item" data-article={entry.id}>
                <button type="button" class="iic-link library-title" dir="auto" onClick={() => void api.openReader(entry.id)}>
                  {entry.title}
                </button>
                <span class="iic-muted library-meta">
                  <span dir="auto">{entry.outlet ?? t('outletUnknown')}</span>
                  <span aria-hidden="true"> · </span>
                  {entry.date ? <time dateTime={entry.date}>{formatIsoDate(entry.date)}</time> : <span>{t('undated')}</span>}
                  <span aria-hidden="true"> · </span>
                  <span>{t('librarySavedOn', formatIsoDate(entry.savedAt.slice(0, 10)))}</span>
                </span>
                <button type="button" class="iic-button library-delete" aria-label={`${t('libraryDelete')}: ${entry.title}`} onClick={attempt(() => remove([entry.id], t('libraryDeleted', entry.title)))}>
                  {t('libraryDelete')}
                </button>
              </li>
            ))}
          </ul>
          {!confirmAll ? (
            <button type="button" class="iic-button" id="library-delete-all" onClick={() => setConfirmAll(true)}>
              {t('libraryDeleteAll')}
            </button>
          ) : (
            <fieldset class="library-confirm">
              <legend id="library-confirm-text">{counted('libraryConfirmDeleteAll', entries.length)}</legend>
              <button type="button" class="iic-button" id="library-confirm-yes" onClick={attempt(() => remove('all', t('libraryDeletedAll')))}>
                {t('libraryConfirmYes')}
              </button>
              <button type="button" class="iic-button" onClick={() => setConfirmAll(false)}>
                {t('libraryCancel')}
              </button>
            </fieldset>
          )}
        </>
      )}
      <p class="library-status" role="status" id="library-status" aria-labelledby="library-heading">
        {status}
        {undo && (
          <>
            {' '}
            <button type="button" class="iic-button" id="library-undo" onClick={attempt(undoDelete)}>
              {t('libraryUndo')}
            </button>
          </>
        )}
      </p>
      <LibraryTransfer
        api={api}
        onError={() => setStatus(t('libraryNotAvailable'))}
        onDone={(message) => {
          setUndo(null);
          setStatus(message);
          void reload();
        }}
      />
    </section>
  );
}
