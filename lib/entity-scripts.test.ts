import { describe, expect, it } from 'vitest';
import { loadedSeedCorpus } from '../tests/seeds';
import { compileNameTable } from './engine/matcher';
import { entityScripts } from './entity-scripts';
import { parseBackgroundRequest } from './messages';

describe('the names known in Arabic script', () => {
  const corpus = loadedSeedCorpus();

  it('come from the name table: each entity’s strong aliases in Arabic script, as entities.json writes them', () => {
    const scripts = entityScripts([corpus.table]);
    expect(scripts['hassan-rouhani']).toEqual({ name: 'Hassan Rouhani', scripts: ['حسن روحاني', 'حسن روحانی'] });
    // Kazemi, shared and weak, is not a way to name Kadhimi on its own.
    expect(scripts['mustafa-al-kadhimi'].scripts).not.toContain('کاظمی');
    // Names with no spelling in Arabic script are not listed at all.
    expect(scripts['brian-hook']).toBeUndefined();
    expect(Object.keys(scripts).length).toBeGreaterThan(20);
  });

  it('add the library’s people, the bundled table winning for an id in both', () => {
    const library = compileNameTable([
      { id: 'ali-example', name: 'Ali Example', type: 'person', aliases: ['علی نمونه'], weakAliases: [] },
      { id: 'hassan-rouhani', name: 'Someone Else', type: 'person', aliases: ['کسی دیگر'], weakAliases: [] },
    ]);
    const scripts = entityScripts([corpus.table, library]);
    expect(scripts['ali-example']).toEqual({ name: 'Ali Example', scripts: ['علی نمونه'] });
    expect(scripts['hassan-rouhani'].name).toBe('Hassan Rouhani');
  });

  it('are asked for by a message of exactly that shape', () => {
    expect(parseBackgroundRequest({ type: 'entity-scripts', lang: 'fa' })).toEqual({ type: 'entity-scripts' });
  });
});
