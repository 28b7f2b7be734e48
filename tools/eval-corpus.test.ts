import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, report, reportAll, SHARED_CORPUS } from './eval-corpus';
import type { Score } from './eval/score';

const present = existsSync(SHARED_CORPUS);
if (!present) console.warn(`skipping the corpus evaluation: ${SHARED_CORPUS} is absent`);

/**
 * What the engine learns from the 64 real articles of ../shared/corpus, scored
 * against hand-made gold: the whole corpus, and the second batch alone (40
 * articles from outlets the first rules were not written from), each held to
 * the attribution issue's floors, so a change that falls below one fails.
 */
describe.skipIf(!present)('the engine on the real articles of ../shared/corpus', () => {
  const evaluation = present ? evaluate() : null;
  const scored: [string, Score][] = evaluation ? [['all articles', evaluation.all], ...evaluation.batches.map((b): [string, Score] => [b.name, b.score])] : [];
  const why = (s: Score) => `${evaluation ? reportAll(evaluation, false) : ''}\n\n${report(s, true)}`;

  it('has the second batch to hold apart', () => {
    expect(evaluation?.batches.map((b) => b.name)).toEqual(['first batch (101–143)', 'second batch (200–329)']);
  });
  it.each(scored)('%s: finds the people and organisations the articles name', (_, s) => {
    expect(s.people.found / s.people.gold, why(s)).toBeGreaterThanOrEqual(0.95);
    expect(s.organizations.found / s.organizations.gold, why(s)).toBeGreaterThanOrEqual(0.9);
  });
  it.each(scored)('%s: discovers few names that are not people or organisations of the article', (_, s) => {
    expect(s.discovered.right / s.discovered.total, why(s)).toBeGreaterThanOrEqual(0.97);
  });
  it.each(scored)('%s: gives quotes to the right speaker, or to nobody when unsure', (_, s) => {
    expect(s.quotes.wrong.length / s.quotes.scored, why(s)).toBeLessThanOrEqual(0.02);
    expect(s.quotes.right / s.quotes.scored, why(s)).toBeGreaterThanOrEqual(0.9);
  });
  it.each(scored)('%s: states no wrong date or publisher, and splits no real-world entity in two', (_, s) => {
    expect(s.facts.wrongDates, why(s)).toEqual([]);
    expect(s.facts.wrongOutlets, why(s)).toEqual([]);
    expect(s.split, why(s)).toEqual([]);
  });
});
