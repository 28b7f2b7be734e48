/**
 * Holds the corpus index and answers lookups. Chrome stops idle service
 * workers; nothing here lives only in memory that cannot be rebuilt from the
 * bundled JSON on the next message.
 */
import bundleJson from 'virtual:corpus-bundle';
import table from 'virtual:name-table';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { assignedShortcuts, directionOfCommand } from '../../lib/commands';
import { type LoadedCorpus, loadBundle } from '../../lib/engine/bundle';
import {
  articleHandler,
  listArticlesHandler,
  lookupHandler,
  relatedArticlesHandler,
  searchHandler,
  timelineHandler,
} from '../../lib/background/handlers';
import { type BackgroundRequest, type BackgroundResponses, parseBackgroundRequest } from '../../lib/messages';
import { askTab } from '../../lib/messaging';
import { entityHash } from '../reader/hash';

let corpus: LoadedCorpus | null = null;
/** Parsed on first use, not at start-up: most wake-ups (badge updates) never need it. */
function loaded(): LoadedCorpus {
  corpus ??= loadBundle(bundleJson, table);
  return corpus;
}

const loggedRejections = new Set<string>();
function reject(reason: string): undefined {
  if (!loggedRejections.has(reason)) {
    loggedRejections.add(reason);
    console.warn(`[iran-iraq-context] ignored a message: ${reason}`);
  }
  return undefined;
}

/** Only our own pages and content scripts may ask; a web page cannot reach this listener. */
function fromOurExtension(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const ownPage = typeof sender.url === 'string' && sender.url.startsWith(`${self.location.origin}/`);
  return ownPage || sender.tab !== undefined;
}

async function handle(request: BackgroundRequest, sender: Browser.runtime.MessageSender): Promise<BackgroundResponses[BackgroundRequest['type']]> {
  switch (request.type) {
    case 'lookup-entity':
      return lookupHandler(loaded(), request.id, request.limit);
    case 'search':
      return searchHandler(loaded(), request.query);
    case 'related-articles':
      return relatedArticlesHandler(loaded(), request.text);
    case 'get-article':
      return articleHandler(loaded(), request.id);
    case 'list-articles':
      return listArticlesHandler(loaded());
    case 'timeline':
      return timelineHandler(loaded(), request.id);
    case 'page-mentions': {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        await browser.action.setBadgeBackgroundColor({ color: '#35506b', tabId });
        await browser.action.setBadgeText({ text: request.distinct > 0 ? String(request.distinct) : '', tabId });
      }
      return null;
    }
    case 'open-reader': {
      const hash = new URLSearchParams({ article: request.article, ...(request.statement ? { statement: request.statement } : {}) });
      await browser.tabs.create({ url: `${browser.runtime.getURL('/reader.html')}#${hash}`, index: sender.tab ? sender.tab.index + 1 : undefined });
      return null;
    }
    case 'open-entity-page':
      await browser.tabs.create({ url: `${browser.runtime.getURL('/reader.html')}#${entityHash(request.id)}`, index: sender.tab ? sender.tab.index + 1 : undefined });
      return null;
    case 'name-shortcuts':
      return assignedShortcuts(await browser.commands.getAll());
  }
}

/** A next/previous-name command goes to the page the reader is looking at, whose content script moves the focus. */
async function relayCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const direction = directionOfCommand(command);
  if (!direction) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  // Pages without our content script (browser pages, the web store) have nobody to answer: nothing to do there.
  await askTab(tabId, { type: 'step-name', direction }).catch(() => false);
}

export default defineBackground({
  // Firefox: an event page, like Chrome's service worker. Firefox wakes a stopped event page for the keyboard
  // commands (it primes their listener), but not a stopped persistent page; and nothing here needs to stay in memory.
  persistent: false,
  main() {
    browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
      void relayCommand(command, tab);
    });
    browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!fromOurExtension(sender)) return reject('not from this extension');
      const request = parseBackgroundRequest(message);
      if (!request) return reject(`unknown shape ${JSON.stringify(message)?.slice(0, 80)}`);
      return handle(request, sender);
    });
  },
});
