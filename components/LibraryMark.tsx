import type { ArticleRef } from '../lib/engine/lookup';
import { t } from '../lib/i18n';

/** "Your library" beside an article the reader saved, so it is never taken for one of the corpus's. */
export function LibraryMark({ article }: { article: Pick<ArticleRef, 'origin'> }) {
  if (article.origin !== 'library') return null;
  return (
    <>
      <span class="iic-badge iic-badge-library" data-origin="library">
        {t('yourLibrary')}
      </span>{' '}
    </>
  );
}
