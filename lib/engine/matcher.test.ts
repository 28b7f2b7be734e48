import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED, seedCorpus } from '../../tests/seeds';
import { compileNameTable, findMentions, scanCandidates, scanCandidatesByTokens } from './matcher';

const table = () => seedCorpus().table;
const names = (text: string) => findMentions(text, table()).map((m) => `${m.text}=${table().entities[m.entity].name}`);

describe('aliases', () => {
  it('finds surnames, full names and al- variants', () => {
    expect(names('Mohammad Javad Zarif and Zarif; al-Kadhimi, Al-Kadhimi and Kadhimi’s visit')).toEqual([
      'Mohammad Javad Zarif=Mohammad Javad Zarif',
      'Zarif=Mohammad Javad Zarif',
      'al-Kadhimi=Mustafa al-Kadhimi',
      'Al-Kadhimi=Mustafa al-Kadhimi',
      'Kadhimi=Mustafa al-Kadhimi',
    ]);
  });
  it('reads a name through the apostrophe transliteration puts inside it, straight or curly', () => {
    expect(names("Kata'ib Hezbollah, Kata’ib Hezbollah; Iran's Zarif")).toEqual([
      "Kata'ib Hezbollah=Hezbollah Brigades",
      'Kata’ib Hezbollah=Hezbollah Brigades',
      'Zarif=Mohammad Javad Zarif',
    ]);
  });
  it('folds transliteration variants to one entity', () => {
    const pairs = [
      ['Kadhemi', 'Mustafa al-Kadhimi'],
      ['Suleimani', 'Qassem Soleimani'],
      ['Soleimani', 'Qassem Soleimani'],
      ['Ghasemi', 'Bahram Qassemi'],
      ['Kanani', 'Nasser Kanaani'],
      ['Hashd al-Shaabi', 'Popular Mobilization Forces'],
      ['PMF', 'Popular Mobilization Forces'],
      ['Daesh', 'Islamic State'],
      ['ISIL', 'Islamic State'],
      ['ISIS', 'Islamic State'],
    ];
    for (const [alias, entity] of pairs) expect(names(`Today ${alias} spoke.`)).toEqual([`${alias}=${entity}`]);
  });
  it('reads through the break hints a page may put inside a long word (soft hyphen, zero-width space)', () => {
    const text = 'Prime Minister Kad\u00adhimi met Mohammad Javad Za\u200brif; Rouhani\u00ad’s aide spoke.';
    expect(findMentions(text, table()).map((m) => [text.slice(m.start, m.end), table().entities[m.entity].name])).toEqual([
      ['Kad\u00adhimi', 'Mustafa al-Kadhimi'],
      ['Mohammad Javad Za\u200brif', 'Mohammad Javad Zarif'],
      ['Rouhani\u00ad', 'Hassan Rouhani'],
    ]);
  });
  it('takes the longest name and reports UTF-16 offsets', () => {
    const text = 'Former envoy Hassan Kazemi Qomi 😀 met Nasser Kanaani.';
    const found = findMentions(text, table());
    expect(found.map((m) => [m.text, text.slice(m.start, m.end)])).toEqual([
      ['Hassan Kazemi Qomi', 'Hassan Kazemi Qomi'],
      ['Nasser Kanaani', 'Nasser Kanaani'],
    ]);
  });
  it('does not join a name across a line break or punctuation', () => {
    expect(names('Mohammad Javad\nZarif')).toEqual(['Zarif=Mohammad Javad Zarif']);
  });
  it('reports places only when asked', () => {
    expect(names('Tehran and Baghdad')).toEqual([]);
    expect(findMentions('Tehran and Baghdad', table(), { types: ['place'] }).map((m) => m.text)).toEqual(['Tehran', 'Baghdad']);
  });
});

