/** Typed senders over `browser.runtime` / `browser.tabs` messaging. */
import { browser } from 'wxt/browser';
import type { BackgroundRequest, BackgroundResponses, ContentRequest, ContentResponses } from './messages';

export function ask<R extends BackgroundRequest>(request: R): Promise<BackgroundResponses[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<BackgroundResponses[R['type']]>;
}

export function askTab<R extends ContentRequest>(tabId: number, request: R): Promise<ContentResponses[R['type']]> {
  return browser.tabs.sendMessage(tabId, request) as Promise<ContentResponses[R['type']]>;
}
