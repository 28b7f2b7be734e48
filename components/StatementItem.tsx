import { useId } from 'preact/hooks';
import type { StatementView } from '../lib/engine/lookup';
import { originalUrl } from '../lib/citation';
import { t } from '../lib/i18n';
import { CopyCitation } from './CopyCitation';
import { DateText } from './DateText';
import { LibraryMark } from './LibraryMark';
import { Message } from './Message';
import { QuotedText } from './QuotedText';
import { SourcesText } from './SourcesText';
import { shownText, speakersOf } from './statement-words';
import { EntityName } from './EntityName';
import { InferredAttribution } from './InferredAttribution';
import { ListOf } from './ListOf';

export interface StatementItemProps {
  statement: StatementView;
  onOpen(articleId: string, statementId: string): void;
  /** The entity whose list this is: its own quote is marked by the badge, and "said by" it would only repeat the heading. */
  subject?: string;
}

/**
 * One sentence from the corpus with what a reader needs to cite it: who said
 * it, the article's headline, publisher (and the outlets it cites), date, and
 * the way to the original where the corpus knows its address.
 */
export function StatementItem({ statement, onOpen, subject }: StatementItemProps) {
  const textId = useId();
  const { relation, voice } = statement;
  const said = relation === 'said' || relation === 'quoted' || relation === 'partial';
  const original = originalUrl(statement.article);
  // A speaker the text only points back to is shown by the inferred mark, with its cue, not as "said by".
  const stated = speakersOf(statement).filter((s) => statement.quotes.some((q) => q.speaker?.id === s.id && q.confidence !== 'inferred'));
  const speakers = stated.length === 1 && stated[0].id === subject ? [] : stated;
  return (
    <li
      class={said ? 'iic-statement iic-statement-said' : 'iic-statement'}
      data-statement={statement.id}
      data-relation={relation}
      data-origin={statement.article.origin}
    >
      <p class="iic-statement-text" id={textId}>
        {said && <span class="iic-badge">{t(relation === 'partial' ? 'partialQuoteBadge' : 'quoteBadge')}</span>}
        <span dir="auto">{said ? <QuotedText text={shownText(statement)} quotes={statement.quotes} /> : statement.text}</span>
      </p>
      <p class="iic-statement-meta">
        {said && <InferredAttribution quotes={statement.quotes} />}
        {speakers.length > 0 && (
          <>
            <span class="iic-speaker">
              <Message id="saidBy" args={[<ListOf key="s" items={speakers.map((s) => <EntityName key={s.id} id={s.id} name={s.name} />)} />]} />
            </span>
            <span aria-hidden="true"> · </span>
          </>
        )}
        {relation === 'quoted' && voice && (
          <>
            <span class="iic-voice">
              <Message id="quotedInStatementBy" args={[<EntityName key="v" id={voice.id} name={voice.name} />]} />
            </span>
            <span aria-hidden="true"> · </span>
          </>
        )}
        <LibraryMark article={statement.article} />
        <span class="iic-outlet" dir={statement.article.outlet ? 'auto' : undefined}>
          {statement.article.outlet ?? t('outletUnknown')}
        </span>
        <SourcesText sources={statement.article.sources} publisher={statement.article.outlet} />
        <span aria-hidden="true"> · </span>
        <DateText date={statement.article.date} />
      </p>
      <p class="iic-statement-meta iic-statement-source">
        {statement.article.titleFromLead ? (
          // The engine's shortening of the first sentence, said to be so: the article's headline is not known.
          <span class="iic-opening">
            <Message id="articleOpening" args={[<bdi key="o">{statement.article.title}</bdi>]} />
          </span>
        ) : (
          <cite class="iic-headline" dir="auto">
            {statement.article.title}
          </cite>
        )}
      </p>
      <p class="iic-statement-actions">
        <button type="button" class="iic-link" aria-describedby={textId} onClick={() => onOpen(statement.article.id, statement.id)}>
          {t('openInReader')}
        </button>
        {original && (
          <a class="iic-link" href={original} target="_blank" rel="noopener noreferrer" aria-describedby={textId}>
            {t('openOriginal')}
            <span aria-hidden="true"> ↗</span>
          </a>
        )}
        <CopyCitation statement={statement} describedBy={textId} />
      </p>
    </li>
  );
}
