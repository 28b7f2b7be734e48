import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';

type PageSwitches = Pick<Settings, 'libraryNamesOnPages' | 'firstMentionOnly'>;

/**
 * What web pages show: the library's names (a page can read what is
 * underlined, so a reader may keep them out of its sight) and how often a
 * name is underlined.
 */
export function PageOptions({ settings, onChange }: { settings: PageSwitches; onChange(next: PageSwitches): void }) {
  return (
    <fieldset class="group">
      <legend>{t('pagesLegend')}</legend>
      <label class="check">
        <input
          id="opt-library-on-pages"
          type="checkbox"
          checked={settings.libraryNamesOnPages}
          aria-describedby="opt-library-on-pages-help"
          onChange={(e) => onChange({ ...settings, libraryNamesOnPages: e.currentTarget.checked })}
        />
        {t('libraryOnPagesLabel')}
      </label>
      <p id="opt-library-on-pages-help" class="iic-muted help check-help">
        {t('libraryOnPagesHelp')}
      </p>
      <label class="check">
        <input id="opt-first-mention" type="checkbox" checked={settings.firstMentionOnly} onChange={(e) => onChange({ ...settings, firstMentionOnly: e.currentTarget.checked })} />
        {t('firstMentionLabel')}
      </label>
    </fieldset>
  );
}
