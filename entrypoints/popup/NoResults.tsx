import { EntityName } from '../../components/EntityName';
import { t } from '../../lib/i18n';

/** A search that found nothing, with the names it may have meant. */
export function NoResults({ query, closest, onPick }: { query: string; closest: string[]; onPick(name: string): void }) {
  return (
    <div id="search-empty" class="empty">
      <p>{t('noResults', query.trim())}</p>
      {closest.length > 0 && (
        <>
          <p class="iic-muted" id="closest-label">
            {t('closestNames')}
          </p>
          <ul class="chips" aria-labelledby="closest-label">
            {closest.map((name) => (
              <li key={name}>
                <button type="button" class="chip" data-closest={name} dir="auto" onClick={() => onPick(name)}>
                  <EntityName name={name} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
