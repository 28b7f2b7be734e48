import { useState } from 'preact/hooks';
import { EntityName, entityNameText } from '../../components/EntityName';
import { Skeleton } from '../../components/Skeleton';
import { t } from '../../lib/i18n';
import type { PageName } from '../../lib/messages';
import type { PopupApi } from './api';
import { EntityDetails } from './EntityDetails';
import type { PageStatus } from './page-state';
import { counted, formatCount } from '../../components/format';

interface Props {
  api: PopupApi;
  page: PageStatus;
  /** The options' global switch is off: no page is underlined, whatever this one could say. */
  offEverywhere: boolean;
  onTurnOnEverywhere(): void;
  onOpen(article: string, statement?: string): void;
}

/** "On this page": the names the content script underlined, most mentioned first. */
export function PageNames({ api, page, offEverywhere, onTurnOnEverywhere, onOpen }: Props) {
  const state = offEverywhere
    ? 'off-everywhere'
    : page.status !== 'ready'
      ? page.status
      : !page.page.enabled
        ? 'off'
        : page.page.names.length === 0
          ? 'empty'
          : 'ready';
  return (
    <section id="page-names" class="section" aria-labelledby="page-names-title" data-state={state}>
      <h2 id="page-names-title">{t('onThisPage')}</h2>
      {state === 'off-everywhere' && (
        <div class="off-everywhere">
          <p class="empty">{t('offEverywhere')}</p>
          <button type="button" id="turn-on-everywhere" class="turn-on" onClick={onTurnOnEverywhere}>
            {t('turnOnEverywhere')}
          </button>
        </div>
      )}
      {state === 'loading' && <Skeleton lines={3} />}
      {state === 'unreadable' && <p class="empty">{t('pageUnreadable')}</p>}
      {page.status === 'ready' && state === 'off' && <p class="empty">{t('pageOff', page.page.host)}</p>}
      {page.status === 'ready' && state === 'empty' && <p class="empty">{t('pageNoNames')}</p>}
      {page.status === 'ready' && state === 'ready' && (
        <ul class="names">
          {[...page.page.names]
            .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
            .map((name) => (
              <PageNameItem key={name.id} api={api} name={name} onOpen={onOpen} />
            ))}
        </ul>
      )}
    </section>
  );
}

function PageNameItem({ api, name, onOpen }: { api: PopupApi; name: PageName; onOpen: Props['onOpen'] }) {
  const [open, setOpen] = useState(false);
  // Ids come from our own entity table (slugs), so they are safe inside an id attribute.
  const panelId = `page-name-${name.id}`;
  return (
    <li class="name" data-entity={name.id}>
      <div class="name-row">
        <button type="button" class="name-reveal" data-reveal={name.id} title={t('revealHint')} onClick={() => void api.revealMention(name.id).catch(() => false)}>
          <EntityName name={name.name} id={name.id} scripts={name.scripts} />
          <span class="iic-visually-hidden">{t('revealSuffix')}</span>
        </button>
        <span class="name-count">
          <span aria-hidden="true">{t('countShort', formatCount(name.count))}</span>
          <span class="iic-visually-hidden">{counted('countOnPage', name.count)}</span>
        </span>
        <button type="button" class="name-expand" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {t('statementsToggle')}
          <span class="iic-visually-hidden"> {t('aboutName', entityNameText(name.name, name.scripts))}</span>
          <span class="chevron" aria-hidden="true" />
        </button>
      </div>
      <div id={panelId} class="name-panel" hidden={!open}>
        {open && <EntityDetails api={api} id={name.id} onOpen={onOpen} />}
      </div>
    </li>
  );
}
