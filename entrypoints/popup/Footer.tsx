import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';

interface Props {
  /** The active page's host, when its content script answered. */
  host: string | null;
  settings: Settings | null;
  onToggleSite(on: boolean): void;
  onOptions(): void;
}

/** The per-site switch and the way to the options page. */
export function Footer({ host, settings, onToggleSite, onOptions }: Props) {
  const on = host !== null && settings !== null && !settings.disabledSites.includes(host);
  // While the global switch is off, this site's switch would change nothing a reader could see:
  // the page's section says so and offers to turn underlining back on instead.
  const offEverywhere = settings !== null && !settings.enabled;
  return (
    <footer class="footer">
      {host !== null && !offEverywhere && (
        <div class="site">
          <label class="switch">
            <input id="site-switch" type="checkbox" role="switch" checked={on} aria-checked={on} disabled={settings === null} onChange={(e) => onToggleSite(e.currentTarget.checked)} />
            <span class="switch-track" aria-hidden="true" />
            <span class="switch-label">{t('underlineOnSite', host)}</span>
          </label>
        </div>
      )}
      <button type="button" id="open-options" class="iic-link footer-options" onClick={onOptions}>
        {t('openOptions')}
      </button>
    </footer>
  );
}
