/** @vitest-environment happy-dom */
import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, useEnglishUi } from '../../components/test-support';
import { openLibraryDb } from '../../lib/library/db';
import { savedArticleFrom } from '../../lib/library/format';
import { createLibrary } from '../../lib/library/library';
import { seedNameContext, TAMIM_PAGE } from '../../lib/library/test-fixtures';
import { IMPORT_BATCH, type ImportProgress, runImport } from '../../lib/library/import-job';
import { EXPORT_FORMAT, exportLibrary } from '../../lib/library/transfer';
import { seedCorpus } from '../../tests/seeds';
import { Library } from './Library';
import type { LibraryApi } from './library-api';

useEnglishUi();
let n = 0;

/** The options section over the real library code, in fake IndexedDB. */
async function realLibraryApi() {
  const db = await openLibraryDb(`options-test-${n++}`);
  const library = createLibrary(async () => db, async () => seedNameContext(), seedCorpus().table, () => undefined);
  await library.save([
    await savedArticleFrom(TAMIM_PAGE, new Date('2026-11-30T09:00:00Z')),
    await savedArticleFrom({ ...TAMIM_PAGE, url: 'https://b.example/oil', title: 'Oil exports', siteName: 'Shafaq News', published: null, paragraphs: ['Oil Minister Hayan Abdul-Ghani said exports rose.'] }, new Date('2026-11-29T09:00:00Z')),
  ]);
  const opened: string[] = [];
  const listeners = new Set<(p: ImportProgress | null) => void>();
  let cancelled = false;
  /** Each batch waits for this before it is written, so a test can look at the progress and cancel. */
  let gate: Promise<void> = Promise.resolve();
  const api: LibraryApi = {
    list: () => library.list(),
    remove: (ids) => library.remove(ids),
    clear: () => library.clear(),
    exportLibrary: async () => exportLibrary(await library.all(), new Date('2026-12-01T00:00:00Z')),
    async importFiles(files) {
      cancelled = false;
      const show = (p: ImportProgress | null) => {
        for (const l of listeners) l(p);
      };
      try {
        return await runImport(files, { library, now: new Date(), progress: show, cancelled: () => cancelled, pause: () => gate });
      } finally {
        show(null);
      }
    },
    cancelImport: async () => {
      cancelled = true;
    },
    importStatus: async () => null,
    onImportProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openReader: async (id) => {
      opened.push(id);
    },
    onChange: () => () => undefined,
  };
  return {
    api,
    library,
    opened,
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        gate = Promise.resolve();
        release();
      };
    },
  };
}

const rows = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('library-item'));

describe('the options page’s library', () => {
  it('lists title, outlet, stated date and save date; searches; opens in the reader', async () => {
    const { api, opened } = await realLibraryApi();
    render(<Library api={api} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[0].textContent).toMatch(/Iraq budget talks.*Example News.*Mar 5, 2024.*saved Nov 30, 2026/);
    expect(rows()[1].textContent).toMatch(/Oil exports.*Shafaq News.*undated.*saved Nov 29, 2026/);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your library' }), { target: { value: 'tamim' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(within(rows()[0]).getByRole('button', { name: 'Iraq budget talks' }));
    expect(opened).toHaveLength(1);
    await expectNoSeriousAxeViolations(document.getElementById('library') as HTMLElement);
  });

  it('deletes one with undo putting it back exactly, and all only after confirming', async () => {
    const { api, library } = await realLibraryApi();
    const before = await library.all();
    render(<Library api={api} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Delete: Oil exports' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByText(/Deleted “Oil exports”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(await library.all()).toEqual(before);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all…' }));
    expect(await library.all()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete all' }));
    await waitFor(() => expect(screen.getByText(/Nothing saved yet/)).toBeTruthy());
    expect(await library.all()).toEqual([]);
  });

  it('refuses a bad import file by name, and changes nothing', async () => {
    const { api, library } = await realLibraryApi();
    const before = await library.all();
    render(<Library api={api} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const input = document.getElementById('library-import') as HTMLInputElement;
    const file = new File(['{"format": "iran-iraq-context-library", "version": 1, "articles": [{"text": ""}]}'], 'corrupt.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(document.getElementById('library-status')?.textContent).toMatch(/^Not imported — corrupt\.json, article 1: .*Your library is unchanged\.$/));
    expect(await library.all()).toEqual(before);
  });

  it('shows an import’s progress with a bar and a cancel, and a cancelled import leaves the library as it was', async () => {
    const { api, library, hold } = await realLibraryApi();
    const before = await library.all();
    render(<Library api={api} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const articles = Array.from({ length: IMPORT_BATCH * 3 }, (_, i) => ({ text: `Planning Minister Mohammed Tamim said item ${i} was ready.\n`, meta: { url: `https://c.example/${i}` }, savedAt: '2026-11-30T00:00:00.000Z' }));
    const input = document.getElementById('library-import') as HTMLInputElement;
    const file = new File([JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-12-01T00:00:00Z', articles })], 'big.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    const release = hold();
    fireEvent.change(input);
    const bar = (await screen.findByRole('progressbar')) as HTMLProgressElement;
    await waitFor(() => expect(screen.getByText(`Importing: 0 of ${IMPORT_BATCH * 3} articles…`)).toBeTruthy());
    expect(bar.max).toBe(IMPORT_BATCH * 3);
    expect((document.getElementById('library-import') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    release();
    await waitFor(() => expect(document.getElementById('library-status')?.textContent).toBe('Import cancelled. Your library is unchanged.'));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(await library.all()).toEqual(before);
    await expectNoSeriousAxeViolations(document.getElementById('library') as HTMLElement);
  });
});
