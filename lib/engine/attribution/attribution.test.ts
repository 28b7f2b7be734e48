import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus';
import { relationTo } from '../related';
import type { Statement } from '../types';

/**
 * One article built with no curated names, so every speaker comes from the
 * article itself; each row is [quote, speaker, cue kind, confidence]. The
 * sentences are written for these tests: each holds one rule of news English.
 */
function attributed(...paragraphs: string[]): [string, string | null, string | null, string | null][] {
  const enc = new TextEncoder();
  const corpus = buildCorpus([
    { name: 'entities.json', bytes: enc.encode('{"entities": []}') },
    { name: 'a.txt', bytes: enc.encode(paragraphs.join('\n\n')) },
  ]);
  const name = (id: string | null) => (id ? (corpus.entities.find((e) => e.id === id)?.name ?? id) : null);
  return corpus.statements.flatMap((s) => s.quotes.map((q) => [q.text, name(q.speaker), q.cue?.kind ?? null, q.confidence ?? null] as [string, string | null, string | null, string | null]));
}
const speakers = (...paragraphs: string[]) => attributed(...paragraphs).map(([, s]) => s);

describe('a speaker the sentence states', () => {
  it('is the subject of a verb of speech, and says so', () => {
    expect(attributed('"We will respond in kind," Foreign Minister Hamid Karimi said on Monday.')).toEqual([['We will respond in kind,', 'Hamid Karimi', 'verb', 'stated']]);
  });
  it('is the name an apposition belongs to, not a name inside it', () => {
    expect(speakers('Laith Karimi, Head of the Border Security Department on Monday condemned the shelling.', 'He underlined that the attacks are a "violation of sovereignty."')).toEqual(['Laith Karimi']);
    expect(speakers('"Nothing was found," Laith Karimi, spokesman for Prime Minister Saad Jaber, told reporters.')).toEqual(['Laith Karimi']);
    expect(speakers('"Nothing was found," Laith Karimi, a spokesman for the interior ministry told reporters on Friday.')).toEqual(['Laith Karimi']);
  });
  it('is never a name after a preposition, past its titles, nor one in an opening phrase', () => {
    expect(speakers('Speaking at a news conference with Foreign Minister Hamid Nouri, Defence Minister Faisal Amin said the talks were "useful and frank."')).toEqual(['Faisal Amin']);
    expect(speakers('Asked about Prime Minister Saad Jaber, the visiting envoy said it was "an internal matter."')).toEqual([null]);
  });
  it('is no one when two people are the subject together', () => {
    expect(speakers('President Hamid Nouri and Prime Minister Faisal Amin announced the plan would bring "lasting calm to the border."')).toEqual([null]);
  });
  it('goes to the one whose words are relayed: "quoting X as saying", "quoted him as saying", "according to" a titled name', () => {
    expect(attributed('Laith Hamdi, a close aide, posted on his account, quoting Saad Jaber as saying: "Enough of this."')[0].slice(1)).toEqual(['Saad Jaber', 'relayed', 'stated']);
    expect(attributed('Karim Sabah spoke in Najaf. Karim Sabah\'s office quoted him as saying "the plan is ready for a vote."')[0].slice(1)).toEqual(['Karim Sabah', 'relayed', 'stated']);
    expect(attributed('"Strikes hit five sites," according to Defense Department spokesman Jonathan Reed.')[0].slice(1)).toEqual(['Jonathan Reed', 'according-to', 'stated']);
  });
  it('is the author of "a statement by X", and "the statement said" goes back to them', () => {
    expect(attributed('A statement on Telegram by Hamid Nouri, a commander in the group, dismissed the sanctions as "meaningless."', '"We will not stop our work," the statement said.')).toEqual([
      ['meaningless.', 'Hamid Nouri', 'statement', 'stated'],
      ['We will not stop our work,', 'Hamid Nouri', 'statement', 'inferred'],
    ]);
  });
  it('is named by the sentence after a quote that stands alone ("“…” X had previously said.")', () => {
    expect(attributed('"The matter is settled for good." Faisal Amin, the group\'s leader, had previously said.')[0].slice(1)).toEqual(['Faisal Amin', 'verb', 'stated']);
  });
  it('is the name before a colon, or the one who names himself ("I, X, …")', () => {
    expect(attributed('Hamid Nouri: "We will never accept it."')[0].slice(1)).toEqual(['Hamid Nouri', 'colon', 'stated']);
    expect(attributed('The oath was read aloud: "I, Karim Sabah, do solemnly swear that I will serve."')[0].slice(1)).toEqual(['Karim Sabah', 'self-named', 'stated']);
    // Not a name after a preposition before the colon.
    expect(speakers('Saad Jaber wrote in a post on Telegram: "Enough is enough."')).toEqual(['Saad Jaber']);
  });
  it('is the owner of "X\'s claim that", and nobody when the owner is no one the text names', () => {
    expect(attributed('Faisal Amin rebutted Hamid Nouri\'s claim that "the talks failed on Monday."')[0].slice(1)).toEqual(['Hamid Nouri', 'possessive', 'stated']);
    expect(speakers('Hamid Nouri rejected Tehran\'s claims that the missiles struck a "spy base" near the airport.')).toEqual([null]);
  });
  it('is not the owner of a claim the quote says something about ("X\'s claim “is false”"): those are the reporter\'s words', () => {
    expect(speakers('Faisal Amin told reporters on Monday that Hamid Nouri\'s claim "is patently false," and that "the border is open."')).toEqual(['Faisal Amin', 'Faisal Amin']);
    expect(speakers('Faisal Amin told reporters that Hamid Nouri\'s claim that "the border is closed" was wrong.')).toEqual(['Hamid Nouri']);
  });
  it('keeps the words of the one who reports someone speaking about another person', () => {
    expect(speakers('"I spoke to Laith Hamdi today and he said the deal was close," Saad Jaber told reporters.')).toEqual(['Saad Jaber']);
  });
  it('goes on through participles and coordinated verbs, from the sentence\'s head when no verb of speech came first', () => {
    expect(attributed('Faisal Amin thanked Tehran for its help, saying the region "needs more cooperation from all sides."')[0].slice(1)).toEqual(['Faisal Amin', 'verb', 'stated']);
    expect(speakers('Karim Sabah called the plan "a clever trick" and added, "It will fail before the summer."')).toEqual(['Karim Sabah', 'Karim Sabah']);
  });
  it('gives a list of quoted terms to the speaker of its first', () => {
    expect(speakers('Prime Minister Saad Jaber identified "the people," "the army" and "the law" as the pillars of the state.')).toEqual(['Saad Jaber', 'Saad Jaber', 'Saad Jaber']);
  });
  it('is not taken away by a relay that names no one ("…, according to the statement")', () => {
    expect(speakers('Hamid Nouri said the talks were "positive and frank", according to the statement.')).toEqual(['Hamid Nouri']);
  });
  it('gives words that one speaker relays from another to the one who said them first ("which X said “…”, the ministry said")', () => {
    expect(speakers('Foreign Minister Faisal Amin raised the cuts, which Amin said "hurt every family", the Iraqi foreign ministry said in a statement.')).toEqual(['Faisal Amin']);
  });
});

