/**
 * Interface text through `browser.i18n` (`public/_locales/`). Message keys are
 * typed from the English catalogue, so a misspelt key fails `tsc`; the
 * catalogue itself is never bundled (unit tests stub `browser.i18n`,
 * tests/setup-i18n.ts).
 */
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

type I18n = { getMessage(key: string, substitutions?: string | string[]): string; getUILanguage(): string };

function extensionI18n(): I18n | null {
  const g = globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

/** Outside an extension, or with a test double that throws "not implemented", there is no answer. */
function safely(read: () => string | undefined): string | undefined {
  try {
    return read() || undefined;
  } catch {
    return undefined;
  }
}

/** The message in the interface's language; the key itself where the browser has none, so a gap shows rather than hides. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return safely(() => extensionI18n()?.getMessage(key, substitutions)) ?? key;
}

/**
 * A message whose key is built at run time (a plural variant, `lib/plural.ts`):
 * undefined where neither the language's catalogue nor English has it.
 */
export function optionalMessage(key: string, ...substitutions: string[]): string | undefined {
  return safely(() => extensionI18n()?.getMessage(key, substitutions));
}

/** 'rtl' when the browser's interface language is written right to left. */
export function uiDirection(): 'ltr' | 'rtl' {
  const lang = safely(() => extensionI18n()?.getUILanguage()) ?? (typeof navigator !== 'undefined' ? navigator.language : 'en');
  return /^(ar|fa|he|ur|ps|ckb)\b/i.test(lang) ? 'rtl' : 'ltr';
}
