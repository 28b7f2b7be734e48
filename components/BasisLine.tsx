import type { EntityBasis } from '../lib/engine/lookup';
import { t } from '../lib/i18n';
import { formatYearSpan } from './dates';
import { counted, formatCount } from './format';

/**
 * What the card rests on, in quiet lines: "From 3 of 5 articles in the
 * corpus, 2018 – 2020", and apart from it "Your library: 1 of 2 saved
 * articles" when the reader's own articles add to it. The span counts only
 * dated articles, and says so when some are undated; nothing at all when no
 * article names the entity.
 */
export function BasisLine({ basis }: { basis: EntityBasis }) {
  const lines: string[] = [];
  if (basis.articles > 0) {
    const of = [formatCount(basis.articles), counted('corpusArticles', basis.corpusArticles)];
    if (!basis.first || !basis.last) lines.push(t('basisAllUndated', ...of));
    else if (basis.undated > 0) lines.push(t('basisSomeUndated', ...of, formatYearSpan(basis.first, basis.last), formatCount(basis.undated)));
    else lines.push(t('basisDated', ...of, formatYearSpan(basis.first, basis.last)));
  }
  if (basis.library && basis.library.articles > 0) lines.push(t('basisLibrary', formatCount(basis.library.articles), counted('savedArticles', basis.library.saved)));
  return (
    <>
      {lines.map((text) => (
        <p key={text} class="iic-basis iic-muted">
          {text}
        </p>
      ))}
    </>
  );
}
