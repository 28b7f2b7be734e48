/**
 * The library answers from what each save wrote, never from the library
 * analysed whole: these tests hold it to the same answers as the corpus built
 * whole from the same articles, across saves, restarts, updates and deletes.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundle, serializeBundle } from '../engine/bundle';
import { buildCorpus, ENTITY_FILE } from '../engine/corpus';
import { memoryStore } from '../engine/store/store';
import { A, SEEDS, seedCorpus } from '../../tests/seeds';
import { type LibraryDb, openLibraryDb } from './db';
import { libraryIdOf, type SavedArticle, textHashOf } from './format';
import { createLibrary } from './library';

let n = 0;
const opened: LibraryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function libraryOn(name: string) {
  const db = await openLibraryDb(name);
  opened.push(db);
  // No bundled names: everything the articles name is the library's own, found by discovery.
  return createLibrary(async () => db, async () => [], seedCorpus().table, () => undefined);
}

async function seedArticle(id: string, savedAt: string): Promise<SavedArticle> {
  const text = readFileSync(join(SEEDS, `${id}.txt`), 'utf8');
  const url = `https://news.example/${id}`;
  return { id: await libraryIdOf(url, text), url, text, meta: { url }, byline: null, savedAt, textHash: await textHashOf(text) };
}

async function seedArticles(): Promise<SavedArticle[]> {
  return Promise.all(Object.values(A).map((id, i) => seedArticle(id, `2026-11-0${i + 1}T00:00:00Z`)));
}

/** The single-corpus answer for the same articles: built whole, in memory. */
function wholeCorpus(articles: SavedArticle[]) {
  const encode = (t: string) => new TextEncoder().encode(t);
  const built = buildCorpus([
    { name: ENTITY_FILE, bytes: encode('{"entities":[]}') },
    ...articles.flatMap((a) => [
      { name: `${a.id}.txt`, bytes: encode(a.text) },
      { name: `${a.id}.meta.json`, bytes: encode(JSON.stringify(a.meta)) },
    ]),
  ]);
  return { built, store: memoryStore(loadBundle(serializeBundle(built), built.table)) };
}

