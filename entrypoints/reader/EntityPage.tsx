import { useEffect, useState } from 'preact/hooks';
import { BasisLine } from '../../components/BasisLine';
import { Counts } from '../../components/Counts';
import { EntityName, entityNameText } from '../../components/EntityName';
import { entityTypeLabel } from '../../components/entity-type';
import { formatCount } from '../../components/format';
import { RoleList } from '../../components/RoleList';
import { Skeleton } from '../../components/Skeleton';
import { StatementList } from '../../components/StatementList';
import { Timeline } from '../../components/Timeline';
import type { EntityView, StatementView } from '../../lib/engine/lookup';
import { t } from '../../lib/i18n';
import type { TimelinePoint } from '../../lib/messages';
import type { ReaderApi } from './api';
import { articleHref } from './hash';

type Loaded = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; entity: EntityView; timeline: TimelinePoint[] };
type Filter = 'all' | 'said' | 'about';

/**
 * Everything the corpus says by and about one entity — what the card's "All N
 * statements" opens: its roles, the timeline, and every statement, filtered to
 * quotes or mentions. A statement's link opens its article in this same reader.
 */
export function EntityPage({ api, id }: { api: ReaderApi; id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [filter, setFilter] = useState<Filter>('all');
  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    setFilter('all');
    Promise.all([api.lookupEntity(id), api.timeline(id)]).then(
      ([entity, timeline]) => live && setLoaded(entity ? { status: 'ready', entity, timeline } : { status: 'missing' }),
      () => live && setLoaded({ status: 'missing' }),
    );
    return () => {
      live = false;
    };
  }, [api, id]);
  useEffect(() => {
    if (loaded.status === 'ready') document.title = t('entityPageTitle', entityNameText(loaded.entity.name, loaded.entity.aliases));
  }, [loaded]);

  if (loaded.status === 'loading') return <Skeleton lines={8} />;
  if (loaded.status === 'missing') return <p>{t('entityPageMissing')}</p>;
  const { entity, timeline } = loaded;
  const open = (article: string, statement?: string) => {
    location.hash = articleHref(article, statement);
  };
  // Quotes: the name's words in full, inside someone else's statement, or in fragments.
  const quoting = (s: StatementView) => s.relation === 'said' || s.relation === 'quoted' || s.relation === 'partial';
  const shown = filter === 'all' ? entity.statements : entity.statements.filter((s) => (filter === 'said' ? quoting(s) : !quoting(s)));
  const counts: Record<Filter, number> = { all: entity.statements.length, said: entity.counts.said + entity.counts.partial, about: entity.counts.about };
  const labels = { all: 'filterAll', said: 'filterSaid', about: 'filterAbout' } as const satisfies Record<Filter, string>;
  return (
    <article class="entity-page" data-entity={entity.id}>
      <header class="article-head">
        <h1 dir="auto">
          <EntityName name={entity.name} scripts={entity.aliases} />
        </h1>
        <p class="byline">{entityTypeLabel(entity.type)}</p>
      </header>
      <RoleList roles={entity.roles} onOpen={open} />
      <Counts said={entity.counts.said} partial={entity.counts.partial} about={entity.counts.about} />
      <BasisLine basis={entity.basis} />
      <Timeline points={timeline} name={entityNameText(entity.name, entity.aliases)} />
      <fieldset class="statement-filter">
        <legend>{t('filterLegend')}</legend>
        {(['all', 'said', 'about'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="statement-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
            {t(labels[value], formatCount(counts[value]))}
          </label>
        ))}
      </fieldset>
      <StatementList statements={shown} onOpen={open} label={t('statementsAbout', entityNameText(entity.name, entity.aliases))} subject={entity.id} />
    </article>
  );
}
