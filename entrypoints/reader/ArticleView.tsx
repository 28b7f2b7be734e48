import { LibraryMark } from '../../components/LibraryMark';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { SourcesText } from '../../components/SourcesText';
import { originalUrl } from '../../lib/citation';
import { t } from '../../lib/i18n';
import type { EntityType } from '../../lib/engine/types';
import type { ArticleWithStatements } from '../../lib/messages';
import { ArticleDateLine } from './ArticleDateLine';
import { type NameCardOptions, watchNameCards } from './name-cards';
import { Paragraph } from './Paragraph';

export type NameCards = Omit<NameCardOptions, 'root' | 'signal'>;

interface Props {
  data: ArticleWithStatements;
  target: string | null;
  /** The entity types underlined, as chosen in the options (places are off by default). */
  types: readonly EntityType[];
  cards: NameCards;
}

/** One corpus article, its names underlined (each opening its card) and the linked statement marked and scrolled to. */
export function ArticleView({ data, target, types, cards }: Props) {
  const { article, statements } = data;
  const mentions = data.mentions.filter((m) => types.includes(m.type));
  const root = useRef<HTMLElement>(null);
  const targetFound = target !== null && statements.some((s) => s.id === target);
  const original = originalUrl(article);

  // Before paint, so a name answers hover and focus from the moment it shows.
  useLayoutEffect(() => {
    if (!root.current) return;
    const stop = new AbortController();
    watchNameCards({ root: root.current, signal: stop.signal, ...cards });
    return () => stop.abort();
  }, [cards]);

  useEffect(() => {
    const marked = root.current?.querySelector<HTMLElement>('[data-statement][aria-current="true"]');
    if (!marked) return;
    const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    marked.scrollIntoView?.({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    // Focus too, so a screen reader starts reading at the statement the link was about.
    marked.focus({ preventScroll: true });
  }, [article.id, target]);

  return (
    <article ref={root} class="article" aria-labelledby="article-title" data-article={article.id}>
      <header class="article-head">
        <h1 id="article-title" dir="auto">
          {article.title}
        </h1>
        {article.titleFromLead && <p class="iic-muted title-note">{t('titleFromLead')}</p>}
        <p class="byline">
          <LibraryMark article={article} />
          <span class="outlet" dir={article.outlet ? 'auto' : undefined}>
            {article.outlet?.name ?? t('outletUnknown')}
          </span>
          <SourcesText sources={article.sources} publisher={article.outlet?.name ?? null} />
          <span aria-hidden="true"> · </span>
          <ArticleDateLine date={article.date} />
          {article.dateline && (
            <>
              <span aria-hidden="true"> · </span>
              <span class="dateline">
                <span class="iic-visually-hidden">{t('datelineLabel')} </span>
                <span dir="auto">{article.dateline}</span>
              </span>
            </>
          )}
          {original && (
            <>
              <span aria-hidden="true"> · </span>
              <a class="iic-link" id="original-link" href={original} target="_blank" rel="noopener noreferrer">
                {t('openOriginal')}
                <span aria-hidden="true"> ↗</span>
              </a>
            </>
          )}
        </p>
        {target !== null && !targetFound && <p class="notice">{t('statementMissing')}</p>}
      </header>
      <div class="article-body">
        {article.paragraphs.map((text, i) => (
          <Paragraph
            // Paragraphs never move within an article: the index is their identity.
            key={i}
            text={text}
            sentences={statements.filter((s) => s.paragraph === i)}
            mentions={mentions.filter((m) => m.paragraph === i)}
            target={target}
          />
        ))}
      </div>
      {article.credits.length > 0 && (
        <div class="credits iic-muted">
          {article.credits.map((line) => (
            <p key={line} dir="auto">
              {line}
            </p>
          ))}
        </div>
      )}
      {article.related.length > 0 && (
        <section class="related-headlines" aria-labelledby="related-headlines-title">
          <h2 id="related-headlines-title">{t('relatedHeadlines')}</h2>
          <ul>
            {article.related.map((headline) => (
              <li key={headline} dir="auto">
                {headline}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
