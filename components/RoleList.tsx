import type { EntityView } from '../lib/engine/lookup';
import { t } from '../lib/i18n';
import { formatIsoDate } from './dates';
import { Message } from './Message';

/**
 * Roles in the corpus's own words, each with the date of the article that
 * states it. The date is the article's, not the role's: "Iran's top general"
 * in an article of April 2020 about a man killed that January was not his role
 * "as of" April, so the card says how an article of that date described him.
 */
export function RoleList({ roles, onOpen }: { roles: EntityView['roles']; onOpen(articleId: string, statementId: string): void }) {
  if (roles.length === 0) return null;
  return (
    <ul class="iic-roles">
      {roles.map((role) => (
        <li key={`${role.statement}|${role.text}`}>
          <button type="button" class="iic-link" dir="auto" title={t('roleSource', role.article.title)} onClick={() => onOpen(role.article.id, role.statement)}>
            {role.text}
          </button>{' '}
          <span class="iic-muted">
            {role.article.date ? (
              <Message
                id="roleDescribedOn"
                args={[
                  <time key="d" dateTime={role.article.date.iso}>
                    {formatIsoDate(role.article.date.iso)}
                  </time>,
                ]}
              />
            ) : (
              t('roleDescribedUndated')
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
