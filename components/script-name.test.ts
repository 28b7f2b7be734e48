import { describe, expect, it } from 'vitest';
import { loadedSeedCorpus } from '../tests/seeds';
import { nameInScript } from './script-name';

const corpus = loadedSeedCorpus();
const aliases = (id: string) => corpus.entities.find((e) => e.id === id)?.aliases ?? [];

describe('nameInScript', () => {
  it('picks the Persian spelling for Persian and the Arabic one for Arabic', () => {
    expect(nameInScript(aliases('hassan-rouhani'), 'fa')).toBe('حسن روحانی');
    expect(nameInScript(aliases('hassan-rouhani'), 'ar')).toBe('حسن روحاني');
    expect(nameInScript(aliases('mustafa-al-kadhimi'), 'fa')).toBe('مصطفی کاظمی');
    expect(nameInScript(aliases('mustafa-al-kadhimi'), 'ar')).toBe('مصطفى الكاظمي');
    expect(nameInScript(aliases('mike-pompeo'), 'fa')).toBe('پمپئو');
    expect(nameInScript(aliases('mike-pompeo'), 'ar')).toBe('بومبيو');
    expect(nameInScript(aliases('ali-khamenei'), 'fa')).toBe('علی خامنه\u200cای');
  });
  it('tells apart spellings that share their letters by the order of entities.json, the Arabic one first', () => {
    // طهران is Arabic, تهران Persian; العراق Arabic (with the article), عراق Persian.
    expect(nameInScript(aliases('tehran'), 'fa')).toBe('تهران');
    expect(nameInScript(aliases('tehran'), 'ar')).toBe('طهران');
    expect(nameInScript(aliases('iraq'), 'fa')).toBe('عراق');
    expect(nameInScript(aliases('iraq'), 'ar')).toBe('العراق');
    expect(nameInScript(aliases('iran'), 'fa')).toBe('ایران');
    expect(nameInScript(aliases('iran'), 'ar')).toBe('إيران');
    expect(nameInScript(aliases('popular-mobilization-forces'), 'fa')).toBe('حشد الشعبی');
  });
  it('gives nothing rather than the other language’s spelling, and nothing for Latin interfaces', () => {
    // Only an Arabic spelling (ى): a Persian reader gets the Latin name alone.
    expect(nameInScript(aliases('muqtada-al-sadr'), 'fa')).toBeNull();
    expect(nameInScript(aliases('brian-hook'), 'ar')).toBeNull();
    expect(nameInScript(aliases('hassan-rouhani'), 'en')).toBeNull();
  });
});
