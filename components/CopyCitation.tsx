import { useEffect, useState } from 'preact/hooks';
import { type Citation, formatCitation, originalUrl } from '../lib/citation';
import { copyCitation } from '../lib/clipboard';
import type { StatementView } from '../lib/engine/lookup';
import { t } from '../lib/i18n';
import { formatIsoDate } from './dates';
import { formatList } from './format';
import { shownText, speakersOf } from './statement-words';

/**
 * The citation of a statement in the interface's words (its dates, list
 * commas), leaving out what the corpus does not know: no outlet, no date, and
 * no headline for an article whose text gives none — its opening is cited as
 * an opening, not as a title.
 */
export function citationOf(statement: StatementView): Citation {
  const speakers = speakersOf(statement);
  const { article } = statement;
  return formatCitation(
    {
      sentence: shownText(statement),
      speakers: speakers.map((s) => s.name),
      headline: article.titleFromLead ? null : article.title,
      opening: article.titleFromLead ? t('citationOpening', article.title) : null,
      outlet: article.outlet,
      date: article.date ? formatIsoDate(article.date.iso, 'long') : null,
      url: originalUrl(article),
    },
    formatList,
  );
}

const CONFIRM_MS = 2500;

/** "Copy with citation": the statement, who said it and where, on the clipboard; the result is said aloud. */
export function CopyCitation({ statement, describedBy }: { statement: StatementView; describedBy: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  return (
    <>
      <button
        type="button"
        class="iic-link"
        aria-describedby={describedBy}
        data-copy-citation=""
        onClick={async () => setOutcome((await copyCitation(citationOf(statement))) ? 'copied' : 'failed')}
      >
        {t('copyCitation')}
      </button>
      <span class="iic-copy-status" aria-live="polite">
        {outcome === 'copied' ? t('citationCopied') : outcome === 'failed' ? t('citationCopyFailed') : ''}
      </span>
    </>
  );
}
