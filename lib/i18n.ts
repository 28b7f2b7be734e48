/**
 * Interface text through `browser.i18n` (`public/_locales/`). Outside an
 * extension (unit tests) the English catalogue is read directly, so components
 * render real words, never message keys.
 */
import english from '../public/_locales/en/messages.json' with { type: 'json' };

type Catalogue = Record<string, { message: string }>;
type I18n = { getMessage(key: string, substitutions?: string | string[]): string; getUILanguage(): string };

function extensionI18n(): I18n | null {
  const g = globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

/** Test doubles of `browser.i18n` may throw "not implemented": the catalogue answers instead. */
function safely(read: () => string | undefined): string | undefined {
  try {
    return read() || undefined;
  } catch {
    return undefined;
  }
}

export function t(key: string, ...substitutions: string[]): string {
  const fromBrowser = safely(() => extensionI18n()?.getMessage(key, substitutions));
  if (fromBrowser) return fromBrowser;
  const entry = (english as Catalogue)[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n) => substitutions[Number(n) - 1] ?? '');
}

/** 'rtl' when the browser's interface language is written right to left. */
export function uiDirection(): 'ltr' | 'rtl' {
  const lang = safely(() => extensionI18n()?.getUILanguage()) ?? (typeof navigator !== 'undefined' ? navigator.language : 'en');
  return /^(ar|fa|he|ur|ps|ckb)\b/i.test(lang) ? 'rtl' : 'ltr';
}
