/**
 * The least-privilege check shared by the Chromium and Firefox tests: every
 * request the background declares, sent from our content script's world with
 * real arguments (the library's own article id), and what must come of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackgroundRequest } from '../../lib/messages';
import { PAGE_SIDE_REQUESTS, REQUEST_EXAMPLES } from '../../tests/request-examples';
import type { Outcome } from './content-world';

/** A seed article in the seeds format: what the library holds while the content script attacks it. */
export const LIBRARY_ARTICLE = { name: 'kept.txt', text: readFileSync(join(import.meta.dirname, '..', '..', 'seeds', '003_3d90aa80119a4437.txt'), 'utf8') };

/** Every declared request; those aimed at the library name the article it holds. */
export function everyRequest(libraryId: string): BackgroundRequest[] {
  return Object.values(REQUEST_EXAMPLES).map((example) => {
    if (example.type === 'library-delete') return { ...example, ids: [libraryId] };
    if (example.type === 'get-article') return { ...example, id: libraryId };
    if (example.type === 'library-import') return { ...example, files: [{ name: 'planted.txt', text: LIBRARY_ARTICLE.text.replace(/Kanaani/g, 'Someone Else') }] };
    return example;
  });
}

/** Page-side requests that open a tab are left out of the positive control; the rest are sent. */
export const SENT_FROM_THE_PAGE_SIDE = PAGE_SIDE_REQUESTS.filter((type) => type !== 'open-reader' && type !== 'open-entity-page');

export function requestsToSend(libraryId: string): BackgroundRequest[] {
  return everyRequest(libraryId).filter((r) => !PAGE_SIDE_REQUESTS.includes(r.type) || (SENT_FROM_THE_PAGE_SIDE as readonly string[]).includes(r.type));
}

/** What came of each request, by type: "answered", or the reason it was refused. */
export function outcomesByType(outcomes: readonly Outcome[]): Record<string, string> {
  return Object.fromEntries(outcomes.map((o) => [o.type, 'refused' in o ? o.refused : 'answered']));
}

/** What must come of each request sent: the page side's answered, every other refused as not for a content script. */
export function expectedOutcomes(libraryId: string): Record<string, string> {
  return Object.fromEntries(
    requestsToSend(libraryId).map((r) => [r.type, PAGE_SIDE_REQUESTS.includes(r.type) ? 'answered' : `refused: "${r.type}" is not answered to a content-script`]),
  );
}
