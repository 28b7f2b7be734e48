import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { seedCorpus } from '../../tests/seeds';
import { corpusFiles, paths } from '../engine/store/layout';
import { bundledNames, namesFromTable } from './bundled-names';
import { openLibraryDb } from './db';
import { savedArticleFrom } from './format';
import { createLibrary } from './library';
import { TAMIM_PAGE } from './test-fixtures';

const built = seedCorpus();
const names = corpusFiles(built).get(paths.names) as string;

describe('the names a saved article is read with', () => {
  it('are names.json’s when it is sound', async () => {
    const context = await bundledNames(async () => names, built.table);
    expect(context.find((e) => e.id === 'mohammad-javad-zarif')).toMatchObject({ name: 'Mohammad Javad Zarif', type: 'person', aliases: expect.arrayContaining(['Zarif']) });
  });

  it('come from the built-in table when names.json is damaged, missing or of another shape', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const read of [async () => `\u0000${names}`, () => Promise.reject(new Error('HTTP 404')), async () => '{"entities": 3}']) {
      expect(await bundledNames(read, built.table)).toEqual(namesFromTable(built.table));
    }
    warn.mockRestore();
    const zarif = namesFromTable(built.table).find((e) => e.id === 'mohammad-javad-zarif');
    expect(zarif?.aliases).toEqual(expect.arrayContaining(['Zarif', 'Mohammad Javad Zarif']));
  });

  it('let the library save with a damaged names.json, the bundled Zarif still the one quoted', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await openLibraryDb('bundled-names-test');
    const library = createLibrary(async () => db, () => bundledNames(async () => '\u0000', built.table), built.table, () => undefined);
    const [saved] = await library.save([await savedArticleFrom(TAMIM_PAGE, new Date('2026-12-01T00:00:00Z'))]);
    expect(saved.updated).toBe(false);
    expect((await library.store.entity('mohammad-javad-zarif'))?.statements[0]).toMatchObject({ relation: 'said', article: { origin: 'library' } });
    db.close();
    warn.mockRestore();
  });
});
