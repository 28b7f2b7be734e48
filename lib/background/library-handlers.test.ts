import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seedCorpus } from '../../tests/seeds';
import { openLibraryDb } from '../library/db';
import { savedArticleFrom } from '../library/format';
import { createLibrary } from '../library/library';
import { seedNameContext, TAMIM_PAGE } from '../library/test-fixtures';
import { EXPORT_FORMAT, type ExportedArticle } from '../library/transfer';
import type { SaveDeps } from './save-article';
import { libraryHandlers } from './library-handlers';

let n = 0;
async function handlers() {
  const db = await openLibraryDb(`handlers-test-${n++}`);
  const lib = createLibrary(async () => db, async () => seedNameContext(), seedCorpus().table, () => undefined);
  const save = { now: () => new Date('2026-12-01T10:00:00Z') } as SaveDeps;
  return { lib, table: libraryHandlers(() => lib, save) };
}
const sender = {};
const exportFile = (articles: Partial<ExportedArticle>[]) => ({
  name: 'library.json',
  text: JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-12-01T00:00:00Z', articles: articles.map((a) => ({ savedAt: '2026-11-30T00:00:00Z', meta: {}, ...a })) }),
});

describe('importing into the library', () => {
  it('never overwrites a saved article by reusing its id with another address and text', async () => {
    const { lib, table } = await handlers();
    const [saved] = await lib.save([await savedArticleFrom(TAMIM_PAGE, new Date('2026-11-30T09:00:00Z'))]);
    const outcome = await table['library-import'](
      { type: 'library-import', files: [exportFile([{ id: saved.id, text: 'Somebody else wrote this about Tamim and the budget.\n', meta: { title: 'Forged', url: 'https://evil.example/forged' } }])] },
      sender,
    );
    expect(outcome).toEqual({ imported: true, articles: 1, added: 1, updated: 0, merged: 0 });
    const list = await lib.list();
    expect(list.map((e) => [e.title, e.url]).sort()).toEqual([
      ['Forged', 'https://evil.example/forged'],
      ['Iraq budget talks', 'https://news.example/story'],
    ]);
    expect(list.find((e) => e.title === 'Iraq budget talks')?.id).toBe(saved.id);
  });

  it('merges duplicates inside one file and says so; one id on two addresses is two articles', async () => {
    const { lib, table } = await handlers();
    const text = 'Planning Minister Mohammed Tamim said the budget was ready.\n';
    const sameUrl = await table['library-import'](
      {
        type: 'library-import',
        files: [
          exportFile([
            { text, meta: { title: 'First copy', url: 'https://news.example/a' } },
            { text: `${text}\nHe spoke in Baghdad.\n`, meta: { title: 'Second copy', url: 'https://news.example/a' } },
          ]),
        ],
      },
      sender,
    );
    expect(sameUrl).toEqual({ imported: true, articles: 2, added: 1, updated: 0, merged: 1 });
    expect((await lib.list()).map((e) => e.title)).toEqual(['Second copy']);

    const sameId = await table['library-import'](
      {
        type: 'library-import',
        files: [
          exportFile([
            { id: 'lib-aaaaaaaaaaaa', text: 'Tamim met the finance committee on Monday.\n', meta: { url: 'https://news.example/b' } },
            { id: 'lib-aaaaaaaaaaaa', text: 'Zarif met Iraqi officials on Tuesday.\n', meta: { url: 'https://news.example/c' } },
          ]),
        ],
      },
      sender,
    );
    expect(sameId).toEqual({ imported: true, articles: 2, added: 2, updated: 0, merged: 0 });
    expect(await lib.list()).toHaveLength(3);
  });

  it('importing an export of the same library changes nothing', async () => {
    const { lib, table } = await handlers();
    await lib.save([await savedArticleFrom(TAMIM_PAGE, new Date('2026-11-30T09:00:00Z'))]);
    const before = await lib.all();
    const file = await table['library-export']({ type: 'library-export' }, sender);
    const outcome = await table['library-import']({ type: 'library-import', files: [{ name: 'x.json', text: JSON.stringify(file) }] }, sender);
    expect(outcome).toEqual({ imported: true, articles: 1, added: 0, updated: 1, merged: 0 });
    expect(await lib.all()).toEqual(before);
  });
});
