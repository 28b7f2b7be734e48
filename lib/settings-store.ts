/** Settings in `browser.storage.local`, read through the validator. */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, NOTICE_KEY, type ReadSettings, SETTINGS_KEY, type Settings, readSettings } from './settings';

export async function loadSettings(): Promise<ReadSettings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    const read = readSettings(stored[SETTINGS_KEY]);
    if (read.notice) {
      // Repair once and remember to tell the reader, so the notice shows a single time.
      await browser.storage.local.set({ [SETTINGS_KEY]: read.settings, [NOTICE_KEY]: read.notice });
    }
    return read;
  } catch {
    return { settings: DEFAULT_SETTINGS, notice: null };
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** The pending notice, cleared as it is read. */
export async function takeSettingsNotice(): Promise<string | null> {
  const stored = await browser.storage.local.get(NOTICE_KEY);
  const notice = stored[NOTICE_KEY];
  if (typeof notice !== 'string') return null;
  await browser.storage.local.remove(NOTICE_KEY);
  return notice;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY].newValue).settings);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
