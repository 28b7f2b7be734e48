import { t } from '../lib/i18n';

/**
 * The language of the words the interface shows. Taken from the catalogue
 * itself, so a page is tagged with the language it actually falls back to, not
 * the browser's (which may have no catalogue yet).
 */
export function uiLang(): string {
  return t('uiLang');
}
