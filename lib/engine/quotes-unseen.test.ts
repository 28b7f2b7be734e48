import { describe, expect, it } from 'vitest';
import { buildCorpus } from './corpus';
import { relationTo } from './related';
import type { Statement } from './types';

/** Builds a one-article corpus with no curated names: every speaker must come from discovery. */
function speakers(text: string): [string, string | null][] {
  const enc = new TextEncoder();
  const corpus = buildCorpus([
    { name: 'entities.json', bytes: enc.encode('{"entities": []}') },
    { name: 'a.txt', bytes: enc.encode(text) },
  ]);
  const name = (id: string | null) => (id ? (corpus.entities.find((e) => e.id === id)?.name ?? id) : null);
  return corpus.statements.flatMap((s) => s.quotes.map((q) => [q.text, name(q.speaker)] as [string, string | null]));
}

describe('quotes on articles the engine has never seen', () => {
  it('gives a quote to a speaker named with a role in apposition before the verb', () => {
    expect(speakers('"The breach will happen very soon," Hadi al-Ameri, a senior commander in the paramilitary force, told Iraqi television.')).toEqual([
      ['The breach will happen very soon,', 'Hadi al-Ameri'],
    ]);
  });
  it('gives "was quoted as saying" to the person quoted, not the agency', () => {
    expect(speakers('"Iraq is facing many problems," Iraqi MP Nada Shaker Jawdat was quoted as saying by Al-Maalouma news agency.')).toEqual([
      ['Iraq is facing many problems,', 'Nada Shaker Jawdat'],
    ]);
  });
  it('lets organisations speak, and "it" and "the statement" go back to them', () => {
    const text = [
      '"This is one of many operations," the Kurdistan Region Security Council said in a statement.',
      '"We condemn these attacks," it said.',
      '"Our response will be direct," the statement added.',
    ].join('\n');
    expect(speakers(text).map(([, s]) => s)).toEqual(['Kurdistan Region Security Council', 'Kurdistan Region Security Council', 'Kurdistan Region Security Council']);
  });
  it('gives no speaker to an anonymous source or to an ambassador the text does not name', () => {
    expect(speakers('Iraqi Prime Minister Mohammed al-Sudani attended. "Iraq pledges it," said an Iraqi official who was present.').map(([, s]) => s)).toEqual([null]);
    expect(speakers('United Nations Secretary-General Ban Ki-moon spoke, and the U.S. ambassador to the United Nations said the launches were "provocative."').map(([, s]) => s)).toEqual([null]);
  });
  it('does not give a call the words of a phrase far after it', () => {
    expect(speakers('Israeli Prime Minister Benjamin Netanyahu called on world powers to punish Iran after the country test-fired two ballistic missiles emblazoned with the phrase "Israel must be wiped out" in Hebrew.').map(([, s]) => s)).toEqual([null]);
  });
  it('goes on with the speaker through ", calling on", past a parenthesis and a weekday', () => {
    const text =
      'The Kurdistan Regional Government (KRG) on Wednesday denounced the attacks as a "violation of sovereignty", calling on the world to take "serious stances".';
    expect(speakers(text).map(([, s]) => s)).toEqual(['Kurdistan Regional Government', 'Kurdistan Regional Government']);
    const later = 'Safeen Dizayee, Head of the Foreign Relations Department on Monday condemned the attacks.\nHe underlined that they are a "violation of sovereignty."';
    expect(speakers(later).map(([, s]) => s)).toEqual(['Safeen Dizayee']);
  });
  it('reads a phrase in curly single quotes as a quote, and a closing mark typed as an opening one', () => {
    expect(speakers('Iraqi lawmaker Hassan Fadam stressed that the act is ‘binding’ on the government.')).toEqual([['binding', 'Hassan Fadam']]);
    expect(speakers('“We will not allow it,” the group said. “They should withdraw before we force them.“').map(([q]) => q)).toEqual([
      'We will not allow it,',
      'They should withdraw before we force them.',
    ]);
  });
  it('gives an unnamed "senior State Department official" no speaker, nor a slogan in capitals', () => {
    const text = [
      'U.S. Secretary of State John Kerry said he called Zarif.',
      '"At that point," the senior State Department official said, "Foreign Minister Zarif said to the secretary that they would be free."',
      'President Fuad Massoum urged politicians: "Burying the quotas cannot be delayed."',
      '"GREAT POPULAR UPRISING"',
    ].join('\n');
    expect(speakers(text).map(([, s]) => s)).toEqual([null, null, 'Fuad Massoum', null]);
  });
  it('gives relayed words to who said them: "Tasnim quoted X as saying", "according to X", never the agency', () => {
    const text = [
      'Tasnim News Agency quoted Iraqi Foreign Minister Fuad Hussein as saying: "Iraq will not be a launch pad."',
      '"The talks went well," according to Fuad Hussein.',
      '"The talks went well," according to the Tasnim News Agency.',
    ].join('\n');
    expect(speakers(text).map(([, s]) => s)).toEqual(['Fuad Hussein', 'Fuad Hussein', null]);
  });
  it('gives the words of one speaker reporting another to the reporter', () => {
    const text = 'U.S. Secretary of State John Kerry met Iranian Foreign Minister Mohammad Javad Zarif. Kerry said Zarif told him "the truce can be saved."';
    expect(speakers(text).map(([, s]) => s)).toEqual(['John Kerry']);
  });
  it('counts a fragment as a partial quote, and makes a sentence that answers someone its subject\'s statement', () => {
    const enc = new TextEncoder();
    const text = [
      'Iranian President Hassan Rouhani called the visit a "milestone" for both countries.',
      'U.S. Secretary of State Mike Pompeo spoke in Cairo. Foreign Minister Mohammad Javad Zarif rebutted Pompeo\'s claim that "when America retreats, chaos often follows."',
    ].join('\n');
    const corpus = buildCorpus([
      { name: 'entities.json', bytes: enc.encode('{"entities": []}') },
      { name: 'a.txt', bytes: enc.encode(text) },
    ]);
    const id = (name: string) => corpus.entities.find((e) => e.name === name)?.id ?? name;
    const quotes = corpus.statements.flatMap((s) => s.quotes);
    expect(quotes.map((q) => [q.text, q.partial ?? false])).toEqual([
      ['milestone', true],
      ['when America retreats, chaos often follows.', false],
    ]);
    const rebuttal = corpus.statements.find((s) => s.text.includes('rebutted')) as Statement;
    expect(rebuttal.quotes[0].speaker).toBe(id('Mike Pompeo'));
    expect(rebuttal.voice).toBe(id('Mohammad Javad Zarif'));
    expect(relationTo(rebuttal, id('Mohammad Javad Zarif'))).toBe('about');
    expect(relationTo(rebuttal, id('Mike Pompeo'))).toBe('said');
    const milestone = corpus.statements.find((s) => s.text.includes('milestone')) as Statement;
    expect(relationTo(milestone, id('Hassan Rouhani'))).toBe('partial');
  });
});

