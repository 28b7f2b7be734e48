import { describe, expect, it } from 'vitest';
import { compileNameTable } from '../matcher';
import type { CuratedEntity } from '../entities-file';
import { articleNames } from './article-names';
import { discoverEntities } from './index';
import { orgKey, personKey } from './keys';

const find = (text: string) => articleNames([text], [[]]).map((f) => `${f.kind}:${f.name}${f.roles.length ? ` [${f.roles.join(' | ')}]` : ''}`);

describe('names in one sentence', () => {
  it('splits a title from the person it names, and keeps it as the role', () => {
    expect(find('Iraqi Deputy Foreign Minister Nazar Khairallah said the trip would be historic.')).toEqual([
      'person:Nazar Khairallah [Iraqi Deputy Foreign Minister]',
    ]);
    expect(find('U.S. Secretary of State John Kerry said on Wednesday he had discussed ways.')).toEqual(['person:John Kerry [U.S. Secretary of State]']);
  });
  it('reads a role in apposition after the name, and "who leads"', () => {
    expect(find('"The breach will happen very soon," Hadi al-Ameri, a senior commander in the Hashed paramilitary force, told Iraqi television.')).toEqual([
      'person:Hadi al-Ameri [senior commander in the Hashed paramilitary force]',
    ]);
    expect(find('Falih Al-Fayyadh, who leads Popular Mobilization Forces (PMF), said in the service.')).toContain(
      'person:Falih Al-Fayyadh [leads Popular Mobilization Forces (PMF)]',
    );
  });
  it('gives a title between two names to the second', () => {
    expect(find('Prime Minister Mohammed al-Sudani, National Security Adviser of Iraq, Qasim al-Araji, signed it.')).toEqual([
      'person:Mohammed al-Sudani [Prime Minister]',
      'person:Qasim al-Araji [National Security Adviser of Iraq]',
    ]);
  });
  it('finds organisations by their head word, an acronym they define, or a noun after them', () => {
    expect(find('Shafaq News/ The Kurdistan Regional Government (KRG) on Wednesday denounced the attacks.')).toContain('organization:Kurdistan Regional Government');
    expect(find('The member of the Iraqi anti-terror Asa\'ib Ahl al-Haq group said.')).toContain("organization:Asa'ib Ahl al-Haq");
    expect(find('Kurdish fighters of the Syrian Observatory for Human Rights and the Ministry of Foreign Affairs.')).toEqual([
      'organization:Syrian Observatory for Human Rights',
      'organization:Ministry of Foreign Affairs',
    ]);
    expect(find('He said so in an interview with Al Forat news on Monday.')).toEqual(['organization:Al Forat']);
  });
  it('does not take titles, sentence openers, places or months for names', () => {
    expect(find('The President said on Monday that Iraq and Iran will meet in Baghdad in March.')).toEqual([]);
    expect(find('However, Washington has said Iran needs to do more.')).toEqual([]);
  });
  it('keeps a middle initial inside the name, and takes no American state, no room and no web address for a person', () => {
    expect(find('Nikki R. Haley, the ambassador to the United Nations, said she would leave.')).toContain('person:Nikki R. Haley [ambassador to the United Nations]');
    expect(find('Lt. Gen. H. R. McMaster said so.')).toEqual(['person:H. R. McMaster [Lt. Gen.]']);
    expect(find('Speaking on the way to a rally in Iowa, Mr. Trump said he was happy.')).not.toContainEqual(expect.stringMatching(/Iowa/));
    expect(find('Haley, seated next to Mr. Trump in the Oval Office, told reporters.')).not.toContainEqual(expect.stringMatching(/Oval Office/));
    expect(find('Charles Simpson, who teaches at the university, told Polygraph.info the claims are false.')).toContain('organization:Polygraph');
    expect(find('Sean Robertson told VOA Pentagon correspondent Carla Babb the claim was false.')).toContain('person:Carla Babb [VOA Pentagon correspondent]');
  });
  it('takes a name after "said" for a speaker only when it follows the quote or a comma ("…,” said X"), not when it opens what was said', () => {
    expect(find('Hoffman said Kataeb Hezbollah was behind the attacks.')).not.toContainEqual(expect.stringMatching(/^person:Kataeb/));
    expect(find('"We will not leave," said Matt Moore, a party official.')).toContainEqual(expect.stringMatching(/^person:Matt Moore/));
  });
  it('reads a cleric\'s two-word rank as a title, a forum as an organisation, and the UN Security Council as one body', () => {
    expect(find('Hujjat al-Islam Sadruddin al-Qubanchi said the plan was ready.')).toEqual(['person:Sadruddin al-Qubanchi [Hujjat al-Islam]']);
    expect(find('He spoke to the World Economic Forum in Davos.')).toEqual(['organization:World Economic Forum']);
    expect(find('The UN Security Council met on Monday.')).toEqual(['organization:UN Security Council']);
    expect(find('An IRGC Quds Force commander said so.')).toEqual(['organization:IRGC', 'organization:Quds Force']);
  });
  it('takes a country\'s army for an organisation, a people for no one, and a name whose word ends in an apostrophe whole', () => {
    expect(find('The Iraqi Army said the border was calm.')).toEqual(['organization:Iraqi Army']);
    expect(find('"It does not matter to the Americans who leads," he said.')).toEqual([]);
    expect(find('Prime Minister Mohammad Shiaa’ al-Sudani said so.')).toEqual(['person:Mohammad Shiaa al-Sudani [Prime Minister]']);
  });
  it('finds a country\'s ministry written in lower case, by its adjective or its possessive, though the country is a known place', () => {
    const names = (text: string, country: string) => {
      const at = text.indexOf(country);
      return articleNames([text], [[{ start: at, end: at + country.length, type: 'place' }]]).map((f) => f.name);
    };
    expect(names('Iraq’s foreign ministry said on Wednesday it rejected the attack.', 'Iraq')).toEqual(['Iraqi foreign ministry']);
    expect(names('The Iraqi foreign ministry said on Wednesday it rejected the attack.', 'Iraqi')).toEqual(['Iraqi foreign ministry']);
  });
  it('never takes "as" or "an" for a name particle', () => {
    expect(find('The agency quoted Iraqi Foreign Minister Fuad Hussein as saying it would.')).toEqual(['person:Fuad Hussein [Iraqi Foreign Minister]']);
  });
  it('splits two names in a row', () => {
    expect(find('The commanders of the Hashd al-Shaabi Abu Mahdi al-Muhandis and others.')).toContain('person:Abu Mahdi al-Muhandis');
  });
  it('leaves journalists in credit lines out', () => {
    expect(find('"We expect more," said Nasr Muflahi. – Ammar Karim with Layal Abou Rahal in Beirut, AFP')).toEqual(['person:Nasr Muflahi']);
    expect(find('Reporting by John Smith; Editing by Mary Jones')).toEqual([]);
    expect(find('(Additional reporting by Saif Hameed, Kareem Raheem and Ahmed Saad; Writing by Stephen Kalin)')).toEqual([]);
  });
  it('reads nothing into the capital that opens a sentence', () => {
    expect(find('Local television showed them chanting.')).toEqual([]);
    expect(find('Iraqi Shi’ite militia groups said so.')).toEqual([]);
  });
});

