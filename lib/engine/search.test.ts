import { describe, expect, it } from 'vitest';
import { loadedSeedCorpus, seedCorpus } from '../../tests/seeds';
import { buildIndex, closeSpelling, indexTextHits, loadIndex, namedInArticles, relatedArticles, search, suggest } from './search';
import { closestNames, lookupEntity, resolveName, searchCorpus } from './lookup';

describe('index round-trip', () => {
  it('gives the same results after serialise → loadJSON', () => {
    const built = buildIndex(seedCorpus());
    const loaded = loadIndex(JSON.stringify(built));
    for (const q of ['Zarif', 'kadhem', 'zari', 'US troops', 'milestone', 'Hashd', 'Daesh']) {
      expect(search(loaded, q), q).toEqual(search(built, q));
    }
  });
});

describe('search', () => {
  const corpus = loadedSeedCorpus();
  const entityHits = (q: string) => search(corpus.index, q, ['entity']).map((h) => h.id);
  it('finds names by prefix and with typos', () => {
    expect(entityHits('zari')[0]).toBe('mohammad-javad-zarif');
    expect(entityHits('kadhem')[0]).toBe('mustafa-al-kadhimi');
    expect(entityHits('Rohani')[0]).toBe('hassan-rouhani');
    expect(entityHits('Pompeio')[0]).toBe('mike-pompeo');
  });
  it('folds transliteration variants and diacritics', () => {
    expect(entityHits('Suleimani')[0]).toBe('qassem-soleimani');
    expect(entityHits('Kanani')[0]).toBe('nasser-kanaani');
    expect(entityHits('Kādhimi')[0]).toBe('mustafa-al-kadhimi');
    expect(search(corpus.index, 'Hashd al-Shaabi', ['statement']).map((h) => h.id)).toContain('003_3d90aa80119a4437#12');
  });
  it('searches statements in full text', () => {
    const hits = searchCorpus(corpus, 'US troops');
    expect(hits.statements[0].text).toMatch(/2500 US troops/);
  });
  it('suggests completions and corrections of the query, never the query itself or one word’s variants', () => {
    expect(suggest(corpus.index, 'US troo')).toContain('us troops');
    expect(suggest(corpus.index, 'zar')).toContain('zarif');
    expect(suggest(corpus.index, 'Pompeio')).toEqual(['pompeo']);
    // The index holds these as typed: nothing to suggest, least of all "soleimani solaimani suleimani".
    for (const q of ['Soleimani', 'Suleimani', 'Pompeo Iraq', 'relations between the two countries']) {
      expect(suggest(corpus.index, q), q).toEqual([]);
    }
    for (const q of ['zar', 'kadhem', 'US troo', 'foreign minis', 'Pompeio', 'Rohani']) {
      for (const phrase of suggest(corpus.index, q)) expect(phrase.split(' ').length, `${q} → ${phrase}`).toBe(q.split(' ').length);
    }
  });
  it('widens only the words no document holds as typed, and ranks what that finds after every exact hit, marked', () => {
    // "functons" is in no seed; "functions" is, one letter away: found, but only as approximate.
    const typo = search(corpus.index, 'functons');
    expect(typo.length).toBeGreaterThan(0);
    expect(typo.every((h) => h.approximate && h.terms.includes('functions'))).toBe(true);
    expect(search(corpus.index, 'functions').every((h) => !h.approximate)).toBe(true);
    // A word the index holds is not widened to its neighbours.
    const soleimani = search(corpus.index, 'Soleimani');
    expect(soleimani.length).toBeGreaterThan(0);
    expect(soleimani.flatMap((h) => h.terms).sort()).toEqual(soleimani.map(() => 'soleimani'));
    expect(soleimani.some((h) => h.approximate)).toBe(false);
    // No document names Kanaani and says "functions": exact Kanaani hits first, the close spelling after.
    const mixed = search(corpus.index, 'Kanaani functons');
    const ranks = mixed.map((h) => h.approximate);
    expect(ranks).toContain(true);
    expect(ranks).toContain(false);
    expect(ranks).toEqual([...ranks].sort((a, b) => Number(a) - Number(b)));
    expect(mixed.filter((h) => !h.approximate).every((h) => h.terms.includes('kanaani'))).toBe(true);
  });
  it('never turns one word into another: a close spelling keeps the first letter and is one edit in five letters', () => {
    // "sanctions" is in no seed; "functions" is two edits and another first letter away: not a spelling of it.
    expect(search(corpus.index, 'sanctions')).toEqual([]);
    expect(suggest(corpus.index, 'sanctions')).toEqual([]);
    // Beside a word that is held, only that word's hits: none through "functions".
    const mixed = search(corpus.index, 'Kanaani sanctions');
    expect(mixed.length).toBeGreaterThan(0);
    expect(mixed.every((h) => !h.approximate && !h.terms.includes('functions'))).toBe(true);
    // Two edits in eight letters, or one in a word under five letters, or a first letter changed: nothing.
    expect(search(corpus.index, 'fumctons')).toEqual([]);
    expect(search(corpus.index, 'Bompeo')).toEqual([]);
    expect(closeSpelling('irak', 'iraq')).toBe(false);
    // One edit in five letters or more is still a typo forgiven.
    expect(closeSpelling('pompeio', 'pompeo')).toBe(true);
    expect(closeSpelling('sanctions', 'functions')).toBe(false);
    expect(closeSpelling('solaimanii', 'soleimani')).toBe(true);
    expect(entityHits('Pompeio')[0]).toBe('mike-pompeo');
  });
  it('completes only the word being typed', () => {
    const startsWithTro = (q: string) => search(corpus.index, q).some((h) => h.terms.some((t) => t.startsWith('tro')));
    expect(startsWithTro('Pompeo tro')).toBe(true);
    expect(startsWithTro('tro Pompeo')).toBe(false);
  });
  it('groups results and offers closest names when nothing matches', () => {
    const none = searchCorpus(corpus, 'xqzwv');
    expect(none.names.length + none.statements.length + none.articles.length).toBe(0);
    expect(closestNames(corpus, 'Kanaany')[0]).toBe('Nasser Kanaani');
    expect(closestNames(corpus, 'Khamenie')).toEqual(['Ali Khamenei']);
  });
  it('offers no names when none is close', () => {
    for (const q of ['xyzzy', 'xqzwv', 'weather', 'football', 'abc']) expect(closestNames(corpus, q), q).toEqual([]);
  });
});

