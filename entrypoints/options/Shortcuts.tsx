import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Keys } from '../../components/ShortcutKeys';
import { type AssignedShortcuts, assignedShortcuts, effectiveShortcuts, type NameDirection } from '../../lib/commands';
import { type MessageKey, t } from '../../lib/i18n';

export interface ShortcutsApi {
  /** The keys the browser holds for the two commands. */
  read(): Promise<AssignedShortcuts>;
  /** Opens the browser's own page for changing extension shortcuts. */
  openBrowserSettings(): Promise<void>;
}

export const browserShortcutsApi: ShortcutsApi = {
  read: async () => assignedShortcuts(await browser.commands.getAll()),
  async openBrowserSettings() {
    // Firefox opens its "Manage Extension Shortcuts" page itself; Chrome has no such call, but lets an extension open its page.
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
    else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  },
};

const ROWS: { direction: NameDirection; label: MessageKey }[] = [
  { direction: 'next', label: 'shortcutNextName' },
  { direction: 'previous', label: 'shortcutPreviousName' },
];

/** The keyboard shortcuts as the browser has them now, and the way to change them there. */
export function Shortcuts({ api = browserShortcutsApi }: { api?: ShortcutsApi }) {
  const [assigned, setAssigned] = useState<AssignedShortcuts | null>(null);
  useEffect(() => {
    const read = () => api.read().then(setAssigned, () => undefined);
    read();
    // The reader changes them on the browser's page and comes back to this tab: show what they chose.
    const controller = new AbortController();
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'visible') read();
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }, [api]);
  const shortcuts = assigned && effectiveShortcuts(assigned);
  return (
    <section class="group" aria-labelledby="shortcuts-title" id="shortcuts" aria-busy={shortcuts === null}>
      <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
      {shortcuts && (
        <ul class="shortcut-list">
          {ROWS.map(({ direction, label }) => (
            <li key={direction} class="shortcut" data-direction={direction}>
              <Keys keys={shortcuts[direction].keys} /> {t(label)}
              {shortcuts[direction].inPage && <span class="iic-muted"> {t('shortcutInPage')}</span>}
            </li>
          ))}
        </ul>
      )}
      <p class="iic-muted">{t('shortcutsNotWhileTyping')}</p>
      <button type="button" class="button" id="change-shortcuts" onClick={() => void api.openBrowserSettings().catch(() => undefined)}>
        {t('shortcutsChange')}
      </button>
    </section>
  );
}
