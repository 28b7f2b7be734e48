/**
 * One well-formed request of every type the background declares, for the tests
 * of who may send what (lib/background/admission.test.ts and the e2e tests that
 * send them from a content script's world). Typed by the declaration, so a new
 * request type does not compile here until it has an example.
 */
import type { BackgroundRequest, BackgroundRequestType } from '../lib/messages';

export const REQUEST_EXAMPLES: { [K in BackgroundRequestType]: Extract<BackgroundRequest, { type: K }> } = {
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
  'save-article': { type: 'save-article', tab: 4, anyway: true },
  'library-list': { type: 'library-list' },
  'library-delete': { type: 'library-delete', ids: ['lib-1'] },
  'library-clear': { type: 'library-clear' },
  'library-export': { type: 'library-export' },
  'library-import': { type: 'library-import', files: [{ name: 'a.txt', text: 'x' }] },
  'library-import-cancel': { type: 'library-import-cancel' },
  'library-import-status': { type: 'library-import-status' },
  'library-import-progress': { type: 'library-import-progress', progress: { phase: 'saving', done: 1, total: 2 }, changed: true },
  'entity-scripts': { type: 'entity-scripts' },
};

/** What a content script may send (issue 17): what the page side needs, nothing of the library, search or other tabs. */
export const PAGE_SIDE_REQUESTS: readonly BackgroundRequestType[] = ['lookup-entity', 'page-mentions', 'open-reader', 'open-entity-page', 'name-shortcuts'];
