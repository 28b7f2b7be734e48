import { describe, expect, it } from 'vitest';
import { PAGE_SIDE_REQUESTS, REQUEST_EXAMPLES } from '../../tests/request-examples';
import { BACKGROUND_REQUESTS, type BackgroundRequestType } from '../messages';
import { admit, senderKind } from './admission';

const own = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const contentScript = { id: 'ext-id', url: 'https://news.example/article', tab: { id: 4 } };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const readerTab = { id: 'ext-id', url: 'chrome-extension://ext-id/reader.html#article=a', tab: { id: 5 } };

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
    const answered = Object.keys(BACKGROUND_REQUESTS).filter((type) => 'admitted' in admit(REQUEST_EXAMPLES[type as BackgroundRequestType], contentScript, own));
    expect(answered.sort()).toEqual([...PAGE_SIDE_REQUESTS].sort());
    expect(admit({ type: 'library-export' }, contentScript, own)).toEqual({ refused: '"library-export" is not answered to a content-script' });
  });

  it('answers extension pages every request, in a tab or not', () => {
    for (const [type, example] of Object.entries(REQUEST_EXAMPLES)) {
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
