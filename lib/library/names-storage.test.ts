import { describe, expect, it } from 'vitest';
import { seedCorpus } from '../../tests/seeds';
import { findMentions } from '../engine/matcher';
import { deriveArticles } from './derive';
import { savedArticleFrom } from './format';
import { libraryNameTable } from './library';
import { LIBRARY_NAMES_KEY, mergeNameTables, readLibraryNames } from './names-storage';
import { seedNameContext, TAMIM_PAGE } from './test-fixtures';

describe('the library names every page follows', () => {
  it('adds the library’s new names to the bundled table, which keeps its own', async () => {
    const bundled = seedCorpus().table;
    const [derived] = deriveArticles([await savedArticleFrom(TAMIM_PAGE, new Date())], seedNameContext(), []);
    const library = libraryNameTable(derived.discovered, bundled);
    const text = 'Mohammed Tamim met Mohammad Javad Zarif; Tamim spoke first.';
    expect(findMentions(text, bundled).map((m) => m.entity)).toEqual(['mohammad-javad-zarif']);
    const merged = mergeNameTables(bundled, readLibraryNames({ version: 1, table: library }));
    expect(findMentions(text, merged).map((m) => m.entity)).toEqual(['mohammed-tamim', 'mohammad-javad-zarif', 'mohammed-tamim']);
    expect(merged.entities['mohammed-tamim']).toEqual({ name: 'Mohammed Tamim', type: 'person' });
  });

  it('ignores anything in storage that is not a stored table', () => {
    expect(LIBRARY_NAMES_KEY).toBe('libraryNames');
    for (const value of [undefined, null, 3, {}, { version: 2, table: {} }, { version: 1, table: { byFirstWord: null, entities: {} } }]) expect(readLibraryNames(value)).toBeNull();
    const bundled = seedCorpus().table;
    expect(mergeNameTables(bundled, null)).toBe(bundled);
  });
});
