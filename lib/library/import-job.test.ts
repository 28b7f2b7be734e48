import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seedCorpus } from '../../tests/seeds';
import { LibraryFullError, openLibraryDb } from './db';
import { savedArticleFrom } from './format';
import { IMPORT_BATCH, type ImportProgress, runImport } from './import-job';
import { createLibrary } from './library';
import { seedNameContext, TAMIM_PAGE } from './test-fixtures';
import { EXPORT_FORMAT, type ImportFile } from './transfer';

let n = 0;
async function library() {
  const db = await openLibraryDb(`import-job-${n++}`);
  return createLibrary(async () => db, async () => seedNameContext(), seedCorpus().table, () => undefined);
}

/** An export of `count` distinct articles, each quoting Tamim; the first one at the TAMIM_PAGE address. */
function exportOf(count: number, first = 0): ImportFile {
  const articles = Array.from({ length: count }, (_, i) => ({
    text: `Planning Minister Mohammed Tamim said budget item ${first + i} was ready for parliament in Baghdad.\n`,
    meta: { title: `Item ${first + i}`, url: first + i === 0 ? 'https://news.example/story' : `https://news.example/item-${first + i}` },
    savedAt: '2026-11-30T00:00:00.000Z',
  }));
  return { name: 'library.json', text: JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-12-01T00:00:00Z', articles }) };
}

const now = new Date('2026-12-01T10:00:00Z');

describe('an import run as a job', () => {
  it('reads, then writes in batches, saying how far it got after each', async () => {
    const lib = await library();
    const seen: ImportProgress[] = [];
    const count = IMPORT_BATCH * 2 + 3;
    const outcome = await runImport([exportOf(count, 1)], { library: lib, now, progress: (p) => seen.push(p), cancelled: () => false });
    expect(outcome).toEqual({ imported: true, articles: count, added: count, updated: 0, merged: 0 });
    expect(seen.map((p) => [p.phase, p.done, p.total])).toEqual([
      ['reading', 0, 0],
      ['saving', 0, count],
      ['saving', IMPORT_BATCH, count],
      ['saving', IMPORT_BATCH * 2, count],
      ['saving', count, count],
    ]);
    expect(await lib.list()).toHaveLength(count);
  });

  it('cancelled between batches, takes out what it added and puts back what it replaced: the library is as it was', async () => {
    const lib = await library();
    await lib.save([await savedArticleFrom(TAMIM_PAGE, new Date('2026-11-29T00:00:00Z'))]);
    const before = await lib.all();
    let batches = 0;
    const outcome = await runImport([exportOf(IMPORT_BATCH * 3)], {
      library: lib,
      now,
      progress: (p) => {
        if (p.phase === 'saving' && p.done > 0) batches++;
      },
      cancelled: () => batches >= 2,
    });
    expect(outcome).toEqual({ imported: false, cancelled: true });
    expect(await lib.all()).toEqual(before);
    expect((await lib.list()).map((e) => e.title)).toEqual(['Iraq budget talks']);
  });

  it('undoes the batches before a full disk, and says so', async () => {
    const lib = await library();
    const save = lib.save;
    let calls = 0;
    lib.save = (articles, turn) => (++calls === 2 ? Promise.reject(new LibraryFullError()) : save(articles, turn));
    await expect(runImport([exportOf(IMPORT_BATCH * 2)], { library: lib, now, progress: () => undefined, cancelled: () => false })).rejects.toBeInstanceOf(LibraryFullError);
    expect(await lib.all()).toEqual([]);
  });

  it('refuses bad files before writing anything', async () => {
    const lib = await library();
    const outcome = await runImport([{ name: 'x.json', text: '{"format": 1' }], { library: lib, now, progress: () => undefined, cancelled: () => false });
    expect(outcome).toMatchObject({ imported: false, file: 'x.json' });
    expect(await lib.all()).toEqual([]);
  });
});
