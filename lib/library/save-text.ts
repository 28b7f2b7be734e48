/** What the reader is told after asking to save (the same words in the popup and on the toolbar button's tooltip) or importing. */
import { counted, formatCount } from '../../components/format';
import { t } from '../i18n';
import type { SaveOutcome } from '../messages';
import type { ImportOutcome } from './transfer';

export function saveOutcomeText(outcome: SaveOutcome): string {
  if (outcome.saved) return outcome.duplicate ? t('savedDuplicate') : outcome.updated ? t('savedAgain') : outcome.offPages ? t('savedOffPages') : t('savedToLibrary');
  const reasons = { 'private-window': 'saveRefusedPrivate', 'not-an-article': 'saveRefusedNotArticle', 'too-big': 'saveRefusedTooBig', 'off-topic': 'saveRefusedOffTopic', 'storage-full': 'saveRefusedFull', 'no-page': 'saveRefusedNoPage' } as const;
  return t(reasons[outcome.reason]);
}

/** What the options page says after an import. */
export function importOutcomeText(outcome: ImportOutcome): string {
  if (outcome.imported) return t('libraryImported', counted('articleCount', outcome.articles), formatCount(outcome.added), formatCount(outcome.updated), formatCount(outcome.merged));
  return 'cancelled' in outcome ? t('libraryImportCancelled') : t('libraryImportRefused', outcome.file, outcome.problem);
}
