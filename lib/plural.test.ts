/**
 * Counted words in each interface language, from the real catalogues: English
 * and Persian have two plural forms (Persian's "one" covers 0 as well), Arabic
 * six. The browser is answered by the catalogue of the language under test.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { counted } from '../components/format';
import { catalogue, fakeI18n } from '../tests/fake-i18n';
import { pluralCategory } from './plural';

function inLanguage(locale: string): void {
  beforeEach(() => {
    Object.assign(fakeBrowser.i18n, fakeI18n(catalogue(locale), locale));
  });
}

describe('plural categories', () => {
  it('follow CLDR through Intl.PluralRules', () => {
    expect([0, 1, 2].map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other']);
    expect([0, 1, 2].map((n) => pluralCategory('fa', n))).toEqual(['one', 'one', 'other']);
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map((n) => pluralCategory('ar', n))).toEqual([
      'zero',
      'one',
      'two',
      'few',
      'few',
      'many',
      'many',
      'other',
      'other',
      'few',
      'many',
    ]);
  });
});

describe('English', () => {
  inLanguage('en');
  it('says one mention, never "1 mentions"', () => {
    expect(counted('countOnPage', 1)).toBe('1 mention on this page');
    expect(counted('countOnPage', 2)).toBe('2 mentions on this page');
    expect(counted('countOnPage', 0)).toBe('0 mentions on this page');
    expect([0, 1, 2].map((n) => counted('countQuotes', n))).toEqual(['0 quotes', '1 quote', '2 quotes']);
    expect(counted('corpusArticles', 1)).toBe('1 article in the corpus');
    expect(counted('libraryConfirmDeleteAll', 1)).toBe('Delete the 1 saved article?');
    expect(counted('libraryConfirmDeleteAll', 1200)).toBe('Delete all 1,200 saved articles?');
  });
});

describe('Persian', () => {
  inLanguage('fa');
  it('counts in Persian digits with the noun in the singular, as Persian does after a number', () => {
    expect([0, 1, 2, 12].map((n) => counted('countMentions', n))).toEqual(['۰ اشاره', '۱ اشاره', '۲ اشاره', '۱۲ اشاره']);
    expect(counted('countOnPage', 3)).toBe('۳ اشاره در این صفحه');
    // Deleting one is "is deleted", several "are deleted".
    expect(counted('libraryConfirmDeleteAll', 1)).toBe('۱ مقالهٔ ذخیره‌شده حذف شود؟');
    expect(counted('libraryConfirmDeleteAll', 4)).toBe('همهٔ ۴ مقالهٔ ذخیره‌شده حذف شوند؟');
  });
});

describe('Arabic', () => {
  inLanguage('ar');
  // Arabic's digits as this ICU writes them (CLDR now gives "ar" Latin digits; older data, Arabic-Indic ones).
  const d = (n: number) => new Intl.NumberFormat('ar').format(n);
  it('has six forms: none, one, two (the dual), 3–10 (plural), 11–99 (singular, accusative) and 100 (singular)', () => {
    const forms = [0, 1, 2, 3, 11, 100].map((n) => counted('countMentions', n));
    expect(forms).toEqual(['لا إشارات', 'إشارة واحدة', 'إشارتان', `${d(3)} إشارات`, `${d(11)} إشارةً`, `${d(100)} إشارة`]);
    expect([0, 1, 2, 5, 25, 102].map((n) => counted('countQuotes', n))).toEqual(['لا اقتباسات', 'اقتباس واحد', 'اقتباسان', `${d(5)} اقتباسات`, `${d(25)} اقتباسًا`, `${d(102)} اقتباس`]);
    expect(counted('countOnPage', 2)).toBe('إشارتان في هذه الصفحة');
    expect(counted('countOnPage', 103)).toBe(`${d(103)} إشارات في هذه الصفحة`);
  });
  it('writes the number out where the form names it, in every counted message', () => {
    for (const message of ['countQuotes', 'countMentions', 'countPartial', 'countOnPage', 'corpusArticles', 'savedArticles', 'statementCount', 'nameCount', 'articleCount', 'libraryConfirmDeleteAll'] as const) {
      const forms = [0, 1, 2, 3, 11, 100].map((n) => counted(message, n));
      expect(new Set(forms).size, `${message}: ${forms.join(' | ')}`).toBeGreaterThanOrEqual(5);
      expect(forms[1], message).not.toMatch(/[0-9٠-٩]/);
      expect(forms[2], message).not.toMatch(/[0-9٠-٩]/);
      expect(forms[3], message).toContain(d(3));
    }
  });
});
