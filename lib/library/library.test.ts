import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadedSeedCorpus, seedCorpus } from '../../tests/seeds';
import { combinedStore } from '../engine/store/combined';
import { memoryStore } from '../engine/store/store';
import { LibraryFullError, type LibraryDb, openLibraryDb } from './db';
import { savedArticleFrom } from './format';
import { createLibrary } from './library';
import { seedNameContext, TAMIM_PAGE } from './test-fixtures';

let n = 0;
const opened: LibraryDb[] = [];
async function freshLibrary() {
  const db = await openLibraryDb(`test-library-${n++}`);
  opened.push(db);
  let changes = 0;
  const library = createLibrary(async () => db, async () => seedNameContext(), seedCorpus().table, () => changes++);
  return { db, library, changes: () => changes };
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
const saved = (page = TAMIM_PAGE, at = '2026-11-30T09:00:00Z') => savedArticleFrom(page, new Date(at));

describe('the library store', () => {
  it('keeps what the page states, never the save date as the article date', async () => {
    const a = await saved();
    expect(a.url).toBe('https://news.example/story');
    expect(a.meta).toEqual({ title: 'Iraq budget talks', outlet: 'Example News', date: '2024-03-05', time: '10:15', url: 'https://news.example/story' });
    const undated = await saved({ ...TAMIM_PAGE, published: null });
    expect(undated.meta.date).toBeUndefined();
    expect(undated.savedAt).toBe('2026-11-30T09:00:00.000Z');
  });

  it('saves an article with what the engine derives, and lists it', async () => {
    const { library, db, changes } = await freshLibrary();
    const [result] = await library.save([await saved()]);
    expect(result.updated).toBe(false);
    expect(changes()).toBe(1);
    const [facts] = await db.facts();
    expect(facts.names.map((x) => x.id)).toEqual(expect.arrayContaining(['mohammed-tamim', 'mohammad-javad-zarif']));
    expect(await library.list()).toEqual([
      expect.objectContaining({ title: 'Iraq budget talks', outlet: 'Example News', date: '2024-03-05', savedAt: '2026-11-30T09:00:00.000Z', url: 'https://news.example/story' }),
    ]);
  });

  it('recognises the same address: saving again updates, never doubles', async () => {
    const { library } = await freshLibrary();
    await library.save([await saved()]);
    const again = await library.save([await saved({ ...TAMIM_PAGE, url: 'https://news.example/story#comments', title: 'Iraq budget talks (updated)' }, '2026-12-01T00:00:00Z')]);
    expect(again[0]).toMatchObject({ updated: true, duplicate: false });
    expect((await library.list()).map((e) => e.title)).toEqual(['Iraq budget talks (updated)']);
  });

  it('keeps the article when the same text comes from another address: merged as a duplicate, its address and title untouched', async () => {
    const { library } = await freshLibrary();
    const [first] = await library.save([await saved()]);
    const copy = await library.save([await saved({ ...TAMIM_PAGE, url: 'https://mirror.example/copy', title: 'Stolen headline' })]);
    expect(copy[0]).toEqual({ id: first.id, updated: false, duplicate: true });
    expect(await library.list()).toEqual([expect.objectContaining({ id: first.id, title: 'Iraq budget talks', url: 'https://news.example/story' })]);
  });

  it('never lets an article with another address and text take a saved one’s id', async () => {
    const { library } = await freshLibrary();
    const [first] = await library.save([await saved()]);
    const other = await saved({ ...TAMIM_PAGE, url: 'https://evil.example/x', title: 'Replaced', paragraphs: ['Planning Minister Mohammed Tamim resigned today, officials in Baghdad said.'] });
    // As an import file could have it: the saved article's id on another article.
    const [result] = await library.save([{ ...other, id: first.id }]);
    expect(result).toMatchObject({ updated: false, duplicate: false });
    expect(result.id).not.toBe(first.id);
    const titles = (await library.list()).map((e) => [e.title, e.url]);
    expect(titles).toEqual(expect.arrayContaining([['Iraq budget talks', 'https://news.example/story'], ['Replaced', 'https://evil.example/x']]));
  });

  it('merges the same article twice in one batch, the later one kept, and reports it', async () => {
    const { library } = await freshLibrary();
    const a = await saved();
    const b = await saved({ ...TAMIM_PAGE, title: 'Iraq budget talks, later', paragraphs: [...TAMIM_PAGE.paragraphs, 'Parliament will vote on Sunday, Tamim added.'] });
    const results = await library.save([a, b]);
    expect(results.map((r) => r.duplicate)).toEqual([true, false]);
    expect((await library.list()).map((e) => e.title)).toEqual(['Iraq budget talks, later']);
  });

  it('writes a batch whole or not at all', async () => {
    const { library } = await freshLibrary();
    const first = await saved();
    await library.save([first]);
    const other = await saved({ ...TAMIM_PAGE, url: 'https://other.example/a', paragraphs: ['Something else entirely was said by Planning Minister Mohammed Tamim today.'] });
    // A value IndexedDB cannot store makes the second put fail: the first put of the same transaction must not remain.
    const broken = { ...(await saved({ ...TAMIM_PAGE, url: 'https://third.example/b', paragraphs: ['Yet another text about the budget, told by Tamim to reporters.'] })), byline: (() => 1) as unknown as string };
    await expect(library.save([other, broken])).rejects.toThrow();
    expect((await library.all()).map((a) => a.id)).toEqual([first.id]);
  });

  it('turns a full disk into a clear message and loses nothing saved before', async () => {
    const { library } = await freshLibrary();
    const first = await saved();
    await library.save([first]);
    const store = globalThis.IDBObjectStore.prototype;
    const put = store.put;
    store.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'derived') throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const other = await saved({ ...TAMIM_PAGE, url: 'https://other.example/a' , paragraphs: ['A different article on the budget, said Planning Minister Mohammed Tamim.'] });
      await expect(library.save([other])).rejects.toBeInstanceOf(LibraryFullError);
    } finally {
      store.put = put;
    }
    expect(await library.all()).toEqual([first]);
  });

  it('writes a batch article by article, and undoes it whole when one fails: no article, and none of its search words, stay', async () => {
    const { library, db } = await freshLibrary();
    const first = await saved();
    await library.save([first]);
    const a = await saved({ ...TAMIM_PAGE, url: 'https://a.example/1', paragraphs: ['Planning Minister Mohammed Tamim praised the zucchini harvest in Basra.'] });
    const b = await saved({ ...TAMIM_PAGE, url: 'https://b.example/2', paragraphs: ['Planning Minister Mohammed Tamim spoke of the xylophone factory in Mosul.'] });
    const store = globalThis.IDBObjectStore.prototype;
    const put = store.put;
    let derivedPuts = 0;
    store.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // The second article's records fail after its postings, written apart, went in.
      if (this.name === 'derived' && ++derivedPuts === 2) throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(library.save([a, b])).rejects.toBeInstanceOf(LibraryFullError);
    } finally {
      store.put = put;
    }
    expect(await library.all()).toEqual([first]);
    expect(await db.postings('zucchini')).toEqual(new Map());
    expect(await db.postings('xylophone')).toEqual(new Map());
    expect((await library.store.search('budget')).articles.map((x) => x.id)).toEqual([first.id]);
    // Saved, its words are there: the checks above looked where they would be.
    await library.save([a, b]);
    expect([...(await db.postings('zucchini')).keys()]).toEqual([a.id]);
  });

  it('is a CorpusStore: its statements are marked as the reader’s, with the original link', async () => {
    const { library } = await freshLibrary();
    await library.save([await saved()]);
    const tamim = await library.store.entity('mohammed-tamim');
    expect(tamim?.statements[0]).toMatchObject({ relation: 'said', article: { origin: 'library', url: 'https://news.example/story', outlet: 'Example News' } });
    expect(Object.keys((await library.nameTable()).entities).sort()).toEqual(['example-news', 'mohammed-tamim']);
    expect((await library.store.search('budget')).statements.every((s) => s.article.origin === 'library')).toBe(true);
  });

  it('deleting an article takes its names and statements away', async () => {
    const { library } = await freshLibrary();
    const [{ id }] = await library.save([await saved()]);
    await library.remove([id]);
    expect(await library.store.entity('mohammed-tamim')).toBeNull();
    expect((await library.nameTable()).entities).toEqual({});
  });
});

