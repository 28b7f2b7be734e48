import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { seedCorpus } from '../../tests/seeds';
import { LibraryFullError, openLibraryDb } from '../library/db';
import { createLibrary, type Library } from '../library/library';
import { savedArticleFrom } from '../library/format';
import { seedNameContext, TAMIM_PAGE, WHALE_PAGE } from '../library/test-fixtures';
import { type SaveDeps, saveFromTab } from './save-article';

let n = 0;
async function deps(overrides: Partial<SaveDeps> = {}): Promise<SaveDeps & { lib: Library }> {
  const db = await openLibraryDb(`save-test-${n++}`);
  const lib = createLibrary(async () => db, async () => seedNameContext(), seedCorpus().table, () => undefined);
  return {
    lib,
    tabIsPrivate: async () => false,
    pageDocument: async () => ({ html: '<html></html>', url: TAMIM_PAGE.url, private: false }),
    extract: async () => ({ page: TAMIM_PAGE }),
    library: () => lib,
    now: () => new Date('2026-11-30T09:00:00Z'),
    ...overrides,
  };
}

describe('saving the article in a tab', () => {
  it('saves what the extraction found, then recognises it the second time', async () => {
    const d = await deps();
    expect(await saveFromTab(7, d)).toMatchObject({ saved: true, title: 'Iraq budget talks', updated: false });
    expect(await saveFromTab(7, d)).toMatchObject({ saved: true, updated: true });
    expect(await d.lib.list()).toHaveLength(1);
  });

  it('refuses a private window without even copying the page', async () => {
    const pageDocument = vi.fn();
    const d = await deps({ tabIsPrivate: async () => true, pageDocument });
    expect(await saveFromTab(7, d)).toEqual({ saved: false, reason: 'private-window' });
    expect(pageDocument).not.toHaveBeenCalled();
    const fromPage = await deps({ pageDocument: async () => ({ html: '', url: 'https://x.example', private: true }) });
    expect(await saveFromTab(7, fromPage)).toEqual({ saved: false, reason: 'private-window' });
    expect(await d.lib.list()).toEqual([]);
  });

  it('says so when the page is not an article, or has no content script, and saves nothing', async () => {
    const d = await deps({ extract: async () => ({ refused: 'not-an-article' }) });
    expect(await saveFromTab(7, d)).toEqual({ saved: false, reason: 'not-an-article' });
    const gone = await deps({ pageDocument: () => Promise.reject(new Error('Receiving end does not exist')) });
    expect(await saveFromTab(7, gone)).toEqual({ saved: false, reason: 'no-page' });
    expect(await d.lib.list()).toEqual([]);
  });

  it('refuses a page with too much text, whether the page was too big to copy or its text above the limit, and saves nothing', async () => {
    const uncopied = await deps({ pageDocument: async () => null });
    expect(await saveFromTab(7, uncopied)).toEqual({ saved: false, reason: 'too-big' });
    const long = await deps({ extract: async () => ({ refused: 'too-big' }) });
    expect(await saveFromTab(7, long)).toEqual({ saved: false, reason: 'too-big' });
    expect(await long.lib.list()).toEqual([]);
  });

  it('turns a full disk into its own answer', async () => {
    const d = await deps();
    d.lib.save = () => Promise.reject(new LibraryFullError());
    expect(await saveFromTab(7, d)).toEqual({ saved: false, reason: 'storage-full' });
  });

  it('runs saves and deletes of one article in the order they arrived, however long a save reads the page: the last request wins', async () => {
    // Each extraction waits until the test lets it finish, as a big page keeps Readability busy.
    const pending: (() => void)[] = [];
    const slow = async () => {
      await new Promise<void>((resolve) => pending.push(resolve));
      return { page: TAMIM_PAGE };
    };
    const finish = async () => {
      while (pending.length < 2) await new Promise((r) => setTimeout(r, 5));
      // The later page is read first: arrival, not reading time, orders the writes.
      for (const go of pending.splice(0).reverse()) go();
    };
    const d = await deps({ extract: slow });
    const id = (await savedArticleFrom(TAMIM_PAGE, new Date())).id;
    const requests = [saveFromTab(7, d), d.lib.remove([id]), saveFromTab(7, d), d.lib.remove([id])];
    await finish();
    await Promise.all(requests);
    expect(await d.lib.list()).toEqual([]);

    const again = [saveFromTab(7, d), d.lib.remove([id]), saveFromTab(7, d)];
    await finish();
    await Promise.all(again);
    expect((await d.lib.list()).map((e) => e.id)).toEqual([id]);
  });

  it('asks before saving a page that names nobody of Iran–Iraq affairs; saved anyway, its names stay on its card and off the pages until an article on the topic names them', async () => {
    const d = await deps({ extract: async () => ({ page: WHALE_PAGE }) });
    expect(await saveFromTab(7, d)).toEqual({ saved: false, reason: 'off-topic' });
    expect(await d.lib.list()).toEqual([]);
    expect(await saveFromTab(7, d, true)).toMatchObject({ saved: true, offPages: true });
    expect((await d.lib.store.entity('hori-parata'))?.statements[0]).toMatchObject({ relation: 'said', article: { origin: 'library' } });
    expect((await d.lib.nameTable()).entities).toEqual({});
    // An article on the topic names him too: now he is a name of the pages; deleted, he is not again.
    const onTopic = await deps({ library: () => d.lib, extract: async () => ({ page: { ...TAMIM_PAGE, paragraphs: [...TAMIM_PAGE.paragraphs, 'Hori Parata said he would visit Baghdad in the spring.'] } }) });
    const saved = await saveFromTab(7, onTopic);
    expect(saved).toMatchObject({ saved: true });
    expect(saved.saved && saved.offPages).toBeFalsy();
    expect(Object.keys((await d.lib.nameTable()).entities)).toContain('hori-parata');
    await d.lib.remove([saved.saved ? saved.id : '']);
    expect(Object.keys((await d.lib.nameTable()).entities)).not.toContain('hori-parata');
    expect(await d.lib.store.entity('hori-parata')).not.toBeNull();
  });
});
