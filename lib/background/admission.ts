/**
 * Which messages the background answers: from this extension only, of a
 * declared shape only, and only from a sender the request's declaration lets
 * send it (lib/messages.ts). A content script runs in every page the reader
 * opens, so it gets the page-side requests and nothing of the library.
 */
import { type BackgroundRequest, mayAsk, parseBackgroundRequest, type SenderKind } from '../messages';

/** The fields of `runtime.MessageSender` that say who sent a message. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** This extension: its id and its pages' origin (`chrome-extension://ID`, `moz-extension://UUID`). */
export interface OwnExtension {
  id: string;
  origin: string;
}

/**
 * An extension page is a document at our origin, even in a tab (the popup opened as a tab, the reader);
 * a content script is ours and runs in a tab at another address; anything else is nobody we answer.
 */
export function senderKind(sender: MessageSender, own: OwnExtension): SenderKind | null {
  if (sender.id !== own.id) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(`${own.origin}/`)) return 'extension-page';
  if (sender.tab !== undefined && sender.tab !== null) return 'content-script';
  return null;
}

export type Admission =
  | { admitted: BackgroundRequest }
  /** Not ours or not a request: no answer at all, as to noise. */
  | { ignored: string }
  /** Ours and well formed, but not for this sender: refused with this reason. */
  | { refused: string };

export function admit(message: unknown, sender: MessageSender, own: OwnExtension): Admission {
  const from = senderKind(sender, own);
  if (!from) return { ignored: 'not from this extension' };
  const request = parseBackgroundRequest(message);
  if (!request) return { ignored: `unknown shape ${JSON.stringify(message)?.slice(0, 80)}` };
  if (!mayAsk(request.type, from)) return { refused: `"${request.type}" is not answered to a ${from}` };
  return { admitted: request };
}
