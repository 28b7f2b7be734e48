import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, processTerm, withinEdits } from '../search';
import { articleTermWeights, type PostingSource, searchPostings } from './postings';

/** Postings held in memory, as IndexedDB would hand them out term by term. */
function sourceOf(docs: Record<string, string>): PostingSource {
  const postings = new Map<string, Map<string, number>>();
  for (const [id, text] of Object.entries(docs)) {
    for (const [term, w] of articleTermWeights({ title: '', text, speaker: '', names: '' })) {
      const list = postings.get(term) ?? new Map();
      list.set(id, w);
      postings.set(term, list);
    }
  }
  return {
    vocabulary: async () => [...postings.keys()].sort(),
    postings: async (term) => postings.get(term) ?? new Map(),
    articleCount: async () => Object.keys(docs).length,
  };
}

const DOCS = {
  a: 'Zarif met Pompeo in Baghdad to discuss sanctions.',
  b: 'Kadhimi spoke in Baghdad about the elections.',
  c: 'The Popular Mobilization Forces paraded in Basra.',
};

describe('article search over postings', () => {
  it('weights a word by where it is: a name counts more than a word of the text', () => {
    const w = articleTermWeights({ title: 'Talks', text: 'Zarif said talks went on.', speaker: '', names: 'Zarif' });
    expect(w.get('zarif')).toBeGreaterThan(w.get('said') ?? 0);
    expect(w.has('the')).toBe(false);
  });

  it('needs every word when some article holds them all, else any', async () => {
    const source = sourceOf(DOCS);
    expect((await searchPostings('Baghdad Zarif', source)).map((h) => h.id)).toEqual(['a']);
    expect((await searchPostings('Zarif Basra', source)).map((h) => h.id).sort()).toEqual(['a', 'c']);
  });

  it('completes the word being typed, never the words before it', async () => {
    const source = sourceOf(DOCS);
    expect((await searchPostings('Kadh', source)).map((h) => h.id)).toEqual(['b']);
    // "kadh" is a finished word here, held nowhere: only "elections" is found, as MiniSearch falls back to any word.
    expect((await searchPostings('Kadh elections', source)).map((h) => h.terms)).toEqual([['elections']]);
  });

  it('takes a close spelling only for a word nothing holds, and marks it', async () => {
    const source = sourceOf(DOCS);
    const [hit] = await searchPostings('Kadhimy', source);
    expect(hit).toMatchObject({ id: 'b', approximate: true, terms: ['kadhimi'] });
    expect((await searchPostings('Basra', source))[0]?.approximate).toBe(false);
  });

  it('never turns one word into another: a close spelling keeps the first letter and is one edit in five letters', async () => {
    const source = sourceOf({ ...DOCS, a: 'Zarif met Pompeo in Baghdad.', d: 'The committee functions as a court.' });
    expect(await searchPostings('sanctions', source)).toEqual([]);
    expect(await searchPostings('fumctons', source)).toEqual([]);
    expect(await searchPostings('Bompeo', source)).toEqual([]);
    expect(await searchPostings('Pompeio', source)).toMatchObject([{ id: 'a', approximate: true, terms: ['pompeo'] }]);
    expect(await searchPostings('functons', source)).toMatchObject([{ id: 'd', approximate: true, terms: ['functions'] }]);
  });

  it('tells words within k edits exactly as the full edit distance does (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'k', 'z', 'ī'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, k) => {
        expect(withinEdits(a, b, k)).toBe(editDistance(a, b) <= k);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds exactly the articles that hold every typed word (property)', async () => {
    const words = ['iran', 'iraq', 'zarif', 'kadhimi', 'oil', 'talks', 'militia', 'border'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 12 }), fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), async (texts, query) => {
        const docs = Object.fromEntries(texts.map((t, i) => [`d${i}`, t.join(' ')]));
        const holds = Object.entries(docs)
          .filter(([, t]) => query.every((q) => t.split(' ').includes(q)))
          .map(([id]) => id)
          .sort();
        // A trailing space: the last word is finished, not a prefix of a longer one.
        const found = (await searchPostings(`${query.join(' ')} `, sourceOf(docs), { prefix: false })).map((h) => h.id).sort();
        if (holds.length > 0) expect(found).toEqual(holds);
        // None holds them all: any word, as typed or (for a word held nowhere) one edit away.
        else for (const id of found) expect(query.some((q) => docs[id].split(' ').some((w) => w === q || editDistance(w, q) <= 1))).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(processTerm('Iran')).toBe('iran');
  });
});