describe('ambiguity', () => {
  it('case matters: "hook" is never Brian Hook', () => {
    expect(names('Brian Hook took the hook.')).toEqual(['Brian Hook=Brian Hook']);
  });
  it('short aliases do not fire alone', () => {
    for (const word of ['Hook', 'Bolton', 'Salman', 'Sadr', 'Hakim', 'Kazemi', 'Mohammad', 'Hassan', 'Sudani']) {
      expect(names(`${word} said something.`), word).toEqual([]);
    }
  });
  it('a short alias counts when the document names the entity unambiguously', () => {
    expect(names('John Bolton arrived. Bolton said no.')).toEqual(['John Bolton=John Bolton', 'Bolton=John Bolton']);
    expect(names('Later Sadr spoke, as Muqtada al-Sadr had.')).toEqual(['Sadr=Muqtada al-Sadr', 'Muqtada al-Sadr=Muqtada al-Sadr']);
  });
  it('picks the Hakim the document names', () => {
    expect(names('Ammar al-Hakim leads Hikma. Hakim said.')).toEqual(['Ammar al-Hakim=Ammar al-Hakim', 'Hikma=Hikma bloc', 'Hakim=Ammar al-Hakim']);
    expect(names('Foreign Minister Mohamed Ali Alhakim spoke. Hakim said.')).toEqual([
      'Mohamed Ali Alhakim=Mohamed Ali Alhakim',
      'Hakim=Mohamed Ali Alhakim',
    ]);
  });
  it('resolves Kazemi to Kazemi Qomi or to al-Kadhimi by what the document names', () => {
    expect(names('Hassan Kazemi Qomi spoke. Kazemi added.')).toEqual(['Hassan Kazemi Qomi=Hassan Kazemi Qomi', 'Kazemi=Hassan Kazemi Qomi']);
    expect(names('Mustafa al-Kadhimi spoke. Kazemi added.')).toEqual(['Mustafa al-Kadhimi=Mustafa al-Kadhimi', 'Kazemi=Mustafa al-Kadhimi']);
  });
  it('a district or a namesake is not the person', () => {
    expect(names('Bombs in Kadhimiya and Sadr City; Muqtada al-Sadr condemned them.')).toEqual(['Muqtada al-Sadr=Muqtada al-Sadr']);
    expect(names('Photo: Thaier al-Sudani. Mohammed Shia al-Sudani spoke.')).toEqual(['Mohammed Shia al-Sudani=Mohammed Shia al-Sudani']);
  });
  it('uses entities confirmed earlier on a page', () => {
    const t = table();
    const bolton = 'john-bolton';
    expect(findMentions('Bolton said no.', t, { confirmed: new Set([bolton]) }).map((m) => m.entity)).toEqual([bolton]);
  });
  it('an alias two entities share strongly decides nothing alone', () => {
    const t = compileNameTable([
      { id: 'a', name: 'Ali One', type: 'person', aliases: ['Ali'], weakAliases: [] },
      { id: 'b', name: 'Ali Two', type: 'person', aliases: ['Ali'], weakAliases: [] },
    ]);
    expect(findMentions('Ali spoke.', t)).toEqual([]);
    expect(findMentions('Ali Two spoke. Ali agreed.', t).map((m) => m.entity)).toEqual(['b', 'b']);
  });
});

describe('real article texts with traps', () => {
  const texts = join(SHARED, 'texts');
  const read = (name: string) => readFileSync(join(texts, name), 'utf8');
  it.skipIf(!existsSync(texts))('finds the right people, and not the traps (needs ../shared/texts)', () => {
    const soleimani = names(read('reuters-soleimani-muhandis-killed.txt'));
    expect(soleimani.some((n) => n.endsWith('=Qassem Soleimani'))).toBe(true);
    expect(soleimani.some((n) => n.endsWith('=Abu Mahdi al-Muhandis'))).toBe(true);
    expect(soleimani.some((n) => n.includes('Sudani'))).toBe(false);
    const bombs = names(read('reuters-baghdad-bombs-kadhimiya.txt'));
    expect(bombs.some((n) => n.includes('Kadhimi'))).toBe(false);
    expect(bombs.some((n) => n.startsWith('Sadr='))).toBe(false);
    expect(names(read('football-kazemi.txt'))).toEqual([]);
    expect(names(read('reuters-zarif-sailors.txt')).some((n) => n.endsWith('=Mohammad Javad Zarif'))).toBe(true);
    expect(names(read('voa-kerry-lavrov.txt')).some((n) => n.endsWith('=Sergei Lavrov'))).toBe(true);
  });
});

describe('a first word that only starts longer names', () => {
  const table = compileNameTable([
    { id: 'the-national', name: 'The National', type: 'organization', aliases: ['The National'], weakAliases: [] },
    { id: 'foreign-ministry', name: 'Foreign Ministry', type: 'organization', aliases: ['Foreign Ministry', 'Foreign Office'], weakAliases: [] },
  ]);
  const found = (text: string) => findMentions(text, table, { types: ['person', 'organization', 'place'] }).map((m) => m.text);

  it('still finds the name however its words are joined, in capitals, or with accents', () => {
    const texts = [
      'The National reported. The Foreign Ministry said.',
      'THE NATIONAL REPORTED; THE FOREIGN MINISTRY SAID',
      'The\u00a0National and Foreign-Office and Foreign\u2011Ministry',
      'The Natíonal reported',
      'The Nationalist. The the National. Foreign affairs.',
    ];
    expect(texts.map(found)).toEqual([
      ['The National', 'Foreign Ministry'],
      ['THE NATIONAL', 'FOREIGN MINISTRY'],
      ['The\u00a0National', 'Foreign-Office', 'Foreign\u2011Ministry'],
      ['The Natíonal'],
      [],
    ]);
    // The quick scan looks past a "The" no name can start here; the word-by-word scan, its spec, agrees.
    for (const text of texts) expect(scanCandidates(text, table)).toEqual(scanCandidatesByTokens(text, table));
  });
});
