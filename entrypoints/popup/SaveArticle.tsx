import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { saveOutcomeText } from '../../lib/library/save-text';
import type { SaveOutcome } from '../../lib/messages';
import type { PopupApi } from './api';
import type { PageStatus } from './page-state';

/**
 * "Save to my library" for the page in the tab. The background does the work
 * (the same as the context menu and the keyboard command); a private window's
 * page is never saved, and the button says so before anyone presses it.
 */
/** `onSaved`: the page's names may have changed (the saved article's people are now underlined on it too). */
export function SaveArticle({ api, page, onSaved }: { api: PopupApi; page: PageStatus; onSaved: () => void }) {
  const [state, setState] = useState<'idle' | 'saving' | SaveOutcome>('idle');
  if (page.status !== 'ready') return null;
  const isPrivate = page.page.private;
  const save = (anyway = false) => {
    setState('saving');
    api.saveArticle(anyway).then(
      (outcome) => {
        setState(outcome);
        if (outcome.saved) onSaved();
      },
      () => setState({ saved: false, reason: 'no-page' }),
    );
  };
  const outcome = typeof state === 'object' ? state : null;
  const offTopic = outcome?.saved === false && outcome.reason === 'off-topic';
  return (
    <section class="save-article" aria-labelledby="save-article-button">
      <button type="button" id="save-article-button" class="iic-button" disabled={isPrivate || state === 'saving'} aria-describedby="save-article-status" onClick={() => save()}>
        {t('saveToLibrary')}
      </button>
      <p id="save-article-status" class="iic-muted" role="status" aria-labelledby="save-article-button" data-outcome={outcome ? (outcome.saved ? 'saved' : outcome.reason) : undefined}>
        {isPrivate ? t('saveRefusedPrivate') : state === 'saving' ? t('saving') : outcome ? saveOutcomeText(outcome) : ''}
      </p>
      {offTopic && (
        <p class="save-anyway">
          <button type="button" id="save-anyway-button" class="iic-button" aria-describedby="save-anyway-note" onClick={() => save(true)}>
            {t('saveAnyway')}
          </button>
          <span id="save-anyway-note" class="iic-muted">
            {t('saveAnywayNote')}
          </span>
        </p>
      )}
    </section>
  );
}
