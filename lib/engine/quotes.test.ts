import { describe, expect, it } from 'vitest';
import { A, seedCorpus } from '../../tests/seeds';

/** Every quote in the five seeds, with who said it (null: the text does not say). */
const EXPECTED: [string, string, string | null][] = [
  [A.qassemi, 'Our relationship with Iraq as a neighboring country is good', 'Bahram Qassemi'],
  [A.qassemi, 'These days, we are witnessing efforts', 'Bahram Qassemi'],
  [A.qassemi, 'We will certainly be able to boost cooperation', 'Bahram Qassemi'],
  [A.qassemi, 'Our principled policy on our neighbors is clear. We have always', 'Bahram Qassemi'],
  [A.qassemi, 'America is not in a position to do whatever it wants. It is not time to dictate,', 'Bahram Qassemi'],
  [A.qassemi, 'elite team of foreign affairs specialists', null],
  [A.qassemi, 'serious bid to undermine relations between Iran and Russia', 'Bahram Qassemi'],
  [A.qassemi, 'I reiterate that we have a military advisory presence', 'Bahram Qassemi'],
  [A.qassemi, 'We will not allow others to interfere', 'Bahram Qassemi'],
  [A.moscow, 'Military and security cooperation with Russia guarantees', 'Mohamed Ali Alhakim'],
  [A.moscow, 'Russia will help Iraq develop its military capabilities', 'Sergei Lavrov'],
  [A.moscow, 'The US presence in Iraq should be in coordination', 'Sergei Lavrov'],
  [A.moscow, 'when America retreats, chaos often follows,', 'Mike Pompeo'],
  [A.rouhani, 'We hope to boost our cooperation with the neighbors', 'Hassan Rouhani'],
  [A.rouhani, 'In continuation of our diplomacy', 'Hassan Rouhani'],
  [A.rouhani, 'milestone', 'Hassan Rouhani'],
  [A.rouhani, 'I am positive that this trip functions as a milestone', 'Hassan Rouhani'],
  [A.rouhani, 'some medical tests.', null],
  [A.rouhani, 'in very sensitive circumstances.', 'Hassan Rouhani'],
  [A.rouhani, 'a favorable movement [forward]', 'Hassan Rouhani'],
  [A.kanaani, 'make a decision regarding the presence of US forces.', 'Nasser Kanaani'],
  [A.kanaani, 'Relations between the two countries are at their best', 'Nasser Kanaani'],
  [A.kanaani, 'both governments have a common will', 'Nasser Kanaani'],
  [A.kanaani, 'Iraq and Iran have a common will in the field of security', 'Nasser Kanaani'],
  [A.kanaani, 'the full implementation of the provisions', 'Nasser Kanaani'],
  [A.kanaani, 'his country does not consider the presence of foreign forces', 'Nasser Kanaani'],
  [A.kanaani, 'Iran fundamentally opposes the presence of foreign forces', 'Nasser Kanaani'],
  [A.kanaani, 'the Iraqi government and the Iraqi people must make a decision', 'Nasser Kanaani'],
  [A.kazemi, 'I believe that there won’t be any new dialogue', 'Hassan Kazemi Qomi'],
  [A.kazemi, 'I believe that a new strategic dialogue will not take place', 'Hassan Kazemi Qomi'],
  [A.kazemi, 'But, considering that the U.S. has an aggressive nature', 'Hassan Kazemi Qomi'],
  [A.kazemi, 'The U.S. that once claimed it had come to Iraq', 'Hassan Kazemi Qomi'],
  [A.kazemi, 'Today, Iraq’s security and defense powers are based upon people', 'Hassan Kazemi Qomi'],
  [A.kazemi, 'All strategic issues between our two countries', 'Mike Pompeo'],
];

describe('every quote in the seeds has its speaker, or none', () => {
  const corpus = seedCorpus();
  const names = new Map(corpus.entities.map((e) => [e.id, e.name]));
  const found = corpus.statements.flatMap((s) =>
    s.quotes.map((q) => ({ article: s.article, text: q.text, speaker: q.speaker ? names.get(q.speaker) : null })),
  );

  it('finds exactly the quotes of the seeds, in order', () => {
    expect(found).toHaveLength(EXPECTED.length);
    found.forEach((q, i) => {
      expect(q.article).toBe(EXPECTED[i][0]);
      expect(q.text.startsWith(EXPECTED[i][1])).toBe(true);
    });
  });

  it.each(EXPECTED)('%s: "%s" → %s', (article, start, speaker) => {
    const quote = found.find((q) => q.article === article && q.text.startsWith(start));
    expect(quote?.speaker ?? null).toBe(speaker);
  });

  it('keeps the words inside the marks, marks excluded', () => {
    const q = found.find((x) => x.text.startsWith('when America'));
    expect(q?.text).toBe('when America retreats, chaos often follows,');
  });
});
