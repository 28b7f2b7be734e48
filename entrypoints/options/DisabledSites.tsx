import { t } from '../../lib/i18n';

/** Sites where the popup's switch turned underlining off, each with a way to turn it back on. */
export function DisabledSites({ sites, onRemove }: { sites: string[]; onRemove(host: string): void }) {
  return (
    <section class="group" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      {sites.length === 0 ? (
        <p class="iic-muted" id="disabled-sites-empty">
          {t('sitesNone')}
        </p>
      ) : (
        <ul id="disabled-sites" class="sites">
          {sites.map((host) => (
            <li key={host} data-site={host}>
              <span class="site-host" dir="ltr">
                {host}
              </span>
              <button type="button" class="button" aria-label={t('siteRemoveLabel', host)} onClick={() => onRemove(host)}>
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