describe('a speaker the text points back to is inferred, and says why', () => {
  it('"he said" is the person the text is about', () => {
    expect(attributed('Interior Minister Hamid Nouri visited the border on Sunday.', '"The border is calm tonight," he said.')).toEqual([['The border is calm tonight,', 'Hamid Nouri', 'pronoun', 'inferred']]);
  });
  it('"he" after an unnamed source is that source, whom the text does not name', () => {
    expect(speakers('Foreign Minister Hamid Nouri arrived in Tehran. An Iraqi official said Nouri would raise the "water crisis". He said Baghdad "wants calm above all".')).toEqual([null, null]);
  });
  it('a role fits the one person named before it whose office and country agree', () => {
    const text = 'U.S. Secretary of State Richard Coles met Jordanian Foreign Minister Samir Haddad in Amman. The top U.S. diplomat said it was his hope to meet again "as soon as it is appropriate."';
    expect(attributed(text)[0].slice(1)).toEqual(['Richard Coles', 'role', 'inferred']);
    // A country neither of them serves: no one.
    expect(speakers(text.replace('top U.S. diplomat', 'top Syrian diplomat'))).toEqual([null]);
    expect(speakers('Prime Minister Saad Jaber spoke first. "We want calm," the ambassador said.')).toEqual([null]);
  });
  it('a role that fits no one named before it means the one person named just after whose role fits', () => {
    expect(attributed('The head of the Badr group said on Monday that the war was "far from over."', 'Faisal Amin, the head of the Badr group, spoke in Baghdad.')[0].slice(1)).toEqual([
      'Faisal Amin',
      'role',
      'inferred',
    ]);
  });
  it('a description of the one person named so far, whose role the text never gave, is that person; never an unnamed one\'s', () => {
    expect(attributed('Saad Karimi spoke in Najaf on Monday.', 'The cleric then announced, "We will resist until the end."')[0].slice(1)).toEqual(['Saad Karimi', 'role', 'inferred']);
    expect(attributed('Hujjat al-Islam Saad Karimi spoke in Najaf.', 'The Iraqi scholar added, "The plan is ready."')[0].slice(1)).toEqual(['Saad Karimi', 'role', 'inferred']);
    // A spokesman the text brought in without a name is who "the spokesman" is.
    expect(speakers('A spokesman for the militia said the talks had failed. Saad Karimi said "we are ready."', 'The spokesman added, "We will not leave."')).toEqual(['Saad Karimi', null]);
    // Two people named: the text does not say which.
    expect(speakers('Saad Karimi met Hamid Nouri.', 'The cleric then announced, "We will resist."')).toEqual([null]);
  });
  it('is nobody for what the speaker answers ("Responding to X\'s accusation of “…”, Y said") and for another name ("or “Abu Hadi”")', () => {
    expect(speakers('Responding to Bahrain\'s accusation of supporting "terrorist operations", Faisal Amin said the claim was false.')).toEqual([null]);
    expect(speakers('The strike killed Saad Karimi, or "Abu Hadi," a commander of the group.')).toEqual([null]);
  });
  it('gives the words of "the Secretary General of X" to the person with that title, not to X', () => {
    expect(speakers('Secretary General of the Badr Organization Faisal Amin spoke in Baghdad.', 'The Secretary General of the Badr Organization pointed out that "the calm is over."')).toEqual(['Faisal Amin']);
  });
  it('does not give the words of "the spokesperson for X" to someone else\'s spokesperson named before', () => {
    expect(speakers('"It was self-defense," said Major General Patrick Doyle, a Pentagon spokesperson.', 'The military spokesperson for Prime Minister Saad Jaber called it an "unjustified attack on our forces."')).toEqual(['Patrick Doyle', null]);
  });
  it('is the person whose apposition an organisation ends, and a name with its country after it ("X of Iraq said")', () => {
    expect(speakers('Hamid Karimi, the spokesperson of the Iranian Oil, Gas, and Petrochemical Exporters Union, said it was a "very serious accusation."')).toEqual(['Hamid Karimi']);
    expect(speakers('"We denounce these attacks," Prime Minister Saad Jaber of Iraq said in a statement.')).toEqual(['Saad Jaber']);
  });
  it('gives "it said" to the country\'s ministry the text named by its possessive ("Iraq\'s foreign ministry said")', () => {
    expect(speakers('Iraq’s foreign ministry said on Wednesday it rejected the attack.', '"The ministry rejects these attacks," it said in a statement.')).toEqual(['Iraqi foreign ministry']);
  });
  it('reads a name written with the letter ʿayn ("al-‘Āmirī") as one name, not a quotation', () => {
    expect(speakers('Secretary General of the Badr Organization Hādī al-‘Āmirī said that "this is the time for the troops to leave."')).toEqual(['Hādī al-‘Āmirī']);
  });
  it('a quote that opens a paragraph goes on with the speaker before it, unless someone else became the subject', () => {
    expect(attributed('Hamid Nouri said "we are ready to talk."', '"We have always been ready for talks with everyone."').map(([, s, k]) => [s, k])).toEqual([
      ['Hamid Nouri', 'verb'],
      ['Hamid Nouri', 'continuation'],
    ]);
    expect(speakers('Hamid Nouri said "we are ready to talk." Later, Faisal Amin arrived in the capital.', '"Talks must start now, before the winter."')).toEqual(['Hamid Nouri', null]);
  });
  it('a pull-quote that repeats earlier words is the same statement, with its first speaker', () => {
    expect(
      attributed(
        '"Our doors are open to every neighbour who respects us," Hamid Nouri said.',
        'Faisal Amin said "we will see what happens next."',
        '"Our doors are open to every neighbour who respects us."',
      ).map(([, s, k]) => [s, k]),
    ).toEqual([
      ['Hamid Nouri', 'verb'],
      ['Faisal Amin', 'verb'],
      ['Hamid Nouri', 'repeat'],
    ]);
  });
});

