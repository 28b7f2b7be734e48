import { useEffect, useState } from 'preact/hooks';
import { Counts } from '../../components/Counts';
import { entityNameText } from '../../components/EntityName';
import { RoleList } from '../../components/RoleList';
import { Skeleton } from '../../components/Skeleton';
import { StatementList } from '../../components/StatementList';
import { Timeline } from '../../components/Timeline';
import type { EntityView } from '../../lib/engine/lookup';
import { t } from '../../lib/i18n';
import type { TimelinePoint } from '../../lib/messages';
import type { PopupApi } from './api';

const STATEMENTS_SHOWN = 6;

type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'ready'; entity: EntityView; timeline: TimelinePoint[] };

/** A name opened up: its roles, how often the corpus has it over time, and what it said or was said of it. */
export function EntityDetails({ api, id, onOpen }: { api: PopupApi; id: string; onOpen(article: string, statement?: string): void }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    Promise.all([api.lookup(id, STATEMENTS_SHOWN), api.timeline(id)]).then(
      ([entity, timeline]) => live && setLoaded(entity ? { status: 'ready', entity, timeline } : { status: 'error' }),
      () => live && setLoaded({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [api, id]);

  return (
    <div class="details" aria-busy={loaded.status === 'loading'} data-status={loaded.status}>
      {loaded.status === 'loading' && <Skeleton lines={5} />}
      {loaded.status === 'error' && <p>{t('detailsError')}</p>}
      {loaded.status === 'ready' && (
        <>
          <RoleList roles={loaded.entity.roles.slice(0, 2)} onOpen={onOpen} />
          <Counts said={loaded.entity.counts.said} partial={loaded.entity.counts.partial} about={loaded.entity.counts.about} />
          <Timeline points={loaded.timeline} name={entityNameText(loaded.entity.name, loaded.entity.aliases)} />
          {loaded.entity.statements.length > 0 ? (
            <StatementList
              statements={loaded.entity.statements}
              onOpen={onOpen}
              label={t('statementsAbout', entityNameText(loaded.entity.name, loaded.entity.aliases))}
              subject={loaded.entity.id}
            />
          ) : (
            <p class="iic-muted">{t('noStatements')}</p>
          )}
        </>
      )}
    </div>
  );
}