describe('lookup', () => {
  const corpus = loadedSeedCorpus();
  it('resolves a typed name to its entity', () => {
    expect(resolveName(corpus, 'zarif')).toBe('mohammad-javad-zarif');
    expect(resolveName(corpus, 'Hakim')).toBeNull();
  });
  it('lists the person’s own quotes first, then mentions, newest first, undated last', () => {
    const pompeo = lookupEntity(corpus, 'mike-pompeo');
    // His words inside Zarif's rebuttal are his, but the sentence is Zarif's: 'quoted'.
    expect(pompeo?.statements.map((s) => s.relation)).toEqual(['said', 'quoted', 'about', 'about', 'about', 'about']);
    expect(pompeo?.statements.map((s) => s.article.date?.iso ?? null)).toEqual([
      '2020-04-18', '2019-01-30', '2020-04-18', '2019-01-30', '2019-01-30', '2018-08-20',
    ]);
    const kanaani = lookupEntity(corpus, 'nasser-kanaani');
    expect(kanaani?.statements.every((s) => s.article.date === null)).toBe(true);
    const iraq = lookupEntity(corpus, 'iraq');
    expect(iraq?.statements.at(-1)?.article.date).toBeNull();
  });
});

describe('related articles', () => {
  const corpus = loadedSeedCorpus();
  const relatedInput = { articles: corpus.articles, namedIn: namedInArticles(corpus.statements), entities: new Map(corpus.entities.map((e) => [e.id, e])) };
  const entityTypes = (shared: { id: string }[]) => shared.map((s) => relatedInput.entities.get(s.id)?.type);
  it('ranks by shared names and says which', () => {
    const page = 'Iraqi Prime Minister Mustafa al-Kadhimi met President Hassan Rouhani in Tehran. Kadhimi said trade would grow.';
    const related = relatedArticles(relatedInput, indexTextHits(corpus.index, page), corpus.table, page);
    expect(related[0].article.id).toBe('002_4150bcee245c5d5c');
    expect(related[0].shared.map((s) => s.name).slice(0, 2)).toEqual(['Mustafa al-Kadhimi', 'Hassan Rouhani']);
  });
  it('never calls an article related for a place alone, nor for common words', () => {
    // Every seed article names Iran and Iraq and speaks of "relations": none is related to this page by that.
    const page = 'Iran and Iraq discussed relations between the two countries in Baghdad and Tehran, the foreign ministry said.';
    expect(relatedArticles(relatedInput, indexTextHits(corpus.index, page), corpus.table, page)).toEqual([]);
    // A page about Kadhimi's visit: the articles naming no one it names are left out, however many places they share.
    const article = corpus.articles.find((a) => a.id === '002_4150bcee245c5d5c')!;
    const text = [article.title, ...article.paragraphs].join('\n');
    const related = relatedArticles(relatedInput, indexTextHits(corpus.index, text), corpus.table, text);
    expect(related.map((r) => r.article.id)).toEqual(['002_4150bcee245c5d5c', '001_2e552cf3305906f6']);
    for (const r of related) expect(entityTypes(r.shared)[0], r.article.id).not.toBe('place');
  });
  it('finds nothing for a page about something else', () => {
    expect(relatedArticles(relatedInput, indexTextHits(corpus.index, 'The football match ended in a draw after extra time.'), corpus.table, 'The football match ended in a draw after extra time.')).toEqual([]);
  });
});
