/**
 * The two ways to save that do not go through the popup: the page's context
 * menu and the keyboard command. Both call the same `saveFromTab` as the popup's
 * button, and answer on the toolbar badge for a few seconds (✓ saved, ✕ not),
 * its tooltip saying why.
 */
import { browser, type Browser } from 'wxt/browser';
import { type SaveDeps, saveFromTab } from '../../lib/background/save-article';
import { SAVE_COMMAND } from '../../lib/commands';
import { t } from '../../lib/i18n';
import { saveOutcomeText } from '../../lib/library/save-text';
import type { SaveOutcome } from '../../lib/messages';

export { SAVE_COMMAND };
const MENU_ID = 'save-to-library';
const FEEDBACK_MS = 4000;

async function feedback(tabId: number, outcome: SaveOutcome): Promise<void> {
  const before = await browser.action.getBadgeText({ tabId });
  await browser.action.setBadgeText({ tabId, text: outcome.saved ? '✓' : '✕' });
  await browser.action.setTitle({ tabId, title: saveOutcomeText(outcome) });
  setTimeout(() => {
    void browser.action.setBadgeText({ tabId, text: before }).catch(() => undefined);
    void browser.action.setTitle({ tabId, title: t('extName') }).catch(() => undefined);
  }, FEEDBACK_MS);
}

export const saveMenu = {
  async saveTab(tab: Browser.tabs.Tab | undefined, deps: SaveDeps): Promise<void> {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const outcome = await saveFromTab(tabId, deps).catch((): SaveOutcome => ({ saved: false, reason: 'no-page' }));
    await feedback(tabId, outcome).catch(() => undefined);
  },
  listen(deps: SaveDeps): void {
    browser.runtime.onInstalled.addListener(() => {
      // An update keeps the menu of the version before: start from none, or the id would be a duplicate.
      void browser.contextMenus
        .removeAll()
        .then(() => browser.contextMenus.create({ id: MENU_ID, title: t('saveToLibrary'), contexts: ['page'] }))
        .catch(() => undefined);
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === MENU_ID) void saveMenu.saveTab(tab, deps);
    });
  },
};