describe('the bundled corpus and the library together', () => {
  it('a bundled name’s card gains the saved statement, marked, while the bundled ones stay unmarked', async () => {
    const { library } = await freshLibrary();
    const bundled = memoryStore(loadedSeedCorpus());
    const both = combinedStore(bundled, library.store);
    const before = await bundled.entity('mohammad-javad-zarif', 8);
    await library.save([await saved()]);
    const after = await both.entity('mohammad-javad-zarif', 8);
    expect(after?.statements[0]).toMatchObject({ relation: 'said', article: { origin: 'library', url: 'https://news.example/story' } });
    expect(after?.statements.filter((s) => s.article.origin === undefined)).toEqual(before?.statements.slice(0, 7));
    expect(after?.counts.said).toBe((before?.counts.said ?? 0) + 1);
    // The corpus's basis is the corpus's alone; the saved article is counted apart.
    expect(after?.basis).toEqual({ ...before?.basis, library: { articles: 1, saved: 1 } });
    const points = await both.timeline('mohammad-javad-zarif');
    expect(points.find((p) => p.date === '2024-03-05')).toEqual({ date: '2024-03-05', said: 1, about: 0 });
  });

  it('a name only the library knows has a card; search, related and the article list see the library', async () => {
    const { library } = await freshLibrary();
    const both = combinedStore(memoryStore(loadedSeedCorpus()), library.store);
    expect(await both.entity('mohammed-tamim')).toBeNull();
    const [{ id }] = await library.save([await saved()]);
    expect((await both.entity('mohammed-tamim'))?.name).toBe('Mohammed Tamim');
    expect((await both.search('Tamim')).names.map((x) => x.id)).toContain('mohammed-tamim');
    expect((await both.search('ration card')).statements[0]?.article.origin).toBe('library');
    expect((await both.article(id))?.article.origin).toBe('library');
    expect((await both.articles())[0]).toMatchObject({ id, origin: 'library' });
    const related = await both.related('Planning Minister Mohammed Tamim said the budget and the ration card would pass. Tamim met reporters.');
    expect(related.some((r) => r.origin === 'library')).toBe(true);
    expect(await both.resolve('Mohammed Tamim')).toBe('mohammed-tamim');
  });

  it('a failing library costs only its part', async () => {
    const bundled = memoryStore(loadedSeedCorpus());
    const failing = Object.fromEntries(Object.keys(bundled).map((k) => [k, () => Promise.reject(new Error('blocked'))])) as unknown as typeof bundled;
    const both = combinedStore(bundled, failing);
    expect(await both.entity('mohammad-javad-zarif', 3)).toEqual(await bundled.entity('mohammad-javad-zarif', 3));
    expect((await both.search('Zarif')).names[0]?.id).toBe('mohammad-javad-zarif');
  });
});