describe('one person, one entity', () => {
  it('gives transliterations of one name the same key', () => {
    expect(personKey('Fuad Hussein')).toBe(personKey('Fouad Hussein'));
    expect(personKey('Ebrahim Raisi')).toBe(personKey('Ibrahim Raeisi'));
    expect(personKey('Hossein Amir-Abdollahian')).toBe(personKey('Hussein Amir Abdullahian'));
    expect(personKey('Mohammed Shia’ Sabbar al-Sudani')).toBe(personKey('Mohammed al-Sudani'));
    expect(personKey('Saddam Hussein')).not.toBe(personKey('Fuad Hussein'));
    expect(personKey('Ahmed Saad')).not.toBe(personKey('Ahmed al-Assadi'));
    // A kunya ("father of") is left out of a full name: "Abu Mahdi al-Muhandis" is written "Mahdi al-Muhandis" too.
    expect(personKey('Abu Mahdi al-Muhandis')).toBe(personKey('Mahdi al-Muhandis'));
    expect(orgKey("Kata'ib Hezbollah")).toBe(orgKey('Kataib Hezbollah'));
    expect(orgKey('Islamic Revolutionary Guards Corps')).toBe(orgKey('Islamic Revolutionary Guard Corps'));
  });
  it('merges across articles, makes a shared surname weak, and never shadows a curated name', () => {
    const curated: CuratedEntity[] = [
      { id: 'mustafa-al-kadhimi', name: 'Mustafa al-Kadhimi', type: 'person', aliases: ['Kadhimi'], weakAliases: ['Kazemi'], roles: [] },
    ];
    const table = compileNameTable(curated);
    const articles = [
      { id: 'a', paragraphs: ['Iraqi Foreign Minister Fuad Hussein met Saddam Hussein’s victims. Hussein said it was good.'], outlets: [] },
      { id: 'b', paragraphs: ['Foreign Minister Fouad Hussein met Prime Minister Mustafa al-Kazemi in Baghdad.'], outlets: ['Shafaq News'] },
    ];
    const d = discoverEntities(articles, curated, table, []);
    const fuad = d.entities.find((e) => e.name === 'Fuad Hussein' || e.name === 'Fouad Hussein');
    expect(fuad?.articles).toEqual(['a', 'b']);
    expect(fuad?.aliases).not.toContain('Hussein');
    expect(fuad?.weakAliases).toContain('Hussein');
    expect(d.curatedAdditions.get('mustafa-al-kadhimi')?.aliases).toEqual(['Mustafa al-Kazemi']);
    expect(d.entities.some((e) => e.name.includes('Kazemi'))).toBe(false);
    expect(d.entities.find((e) => e.name === 'Shafaq News')?.articles).toEqual(['b']);
  });
  it('names an outlet by its full name and keeps the letters the article wrote as its alias ("(AP)" is the Associated Press)', () => {
    const d = discoverEntities([{ id: 'a', paragraphs: ['BAGHDAD (AP) — Officials said the talks went well.'], outlets: ['AP'] }], [], compileNameTable([]), []);
    expect(d.entities.find((e) => e.name === 'Associated Press')).toMatchObject({ type: 'media', aliases: ['AP'] });
    // Two letters that are no known outlet's are no name.
    expect(discoverEntities([{ id: 'a', paragraphs: ['Officials said so.'], outlets: ['XY'] }], [], compileNameTable([]), []).entities).toEqual([]);
  });
});
