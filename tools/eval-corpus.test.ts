import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, report, SHARED_CORPUS } from './eval-corpus';

const present = existsSync(SHARED_CORPUS);
if (!present) console.warn(`skipping the corpus evaluation: ${SHARED_CORPUS} is absent`);

/**
 * What the engine learns from 24 real articles it was not written for, scored
 * against hand-made gold. The floors are the targets, so a change that
 * falls below one fails.
 */
describe.skipIf(!present)('the engine on the real articles of ../shared/corpus', () => {
  const score = present ? evaluate() : null;
  it('finds the people and organisations the articles name', () => {
    if (!score) return;
    expect(score.people.found / score.people.gold, report(score, true)).toBeGreaterThanOrEqual(0.9);
    expect(score.organizations.found / score.organizations.gold, report(score, true)).toBeGreaterThanOrEqual(0.8);
  });
  it('discovers few names that are not people or organisations of the article', () => {
    if (!score) return;
    expect(score.discovered.right / score.discovered.total, report(score, true)).toBeGreaterThanOrEqual(0.95);
  });
  it('gives quotes to the right speaker, or to nobody when unsure', () => {
    if (!score) return;
    const q = score.quotes;
    expect(q.wrong.length / q.scored, report(score, true)).toBeLessThanOrEqual(0.02);
    expect(q.right / q.scored, report(score, true)).toBeGreaterThanOrEqual(0.9);
  });
  it('states no wrong date or publisher', () => {
    if (!score) return;
    expect(score.facts.wrongDates).toEqual([]);
    expect(score.facts.wrongOutlets).toEqual([]);
  });
});
