import type { NameDirection, Shortcut } from '../lib/commands';
import type { EntityView } from '../lib/engine/lookup';
import { t, uiDirection } from '../lib/i18n';
import { BasisLine } from './BasisLine';
import { Counts, countsText } from './Counts';
import { EntityName, entityNameText } from './EntityName';
import { entityTypeLabel } from './entity-type';
import { formatCount } from './format';
import { RoleList } from './RoleList';
import { ShortcutHint } from './ShortcutKeys';
import { Skeleton } from './Skeleton';
import { StatementList } from './StatementList';
import { uiLang } from './ui-lang';

export type EntityCardState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; entity: EntityView };

export interface EntityCardProps {
  state: EntityCardState;
  onOpen(articleId: string, statementId?: string): void;
  onClose(): void;
  /** The name as the page wrote it, to label the card before the lookup answers. */
  name?: string;
  /** Statements shown; the rest are a click away in the reader. */
  limit?: number;
  /** Opens every statement about the entity (the reader's entity page); without it the card offers no such link. */
  onOpenAll?(entityId: string): void;
  /** The keys for the next and previous name, shown in the footer (omitted where no keyboard navigation exists). */
  shortcuts?: Record<NameDirection, Shortcut> | null;
}

/**
 * The hover card. Rendered into a closed shadow root on arbitrary pages, so it
 * is the root's first element and carries its own theme, font and direction.
 * Keep it mounted while the state changes: the status line is a live region and
 * only announces changes to a region that already exists.
 */
export function EntityCard({ state, onOpen, onClose, name, limit = 4, shortcuts, onOpenAll }: EntityCardProps) {
  const entity = state.status === 'ready' ? state.entity : null;
  const title = entity ? entityNameText(entity.name, entity.aliases) : name;
  const allLink = entity && onOpenAll && <AllStatementsLink entity={entity} onOpenAll={onOpenAll} />;
  const status = entity
    ? t('cardReady', title ?? entity.name, countsText(entity.counts.said, entity.counts.about, entity.counts.partial))
    : t(state.status === 'loading' ? 'cardLoading' : 'cardError');
  return (
    <div
      class="iic-theme iic-card"
      role="dialog"
      aria-label={title ? t('cardLabel', title) : t('cardLabelUnnamed')}
      data-status={state.status}
      data-entity={entity?.id}
      dir={uiDirection()}
      lang={uiLang()}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="iic-card-head">
        {title ? (
          <h2 class="iic-card-name" dir="auto">
            {entity ? <EntityName name={entity.name} scripts={entity.aliases} /> : title}
          </h2>
        ) : (
          <span class="iic-card-name" />
        )}
        <button type="button" class="iic-card-close" aria-label={t('close')} title={t('close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class={entity ? 'iic-visually-hidden' : 'iic-card-status'} aria-live="polite">
        {status}
      </p>
      <div class="iic-card-body" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <Skeleton lines={4} />}
        {entity && <CardBody entity={entity} onOpen={onOpen} limit={limit} label={t('statementsAbout', title ?? entity.name)} />}
      </div>
      {(shortcuts || allLink) && (
        <footer class="iic-card-foot">
          {allLink}
          {shortcuts && <ShortcutHint shortcuts={shortcuts} />}
        </footer>
      )}
    </div>
  );
}

function CardBody({ entity, onOpen, limit, label }: { entity: EntityView; onOpen: EntityCardProps['onOpen']; limit: number; label: string }) {
  return (
    <>
      {/* One line of facts ("Person · 5 quotes · 3 mentions"), so the statements start high in the card. */}
      <Counts lead={entityTypeLabel(entity.type)} said={entity.counts.said} partial={entity.counts.partial} about={entity.counts.about} />
      <RoleList roles={entity.roles.slice(0, 3)} onOpen={onOpen} />
      <BasisLine basis={entity.basis} />
      {entity.statements.length > 0 ? (
        <StatementList statements={entity.statements.slice(0, limit)} onOpen={onOpen} label={label} subject={entity.id} />
      ) : (
        <p class="iic-muted">{t('noStatements')}</p>
      )}
    </>
  );
}

/** "All 9 statements →": the card shows a few; this says how many there are, and opens them all. */
function AllStatementsLink({ entity, onOpenAll }: { entity: EntityView; onOpenAll(entityId: string): void }) {
  const total = entity.counts.said + entity.counts.partial + entity.counts.about;
  if (total === 0) return null;
  return (
    <p class="iic-all-statements">
      <button type="button" class="iic-link" onClick={() => onOpenAll(entity.id)}>
        {t('allStatements', formatCount(total))}
        <span aria-hidden="true">{uiDirection() === 'rtl' ? ' ←' : ' →'}</span>
      </button>
    </p>
  );
}
