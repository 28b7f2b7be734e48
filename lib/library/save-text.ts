/** What the reader is told after asking to save: the same words in the popup and on the toolbar button's tooltip. */
import { t } from '../i18n';
import type { SaveOutcome } from '../messages';

export function saveOutcomeText(outcome: SaveOutcome): string {
  if (outcome.saved) return outcome.duplicate ? t('savedDuplicate') : outcome.updated ? t('savedAgain') : outcome.offPages ? t('savedOffPages') : t('savedToLibrary');
  const reasons = { 'private-window': 'saveRefusedPrivate', 'not-an-article': 'saveRefusedNotArticle', 'too-big': 'saveRefusedTooBig', 'off-topic': 'saveRefusedOffTopic', 'storage-full': 'saveRefusedFull', 'no-page': 'saveRefusedNoPage' } as const;
  return t(reasons[outcome.reason]);
}
