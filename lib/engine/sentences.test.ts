import { describe, expect, it } from 'vitest';
import { A, seedCorpus } from '../../tests/seeds';
import { findQuoteSpans, splitSentences } from './sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not end a sentence at U.S., Jan., Mr. or an initial', () => {
    expect(split('On Jan. 17, Mr. Zarif met the U.S. envoy. H. Kazemi scored. Then it rained.')).toEqual([
      'On Jan. 17, Mr. Zarif met the U.S. envoy.',
      'H. Kazemi scored.',
      'Then it rained.',
    ]);
  });
  it('keeps a quotation spanning sentences whole', () => {
    const text = 'Qassemi said, “Our policy is clear. We have always been willing,” he said. Next one.';
    expect(split(text)).toEqual(['Qassemi said, “Our policy is clear. We have always been willing,” he said.', 'Next one.']);
  });
  it('splits after a closing quote that ends a sentence', () => {
    expect(split('He said “it is over.” Then he left.')).toEqual(['He said “it is over.”', 'Then he left.']);
  });
  it('splits the seed articles as a reader would', () => {
    const corpus = seedCorpus();
    const of = (id: string) => corpus.statements.filter((s) => s.article === id).map((s) => s.text);
    expect(of(A.moscow)).toContain('Actually the opposite is the case.');
    expect(of(A.moscow).find((s) => s.startsWith('On Jan. 17'))).toMatch(/set to continue\.$/);
    expect(of(A.kazemi).find((s) => s.startsWith('He said Iraqis'))).toBe(
      'He said Iraqis would agree to establish genuine relations with the U.S. only if Washington respects Iraq’s interests.',
    );
    expect(corpus.statements.filter((s) => s.article === A.qassemi)).toHaveLength(16);
  });
});

describe('findQuoteSpans', () => {
  it('never takes apostrophes for single quotation marks', () => {
    expect(findQuoteSpans('Iran’s move and Zarif’s reply, the ministers’ meeting.')).toEqual([]);
    const text = 'He called the act ‘binding’ and Iran’s ‘maximum pressure’ policy a failure.';
    expect(findQuoteSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['‘binding’', '‘maximum pressure’']);
  });
  it('pairs curly, straight and mixed marks', () => {
    const text = 'said: "Military cooperation.” and “a milestone” and "x"';
    expect(findQuoteSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['"Military cooperation.”', '“a milestone”', '"x"']);
  });
  it('ignores an opener never closed', () => {
    expect(findQuoteSpans('He said “unfinished')).toEqual([]);
  });
});
