import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest, parseContentRequest, parseOffscreenRequest } from './messages';

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
      { type: 'lookup-entity', id: 'a', limit: -1 }, { type: 'page-mentions', distinct: 1.5 }, { type: '__proto__' }, { type: 'toString' },
      { type: 'constructor' }, Object.create({ type: 'list-articles' })]) {
      expect(parseBackgroundRequest(bad)).toBeNull();
    }
    expect(parseContentRequest({ type: 'reveal-mention' })).toBeNull();
    expect(parseContentRequest({ type: 'step-name', direction: 'sideways' })).toBeNull();
    expect(parseContentRequest({ type: 'step-name' })).toBeNull();
  });
  it('knows the library’s requests, and nothing near them', () => {
    expect(parseBackgroundRequest({ type: 'save-article', tab: 4 })).toEqual({ type: 'save-article', tab: 4 });
    expect(parseBackgroundRequest({ type: 'library-delete', ids: ['lib-1'] })).toEqual({ type: 'library-delete', ids: ['lib-1'] });
    expect(parseBackgroundRequest({ type: 'library-import', files: [{ name: 'a.txt', text: 'x', size: 1 }] })).toEqual({ type: 'library-import', files: [{ name: 'a.txt', text: 'x' }] });
    for (const request of ['library-list', 'library-clear', 'library-export']) expect(parseBackgroundRequest({ type: request })).toEqual({ type: request });
    for (const bad of [{ type: 'save-article' }, { type: 'save-article', tab: -1 }, { type: 'save-article', tab: '4' }, { type: 'library-delete', ids: [5] },
      { type: 'library-delete' }, { type: 'library-import', files: [{ name: 'a.txt' }] }, { type: 'library-import', files: 'a' }]) {
      expect(parseBackgroundRequest(bad)).toBeNull();
    }
    expect(parseContentRequest({ type: 'page-document' })).toEqual({ type: 'page-document' });
    expect(parseOffscreenRequest({ type: 'extract-article', html: '<p>', url: 'https://x.example/' })).toEqual({ type: 'extract-article', html: '<p>', url: 'https://x.example/' });
    expect(parseOffscreenRequest({ type: 'extract-article', html: 5, url: '' })).toBeNull();
    expect(parseOffscreenRequest({ type: 'search', query: 'x' })).toBeNull();
  });
  it('knows a save anyway, an import’s progress and its cancel, and the offscreen document’s import', () => {
    expect(parseBackgroundRequest({ type: 'save-article', tab: 4, anyway: true })).toEqual({ type: 'save-article', tab: 4, anyway: true });
    expect(parseBackgroundRequest({ type: 'save-article', tab: 4, anyway: 'yes' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'library-import-cancel', extra: 1 })).toEqual({ type: 'library-import-cancel' });
    expect(parseBackgroundRequest({ type: 'library-import-status' })).toEqual({ type: 'library-import-status' });
    const progress = { phase: 'saving', done: 50, total: 120 };
    expect(parseBackgroundRequest({ type: 'library-import-progress', progress: { ...progress, evil: 1 }, changed: true })).toEqual({ type: 'library-import-progress', progress, changed: true });
    for (const bad of [{ ...progress, phase: 'hacking' }, { ...progress, done: -1 }, { ...progress, total: 1.5 }]) expect(parseBackgroundRequest({ type: 'library-import-progress', progress: bad, changed: false })).toBeNull();
    expect(parseBackgroundRequest({ type: 'library-import-progress', progress })).toBeNull();
    const start = { type: 'import-start', files: [{ name: 'a.txt', text: 'x' }], context: [], now: '2026-12-01T00:00:00.000Z' };
    expect(parseOffscreenRequest(start)).toEqual(start);
    expect(parseOffscreenRequest({ ...start, files: 'a' })).toBeNull();
    expect(parseOffscreenRequest({ type: 'import-cancel' })).toEqual({ type: 'import-cancel' });
  });
  it('drops unknown extra fields instead of passing them on', () => {
    expect(parseBackgroundRequest({ type: 'list-articles', evil: true })).toEqual({ type: 'list-articles' });
  });
});
