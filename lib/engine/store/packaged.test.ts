import { describe, expect, it, vi } from 'vitest';
import { loadedSeedCorpus, seedCorpus } from '../../../tests/seeds';
import { closestAmong } from '../lookup';
import { corpusFiles, paths } from './layout';
import { CorpusFileError, packagedStore, type ReadFile } from './packaged';
import { memoryStore } from './store';

// The real `closestAmong`, watched: "did you mean" is worked out only for an answer that shows it.
vi.mock('../lookup', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../lookup')>();
  return { ...actual, closestAmong: vi.fn(actual.closestAmong) };
});

const built = seedCorpus();
const files = corpusFiles(built);
const fromFiles =
  (source: Map<string, string>): ReadFile =>
  async (path) => {
    const text = source.get(path);
    if (text === undefined) throw new Error('no such file');
    return text;
  };

describe('the packaged corpus answers as the whole corpus in memory does', () => {
  const packaged = packagedStore(fromFiles(files), built.table);
  const memory = memoryStore(loadedSeedCorpus());
  it('for every card, full statement list, timeline and article', async () => {
    for (const e of built.entities) {
      expect(await packaged.entity(e.id, 4), e.id).toEqual(await memory.entity(e.id, 4));
      expect(await packaged.entity(e.id), e.id).toEqual(await memory.entity(e.id));
      expect(await packaged.timeline(e.id), e.id).toEqual(await memory.timeline(e.id));
    }
    for (const a of built.articles) expect(await packaged.article(a.id), a.id).toEqual(await memory.article(a.id));
    expect(await packaged.articles()).toEqual(await memory.articles());
    expect(await packaged.entity('nobody')).toBeNull();
    expect(await packaged.article('nothing')).toBeNull();
  });
  it('for names typed exactly, related articles and "did you mean"', async () => {
    for (const q of ['Zarif', 'kadhimi', 'Hassan Rouhani', 'Sadr']) expect(await packaged.resolve(q), q).toEqual(await memory.resolve(q));
    const page = 'Iraqi Prime Minister Mustafa al-Kadhimi met President Hassan Rouhani in Tehran. Kadhimi said trade would grow.';
    expect((await packaged.related(page)).map((r) => r.id)).toEqual((await memory.related(page)).map((r) => r.id));
    expect((await packaged.search('Kanaanyyyy')).closest).toEqual(['Nasser Kanaani']);
    expect((await packaged.search('xyzzy')).closest).toEqual([]);
  });
  it('for search: prefixes, typos, folding, the best statement and marks', async () => {
    const top = async (q: string) => (await packaged.search(q)).names[0]?.id;
    expect(await top('zari')).toBe('mohammad-javad-zarif');
    expect(await top('kadhem')).toBe('mustafa-al-kadhimi');
    expect(await top('Pompeio')).toBe('mike-pompeo');
    expect(await top('Suleimani')).toBe('qassem-soleimani');
    expect(await top('Kādhimi')).toBe('mustafa-al-kadhimi');
    const troops = await packaged.search('US troops');
    expect(troops.statements[0].text).toMatch(/2500 US troops/);
    expect(troops.statements[0].terms).toEqual(expect.arrayContaining(['us', 'troops']));
    expect((await packaged.search('Hashd al-Shaabi')).statements.map((s) => s.id)).toContain('003_3d90aa80119a4437#12');
    // A word nothing holds as typed is matched by a close spelling, marked as such.
    const typo = await packaged.search('functons');
    expect(typo.statements.length).toBeGreaterThan(0);
    expect(typo.statements.every((s) => s.approximate && s.terms.includes('functions'))).toBe(true);
    // But never by another word: "sanctions" is not a spelling of "functions" (another first letter, two edits).
    const sanctions = await packaged.search('sanctions');
    expect([...sanctions.names, ...sanctions.statements, ...sanctions.articles]).toEqual([]);
    expect((await packaged.search('Pompeio')).suggestions).toEqual(['pompeo']);
  });
});

describe('a cold search', () => {
  it('answers names at once from the names index while the full index loads, then everything', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store = packagedStore(async (path) => {
      if (path === paths.search) await slow;
      return files.get(path) as string;
    }, built.table);
    const first = await store.search('Zarif');
    expect(first.pending).toBe(true);
    expect(first.names[0]?.id).toBe('mohammad-javad-zarif');
    expect(first.statements).toEqual([]);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const full = await store.search('Zarif');
    expect(full.pending).toBeUndefined();
    expect(full.statements.length).toBeGreaterThan(0);
  });
});

describe('the names answer', () => {
  it('needs only names.json: a cold search for a name, and a typed name, read no meta.json (which lists every article)', async () => {
    const reads: string[] = [];
    const store = packagedStore(async (path) => {
      reads.push(path);
      // The full index is still on its way: the answer is the names one.
      if (path === paths.search) await new Promise(() => {});
      return files.get(path) as string;
    }, built.table);
    const first = await store.search('Zarif');
    expect(first).toMatchObject({ pending: true, statements: [], articles: [] });
    expect(first.names[0]).toMatchObject({ id: 'mohammad-javad-zarif', name: 'Mohammad Javad Zarif', type: 'person', approximate: false });
    expect(first.names[0].role).toBe(built.entities.find((e) => e.id === 'mohammad-javad-zarif')?.roles[0]?.text ?? null);
    expect(await store.resolve('Zarif')).toBe('mohammad-javad-zarif');
    expect(reads).not.toContain(paths.meta);
    expect([...new Set(reads)].sort()).toEqual([paths.names, paths.search].sort());
  });
  it('is refused, naming the file, when names.json is damaged, and a card still opens', async () => {
    const damaged = new Map(files);
    damaged.set(paths.names, `\u0000${files.get(paths.names)}`);
    const store = packagedStore(fromFiles(damaged), built.table);
    await expect(store.resolve('Zarif')).rejects.toThrow(/corpus file corpus\/names\.json: not valid JSON/);
    expect((await store.entity('mohammad-javad-zarif', 2))?.statements).toHaveLength(2);
  });
});

