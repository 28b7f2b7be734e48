import { describe, expect, it } from 'vitest';
import { loadedSeedCorpus } from '../../tests/seeds';
import { articleHandler, searchHandler, timelineHandler } from './handlers';

const corpus = loadedSeedCorpus();

describe('background handlers', () => {
  it('returns an article with its statements and the names to underline', () => {
    const view = articleHandler(corpus, '002_4150bcee245c5d5c');
    expect(view?.article.title).toMatch(/^President Hassan Rouhani says/);
    const p = view?.article.paragraphs ?? [];
    const names = view?.mentions.map((m) => p[m.paragraph].slice(m.start, m.end));
    expect(names).toContain('Mustafa al-Kadhimi');
    expect(names).toContain('Rouhani');
    expect(articleHandler(corpus, 'nope')).toBeNull();
  });
  it('suggests the closest names when a search finds nothing', () => {
    const result = searchHandler(corpus, 'Kanaanyyyy');
    expect(result.closest[0]).toBe('Nasser Kanaani');
    expect(searchHandler(corpus, 'Zarif').closest).toEqual([]);
    // Nothing found and no name near it: say nothing matched, offer no names.
    expect(searchHandler(corpus, 'xyzzy').closest).toEqual([]);
  });
  it('puts undated statements apart at the end of a timeline', () => {
    const points = timelineHandler(corpus, 'iraq');
    expect(points.at(-1)?.date).toBeNull();
    expect(points.slice(0, -1).map((p) => p.date)).toEqual(['2018-08-20', '2019-01-30', '2020-04-18', '2020-07-22']);
    expect(timelineHandler(corpus, 'mike-pompeo').map((p) => [p.date, p.said, p.about])).toEqual([
      ['2018-08-20', 0, 1], ['2019-01-30', 1, 2], ['2020-04-18', 1, 1],
    ]);
  });
});