describe('words that are nobody\'s', () => {
  it('scare quotes around one capitalised word, titles and slogans have no speaker', () => {
    expect(speakers('Hamid Nouri condemned the relentless "Zionist" aggression on Gaza.')).toEqual([null]);
    expect(speakers('Faisal Amin wrote a book titled "The Long Night of the Republic."')).toEqual([null]);
    expect(speakers('Crowds chanted "NO TO THE OCCUPATION" outside.')).toEqual([null]);
  });
  it('a word in running text is still the speaker\'s when a verb gives it ("described the talks as “positive”")', () => {
    expect(speakers('Hamid Nouri described the talks as "positive".')).toEqual(['Hamid Nouri']);
  });
});

describe('the card counts only a speaker\'s own words as theirs', () => {
  it('a sentence in which someone answers another\'s quoted words is about the one who answers, not their quote', () => {
    const enc = new TextEncoder();
    const corpus = buildCorpus([
      { name: 'entities.json', bytes: enc.encode('{"entities": []}') },
      { name: 'a.txt', bytes: enc.encode('U.S. Secretary of State Mike Harlan spoke in Cairo. Foreign Minister Hamid Nouri rebutted Harlan\'s claim that "when America retreats, chaos follows."') },
    ]);
    const id = (n: string) => corpus.entities.find((e) => e.name === n)?.id ?? n;
    const rebuttal = corpus.statements.find((s) => s.text.includes('rebutted')) as Statement;
    expect(rebuttal.quotes[0].speaker).toBe(id('Mike Harlan'));
    expect(relationTo(rebuttal, id('Mike Harlan'))).toBe('said');
    expect(relationTo(rebuttal, id('Hamid Nouri'))).toBe('about');
  });
});
