import type { EntityBasis } from '../lib/engine/lookup';
import { t } from '../lib/i18n';
import { formatYearSpan } from './dates';
import { formatCount } from './format';

/**
 * What the card rests on, in one quiet line: "From 3 of 5 articles in the
 * corpus, 2018 – 2020". The span counts only dated articles, and says so when
 * some are undated; nothing at all when no article names the entity.
 */
export function BasisLine({ basis }: { basis: EntityBasis }) {
  if (basis.articles === 0) return null;
  const of = [formatCount(basis.articles), formatCount(basis.corpusArticles)];
  let text: string;
  if (!basis.first || !basis.last) text = t('basisAllUndated', ...of);
  else if (basis.undated > 0) text = t('basisSomeUndated', ...of, formatYearSpan(basis.first, basis.last), formatCount(basis.undated));
  else text = t('basisDated', ...of, formatYearSpan(basis.first, basis.last));
  return <p class="iic-basis iic-muted">{text}</p>;
}
