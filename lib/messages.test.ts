import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest, parseContentRequest } from './messages';

describe('message validation', () => {
  it('accepts the known shapes', () => {
    expect(parseBackgroundRequest({ type: 'lookup-entity', id: 'mike-pompeo', limit: 4 })).toEqual({ type: 'lookup-entity', id: 'mike-pompeo', limit: 4 });
    expect(parseBackgroundRequest({ type: 'open-reader', article: 'a', statement: 'a#1' })).toEqual({ type: 'open-reader', article: 'a', statement: 'a#1' });
    expect(parseContentRequest({ type: 'reveal-mention', id: 'x' })).toEqual({ type: 'reveal-mention', id: 'x' });
    expect(parseContentRequest({ type: 'step-name', direction: 'previous' })).toEqual({ type: 'step-name', direction: 'previous' });
    expect(parseBackgroundRequest({ type: 'name-shortcuts' })).toEqual({ type: 'name-shortcuts' });
    expect(parseBackgroundRequest({ type: 'open-entity-page', id: 'hassan-rouhani', extra: 1 })).toEqual({ type: 'open-entity-page', id: 'hassan-rouhani' });
    expect(parseBackgroundRequest({ type: 'open-entity-page', id: 5 })).toBeNull();
  });
  it('rejects anything else', () => {
    for (const bad of [null, 'search', 1, [], {}, { type: 'eval', code: '1' }, { type: 'search', query: 5 }, { type: 'search', query: 'x'.repeat(501) },
      { type: 'lookup-entity', id: 'a', limit: -1 }, { type: 'page-mentions', distinct: 1.5 }, { type: '__proto__' }]) {
      expect(parseBackgroundRequest(bad)).toBeNull();
    }
    expect(parseContentRequest({ type: 'reveal-mention' })).toBeNull();
    expect(parseContentRequest({ type: 'step-name', direction: 'sideways' })).toBeNull();
    expect(parseContentRequest({ type: 'step-name' })).toBeNull();
  });
  it('drops unknown extra fields instead of passing them on', () => {
    expect(parseBackgroundRequest({ type: 'list-articles', evil: true })).toEqual({ type: 'list-articles' });
  });
});
