/**
 * The background is one table of handlers, one per request type, and the
 * compiler checks it against `lib/messages.ts`: a missing handler, or one that
 * answers with the wrong shape, fails `tsc`. The corpus requests read through
 * a `CorpusStore`; the others use the browser, which the entrypoint supplies.
 */
import type { Browser } from 'wxt/browser';
import type { CorpusStore } from '../engine/store/store';
import type { BackgroundRequest, BackgroundResponses } from '../messages';

export type Sender = Browser.runtime.MessageSender;

export type HandlerTable = {
  [K in BackgroundRequest['type']]: (request: Extract<BackgroundRequest, { type: K }>, sender: Sender) => Promise<BackgroundResponses[K]>;
};

type CorpusRequest = 'lookup-entity' | 'search' | 'related-articles' | 'get-article' | 'list-articles' | 'timeline';

/** The requests the corpus answers, each read through the store. */
export function corpusHandlers(store: () => CorpusStore): Pick<HandlerTable, CorpusRequest> {
  return {
    'lookup-entity': (r) => store().entity(r.id, r.limit),
    search: (r) => store().search(r.query),
    'related-articles': (r) => store().related(r.text),
    'get-article': (r) => store().article(r.id),
    'list-articles': () => store().articles(),
    timeline: (r) => store().timeline(r.id),
  };
}

/** Answers one request with its handler. */
export function dispatch(table: HandlerTable, request: BackgroundRequest, sender: Sender): Promise<BackgroundResponses[BackgroundRequest['type']]> {
  // The table is checked per type above; indexing it with a union needs this one widening.
  const handler = table[request.type] as (r: BackgroundRequest, s: Sender) => Promise<BackgroundResponses[BackgroundRequest['type']]>;
  return handler(request, sender);
}