describe('the library store, read per request', () => {
  it('saved in one batch, gives every card the counts, basis and statements of the corpus built whole', async () => {
    const articles = await seedArticles();
    const library = await libraryOn(`store-${n++}`);
    await library.save(articles);
    const { built, store } = wholeCorpus(articles);
    const people = built.entities.filter((e) => e.type === 'person');
    expect(people.length).toBeGreaterThan(10);
    for (const e of people) {
      const mine = await library.store.entity(e.id, 8);
      const whole = await store.entity(e.id, 8);
      expect(mine?.counts, e.id).toEqual(whole?.counts);
      expect(mine?.basis.library, e.id).toEqual({ articles: whole?.basis.articles, saved: articles.length });
      // Counted apart: none of it is the corpus's.
      expect(mine?.basis.articles, e.id).toBe(0);
      expect(mine?.statements.map((s) => s.id).sort(), e.id).toEqual(whole?.statements.map((s) => s.id).sort());
      expect(await library.store.timeline(e.id), e.id).toEqual(await store.timeline(e.id));
    }
    const article = await library.store.article(articles[0].id);
    expect(article?.statements.map((s) => s.text)).toEqual((await store.article(articles[0].id))?.statements.map((s) => s.text));
  });

  it('after deletes and an update, every card adds up to the corpus built whole from what is left', async () => {
    const articles = await seedArticles();
    const library = await libraryOn(`store-${n++}`);
    await library.save(articles);
    await library.remove([articles[1].id, articles[3].id]);
    await library.save([{ ...articles[0], savedAt: '2026-12-01T00:00:00Z' }]);
    const left = [articles[0], articles[2], articles[4]];
    const { built, store } = wholeCorpus(left);
    for (const e of built.entities.filter((x) => x.type === 'person')) {
      const mine = await library.store.entity(e.id, 8);
      const whole = await store.entity(e.id, 8);
      expect(mine?.counts, e.id).toEqual(whole?.counts);
      expect(mine?.basis.library, e.id).toEqual({ articles: whole?.basis.articles, saved: 3 });
      expect(mine?.statements.map((s) => s.id).sort(), e.id).toEqual(whole?.statements.map((s) => s.id).sort());
    }
  });

  it('keeps its count of saved articles right through saves, updates, deletes of what is there or not, and clearing', async () => {
    const name = `store-${n++}`;
    const library = await libraryOn(name);
    const db = opened[opened.length - 1];
    const articles = await seedArticles();
    const agree = async () => expect(await db.count()).toBe((await db.all()).length);
    await library.save(articles.slice(0, 3));
    await agree();
    await library.save([articles[0], articles[3]]);
    await agree();
    await library.remove([articles[1].id, 'lib-000000000000']);
    await agree();
    expect(await db.count()).toBe(3);
    await library.clear();
    await agree();
    await library.save([articles[4]]);
    expect(await db.count()).toBe(1);
  });

  it('a card reads only the articles its first statements need, newest first', async () => {
    const name = `store-${n++}`;
    const articles = await seedArticles();
    await (await libraryOn(name)).save(articles);
    const db = await openLibraryDb(name);
    opened.push(db);
    const read: number[] = [];
    const counting: LibraryDb = {
      ...db,
      cardRead: async (id, plan) => {
        const got = await db.cardRead(id, plan);
        read.push(got?.parts.length ?? 0);
        return got;
      },
    };
    const library = createLibrary(async () => counting, async () => [], seedCorpus().table, () => undefined);
    const whole = wholeCorpus(articles).store;
    let fewer = 0;
    for (const person of await library.store.entities()) {
      const all = await db.mentionsOf(person.id);
      const card = await library.store.entity(person.id, 1);
      const first = card?.statements[0];
      if (!first) continue;
      // What it must read: newest first, up to the first part holding its first statement, and the rest of that date.
      const sorted = [...all].sort((x, y) => (x.sortDate < y.sortDate ? 1 : x.sortDate > y.sortDate ? -1 : 0));
      const at = sorted.findIndex((p) => [...p.said, ...p.partial, ...p.about].includes(first.id));
      const needed = sorted.filter((p, i) => i <= at || p.sortDate === sorted[at].sortDate).length;
      expect(read.pop(), person.id).toBe(needed);
      if (needed < all.length) fewer++;
      // And it is the statement the corpus built whole puts first.
      expect(first.id, person.id).toBe((await whole.entity(person.id, 1))?.statements[0].id);
    }
    expect(fewer).toBeGreaterThan(0);
  });

  it('saved one at a time, each save reads the names the earlier ones taught it', async () => {
    const articles = await seedArticles();
    const library = await libraryOn(`store-${n++}`);
    for (const a of articles) await library.save([a]);
    const { built, store } = wholeCorpus(articles);
    // Zarif is in three seed articles, under more than one form: one entity, one card.
    const zarif = built.entities.find((e) => e.name.includes('Zarif'));
    expect(zarif).toBeDefined();
    const mine = await library.store.entity(zarif?.id ?? '');
    expect(mine?.basis.library?.articles).toBe((await store.entity(zarif?.id ?? ''))?.basis.articles);
    expect(mine?.basis.library?.articles).toBeGreaterThan(1);
  });

  it('answers after a restart from what was stored, without analysing anything again', async () => {
    const name = `store-${n++}`;
    const articles = await seedArticles();
    await (await libraryOn(name)).save(articles);
    for (const db of opened.splice(0)) db.close();
    const db = await openLibraryDb(name);
    opened.push(db);
    let wholeReads = 0;
    const counting: LibraryDb = {
      ...db,
      all: () => {
        wholeReads++;
        return db.all();
      },
    };
    const again = createLibrary(async () => counting, async () => [], seedCorpus().table, () => undefined);
    expect((await again.store.search('Zarif')).statements.length).toBeGreaterThan(0);
    expect((await again.store.entity('hassan-rouhani'))?.counts.said).toBeGreaterThan(0);
    expect((await again.list()).length).toBe(articles.length);
    expect(wholeReads).toBe(0);
  });

  it('finds an article by its words, a word being typed, and a close spelling marked approximate', async () => {
    const library = await libraryOn(`store-${n++}`);
    await library.save(await seedArticles());
    const exact = await library.store.search('Moscow');
    expect(exact.articles.length).toBeGreaterThan(0);
    expect(exact.articles.every((a) => !a.approximate)).toBe(true);
    expect(exact.statements[0]?.terms).toContain('moscow');
    const typing = await library.store.search('Mosc');
    expect(typing.articles.map((a) => a.id)).toEqual(exact.articles.map((a) => a.id));
    const typo = await library.store.search('Mosxow');
    expect(typo.articles[0]?.approximate).toBe(true);
    expect((await library.store.search('xyzzyplugh')).articles).toEqual([]);
  });

  it('saving again replaces what was derived: the old words are gone, the new ones found', async () => {
    const library = await libraryOn(`store-${n++}`);
    const [first] = await seedArticles();
    await library.save([first]);
    expect((await library.store.search('Qassemi')).articles).toHaveLength(1);
    const edited = { ...first, text: 'Iraqi Planning Minister Mohammed Tamim said the budget was ready.\n', textHash: 'changed' };
    const [result] = await library.save([edited]);
    expect(result).toEqual({ id: first.id, updated: true, duplicate: false });
    expect((await library.store.search('Qassemi')).articles).toEqual([]);
    expect((await library.store.search('budget')).articles.map((a) => a.id)).toEqual([first.id]);
    expect(await library.store.entity('mohammed-tamim')).not.toBeNull();
  });

  it('deleting takes out the article’s words, its part of every card, and names no other article has', async () => {
    const library = await libraryOn(`store-${n++}`);
    const articles = await seedArticles();
    await library.save(articles);
    const moscow = articles[1];
    const only = (await library.store.article(moscow.id))?.article.paragraphs.join(' ') ?? '';
    expect(only).toContain('Moscow');
    const before = await library.store.entity('hassan-rouhani');
    await library.remove([moscow.id]);
    expect((await library.store.search('Moscow')).articles.map((a) => a.id)).not.toContain(moscow.id);
    expect(await library.store.article(moscow.id)).toBeNull();
    const after = await library.store.entity('hassan-rouhani');
    expect(after?.basis.library?.articles).toBeLessThanOrEqual(before?.basis.library?.articles ?? 0);
    expect(after?.basis.library?.saved).toBe(articles.length - 1);
    await library.remove(articles.map((a) => a.id));
    expect(await library.store.entity('hassan-rouhani')).toBeNull();
    expect((await library.nameTable()).entities).toEqual({});
    expect(await library.store.articles()).toEqual([]);
  });

  it('analyses once the articles an older version saved without their records', async () => {
    const name = `store-${n++}`;
    const [first] = await seedArticles();
    const old = await openDB(name, 1, {
      upgrade(db) {
        const articles = db.createObjectStore('articles', { keyPath: 'id' });
        articles.createIndex('url', 'url');
        articles.createIndex('textHash', 'textHash');
        db.createObjectStore('derived', { keyPath: 'id' });
      },
    });
    await old.put('articles', first);
    await old.put('derived', { id: first.id, title: 'old row', outlet: null, date: null, statements: 0, quotes: 0, names: [] });
    old.close();
    const library = await libraryOn(name);
    expect((await library.list()).map((e) => e.id)).toEqual([first.id]);
    expect((await library.store.search('Qassemi')).articles.map((a) => a.id)).toEqual([first.id]);
    expect(await library.all()).toEqual([first]);
  });
});
