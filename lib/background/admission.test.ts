import { describe, expect, it } from 'vitest';
import { BACKGROUND_REQUESTS, type BackgroundRequestType } from '../messages';
import { admit, senderKind } from './admission';

const own = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const contentScript = { id: 'ext-id', url: 'https://news.example/article', tab: { id: 4 } };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const readerTab = { id: 'ext-id', url: 'chrome-extension://ext-id/reader.html#article=a', tab: { id: 5 } };

/** One well-formed request of each declared type. */
const EXAMPLES: Record<BackgroundRequestType, unknown> = {
  'lookup-entity': { type: 'lookup-entity', id: 'mike-pompeo', limit: 4 },
  'page-mentions': { type: 'page-mentions', distinct: 3 },
  'open-reader': { type: 'open-reader', article: 'a', statement: 'a#1' },
  'open-entity-page': { type: 'open-entity-page', id: 'mike-pompeo' },
  'name-shortcuts': { type: 'name-shortcuts' },
  search: { type: 'search', query: 'Zarif' },
  'related-articles': { type: 'related-articles', text: 'Zarif said' },
  'get-article': { type: 'get-article', id: 'a' },
  'list-articles': { type: 'list-articles' },
  timeline: { type: 'timeline', id: 'mike-pompeo' },
  'save-article': { type: 'save-article', tab: 4 },
  'library-list': { type: 'library-list' },
  'library-delete': { type: 'library-delete', ids: ['lib-1'] },
  'library-clear': { type: 'library-clear' },
  'library-export': { type: 'library-export' },
  'library-import': { type: 'library-import', files: [{ name: 'a.txt', text: 'x' }] },
};

/** What a content script may ask (issue 17): the page side's needs, nothing of the library. */
const PAGE_SIDE = ['lookup-entity', 'page-mentions', 'open-reader', 'open-entity-page', 'name-shortcuts'];

describe('who may send what', () => {
  it('tells extension pages (even in a tab) from content scripts and strangers', () => {
    expect(senderKind(popup, own)).toBe('extension-page');
    expect(senderKind(readerTab, own)).toBe('extension-page');
    expect(senderKind(contentScript, own)).toBe('content-script');
    expect(senderKind({ ...contentScript, id: 'other' }, own)).toBeNull();
    expect(senderKind({ id: 'ext-id', url: 'https://news.example/' }, own)).toBeNull();
    // Our origin as a prefix of another host's is not our origin.
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id.evil/x', tab: { id: 1 } }, own)).toBe('content-script');
  });

  it('answers a content script only the page-side requests', () => {
    const answered = Object.keys(BACKGROUND_REQUESTS).filter((type) => 'admitted' in admit(EXAMPLES[type as BackgroundRequestType], contentScript, own));
    expect(answered.sort()).toEqual([...PAGE_SIDE].sort());
    expect(admit({ type: 'library-export' }, contentScript, own)).toEqual({ refused: '"library-export" is not answered to a content-script' });
  });

  it('answers extension pages every request, in a tab or not', () => {
    for (const [type, example] of Object.entries(EXAMPLES)) {
      expect(admit(example, popup, own), type).toEqual({ admitted: example });
      expect(admit(example, readerTab, own), type).toEqual({ admitted: example });
    }
  });

  it('ignores strangers and unknown shapes before looking at who may ask', () => {
    expect(admit({ type: 'library-clear' }, { ...popup, id: 'other' }, own)).toEqual({ ignored: 'not from this extension' });
    expect('ignored' in admit({ type: 'library-clear', ids: 5 }, contentScript, own)).toBe(false);
    expect('ignored' in admit({ type: 'library-delete', ids: 5 }, contentScript, own)).toBe(true);
  });
});