describe('"did you mean"', () => {
  it('is worked out only when the answer found nothing at all, not for every query that matches no name', async () => {
    const store = packagedStore(fromFiles(files), built.table);
    await store.search('Zarif');
    vi.mocked(closestAmong).mockClear();
    const troops = await store.search('US troops');
    expect(troops.names).toEqual([]);
    expect(troops.statements.length).toBeGreaterThan(0);
    expect(troops.closest).toEqual([]);
    expect(closestAmong).not.toHaveBeenCalled();
    const nothing = await store.search('Kanaanyyyy');
    expect([...nothing.names, ...nothing.statements, ...nothing.articles]).toEqual([]);
    expect(nothing.closest).toEqual(['Nasser Kanaani']);
    expect(closestAmong).toHaveBeenCalledTimes(1);
  });
  it('is not worked out for a cold answer of names only, which the popup does not show as "nothing found"', async () => {
    const store = packagedStore(async (path) => {
      // The full index never arrives: every answer is the names-only one.
      if (path === paths.search) await new Promise(() => {});
      return files.get(path) as string;
    }, built.table);
    vi.mocked(closestAmong).mockClear();
    const first = await store.search('milestone');
    expect(first).toMatchObject({ pending: true, names: [], closest: [] });
    expect(closestAmong).not.toHaveBeenCalled();
  });
});

describe('the packaged corpus as files', () => {
  it('is the same bytes, file for file, for the same seeds', () => {
    const again = corpusFiles(seedCorpus());
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, text] of files) expect(again.get(path), path).toBe(text);
  });
  it('refuses to write a corpus whose files would disagree', () => {
    const broken = { ...built, entities: built.entities.map((e, i) => (i === 0 ? { ...e, roles: [{ text: 'x', article: 'a', statement: 'nowhere#1' }] } : e)) };
    expect(() => corpusFiles(broken)).toThrow(/nowhere#1/);
  });
  it('fails only the request that needs a corrupt or missing file, naming it, and keeps the others working', async () => {
    const zarif = 'mohammad-javad-zarif';
    const damaged = new Map(files);
    damaged.set(paths.entity(zarif), '{"view": {');
    damaged.delete(paths.article(0));
    const store = packagedStore(fromFiles(damaged), built.table);
    await expect(store.entity('mohammad-javad-zarif')).rejects.toThrow(new CorpusFileError(paths.entity(zarif), 'x').message.split(':')[0]);
    await expect(store.entity('mohammad-javad-zarif')).rejects.toThrow(/not valid JSON/);
    await expect(store.article(built.articles[0].id)).rejects.toThrow(/corpus file corpus\/articles\/0\.json: cannot be read/);
    expect((await store.entity('hassan-rouhani', 2))?.name).toBe('Hassan Rouhani');
    expect((await store.search('Rouhani')).names[0]?.id).toBe('hassan-rouhani');
  });
  it('checks each file’s shape as it reads it: a file of the wrong shape fails its requests with its name, not a TypeError later', async () => {
    const damaged = new Map(files);
    const article = JSON.parse(files.get(paths.article(0)) as string) as Record<string, unknown>;
    damaged.set(paths.article(0), JSON.stringify({ ...article, statements: 5 }));
    damaged.set(paths.entity('hassan-rouhani'), JSON.stringify({ view: { id: 'hassan-rouhani' } }));
    const store = packagedStore(fromFiles(damaged), built.table);
    await expect(store.article(built.articles[0].id)).rejects.toThrow(/corpus file corpus\/articles\/0\.json: not a corpus file of this version \(statements: /);
    // A search that shows sentences from that article (the first, cold answer may be names only).
    const query = built.articles[0].title;
    await store.search(query).catch(() => undefined);
    await expect(store.search(query)).rejects.toBeInstanceOf(CorpusFileError);
    await expect(store.entity('hassan-rouhani', 4)).rejects.toThrow(/corpus\/entities\/hassan-rouhani\.json: not a corpus file/);
    expect((await store.entity('mohammad-javad-zarif', 2))?.name).toBe('Mohammad Javad Zarif');
    expect((await store.article(built.articles[1].id))?.article.id).toBe(built.articles[1].id);
  });
  it('fails what needs a damaged meta.json by name, and a card still opens without it', async () => {
    const damaged = new Map(files);
    damaged.set(paths.meta, `\u0000${files.get(paths.meta)}`);
    const store = packagedStore(fromFiles(damaged), built.table);
    await expect(store.search('Zarif')).rejects.toThrow(/corpus file corpus\/meta\.json: not valid JSON/);
    expect((await store.entity('mohammad-javad-zarif', 2))?.statements).toHaveLength(2);
  });
});
