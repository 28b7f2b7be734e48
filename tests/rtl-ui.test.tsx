/** @vitest-environment happy-dom */
/**
 * The interface in a right-to-left language: `browser.i18n` answers from the
 * Persian (or Arabic) catalogue, as Chrome does for a Persian browser. The
 * extension's pages and the hover card must turn right to left and speak the
 * language, while corpus text (English statements, names, titles) keeps its
 * own direction through dir="auto".
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { EntityCard, type EntityCardState } from '../components/EntityCard';
import { Timeline } from '../components/Timeline';
import { expectNoSeriousAxeViolations } from '../components/test-support';
import { articleHandler, listArticlesHandler, lookupHandler, timelineHandler } from '../lib/background/handlers';
import { pluralCategory } from '../lib/plural';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../lib/settings';
import { App as PopupApp } from '../entrypoints/popup/App';
import { fakePopupApi } from '../entrypoints/popup/fake-api';
import { OptionsApp } from '../entrypoints/options/App';
import type { ReaderApi } from '../entrypoints/reader/api';
import { ReaderApp } from '../entrypoints/reader/App';
import { type Catalogue, catalogue, fakeI18n } from './fake-i18n';
import { useUi } from './ui-language';
import { entityScripts } from '../lib/entity-scripts';
import { loadedSeedCorpus } from './seeds';

const fa = catalogue('fa');
const ar = catalogue('ar');
const en = catalogue('en');

const originalBrowser = (globalThis as { browser?: unknown }).browser;
const originalChrome = (globalThis as { chrome?: unknown }).chrome;
const m = (messages: Catalogue, key: string, ...subs: string[]) => fakeI18n(messages, '').getMessage(key, subs);
const corpus = loadedSeedCorpus();
const ready = (id: string): EntityCardState => ({ status: 'ready', entity: lookupHandler(corpus, id, 8)! });

/** The element is right to left and tagged with the language. */
function expectRtl(el: Element | null, lang: string): void {
  expect(el, 'root element').not.toBeNull();
  expect(el!.getAttribute('dir')).toBe('rtl');
  expect(el!.getAttribute('lang')).toBe(lang);
}

/** Corpus text keeps its own direction: the nearest element with a dir says auto (or ltr for hosts). */
function expectOwnDirection(el: Element, allowed: string[] = ['auto']): void {
  const holder = el.closest('[dir]');
  expect(holder, `no dir around "${el.textContent}"`).not.toBeNull();
  expect(allowed, `dir of "${el.textContent?.slice(0, 40)}"`).toContain(holder!.getAttribute('dir'));
}

/** English interface strings that must not appear once the interface is translated. */
function expectNoEnglish(root: Element, keys: string[]): void {
  const text = root.textContent ?? '';
  for (const key of keys) expect(text, key).not.toContain(en[key].message);
}

const persianDigits = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

describe('Persian interface', () => {
  useUi(fa, 'fa');

  it('the timeline’s labels are each an isolated right-to-left run, still at their ends of the time axis', () => {
    const { container } = render(<Timeline points={timelineHandler(corpus, 'iraq')} name="Iraq" />);
    const labels = [...container.querySelectorAll('.iic-timeline-chart text')];
    expect(labels.map((l) => l.textContent)).toEqual([expect.stringMatching(/^[۰-۹]+ [^0-9]+ [۰-۹]+$/), expect.stringMatching(/^[۰-۹]+ [^0-9]+ [۰-۹]+$/), m(fa, 'undated')]);
    for (const l of labels) expect([l.getAttribute('direction'), l.getAttribute('unicode-bidi')], l.textContent ?? '').toEqual(['rtl', 'isolate']);
    // Time still runs left to right: the first date hangs rightwards from the axis' start ("end" of a right-to-left run), the last leftwards from its end.
    expect(labels.map((l) => l.getAttribute('text-anchor'))).toEqual(['end', 'start', 'middle']);
  });

  it('the hover card is right to left in Persian; statements keep their English direction', () => {
    const state = ready('mike-pompeo');
    const entity = state.status === 'ready' ? state.entity : null;
    const { container } = render(<EntityCard state={state} onOpen={() => {}} onClose={() => {}} />);
    // The name in Persian script, as entities.json spells it, with the corpus's Latin form beside it.
    const dialog = screen.getByRole('dialog', { name: m(fa, 'cardLabel', 'پمپئو (Mike Pompeo)') });
    expectRtl(dialog, 'fa');
    expect(dialog).toBe(container.firstElementChild);
    const heading = screen.getByRole('heading', { name: 'پمپئو Mike Pompeo' });
    expect(heading.getAttribute('dir')).toBe('auto');
    expect(heading.querySelector('[lang="fa"]')?.textContent).toBe('پمپئو');
    // Each form an isolated run of its own: the Persian one right to left, the Latin one in its own direction.
    expect(heading.querySelector('bdi[lang="fa"]')?.getAttribute('dir')).toBe('rtl');
    expect(heading.querySelector('bdi[lang="en"]')?.getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('button', { name: m(fa, 'close') })).toBeTruthy();
    expect(container.textContent).toContain(m(fa, 'typePerson'));
    const { said, about } = entity!.counts;
    // Counts in Persian digits, listed with the Persian comma, as a Persian reader writes them.
    const quotes = m(fa, 'countQuotes_other', persianDigits(said));
    const mentions = m(fa, 'countMentions_other', persianDigits(about));
    // One line of facts: the kind of name, then the counts.
    expect(container.querySelector('.iic-counts')?.textContent).toBe(`${m(fa, 'typePerson')} · ${quotes} · ${mentions}`);
    const announced = container.querySelector('[aria-live="polite"]')?.textContent ?? '';
    // Read out under the name as the heading writes it.
    const [before, after] = m(fa, 'cardReady', 'پمپئو (Mike Pompeo)', '\0').split('\0');
    expect(announced.startsWith(before) && announced.endsWith(after)).toBe(true);
    expect(announced.slice(before.length, announced.length - after.length).split(/،\u200f? /)).toEqual([quotes, mentions]);
    expect(container.querySelector('.iic-counts')?.textContent).not.toMatch(/[0-9]/);
    // What the card rests on: Persian digits, and years of the Persian calendar (2018–2020 is 1397–1399).
    expect(container.querySelector('.iic-basis')?.textContent).toMatch(/^از ۳ مقاله از ۵ .*۱۳۹۷.*۱۳۹۹$/);

    // A role is corpus text; "as described on <date>" is interface text around a Persian date.
    const role = screen.getByRole('button', { name: 'US Secretary of State' });
    expect(role.getAttribute('dir')).toBe('auto');
    expect(role.getAttribute('title')).toMatch(new RegExp(`^${m(fa, 'roleSource', '')}`));
    expect(role.parentElement?.textContent).toContain(m(fa, 'roleDescribedOn', '').trim());

    const items = [...container.querySelectorAll<HTMLElement>('[data-statement]')];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const text = item.querySelector('.iic-statement-text > span:last-child')!;
      expect(text.getAttribute('dir')).toBe('auto');
      expect(text.textContent).toMatch(/[A-Za-z]/); // the corpus is English
      expect(within(item).getByRole('button', { name: m(fa, 'openInReader') })).toBeTruthy();
      const outlet = item.querySelector('.iic-outlet')!;
      if (outlet.textContent === m(fa, 'outletUnknown')) expect(outlet.hasAttribute('dir')).toBe(false);
      else expect(outlet.getAttribute('dir')).toBe('auto');
    }
    const said1 = items.find((i) => i.dataset.relation === 'said')!;
    expect(said1.querySelector('.iic-badge')?.textContent).toBe(m(fa, 'quoteBadge'));
    const speaker = said1.querySelector('.iic-speaker');
    if (speaker) {
      expect(speaker.textContent?.startsWith(m(fa, 'saidBy', ''))).toBe(true);
      expectOwnDirection(speaker.querySelector('bdi[dir]')!);
    }
    expectNoEnglish(container, ['openInReader', 'quoteBadge', 'typePerson', 'close']);
    expect(container.textContent).not.toMatch(/\b\d+ (quotes?|mentions?)\b/);
  });

  it('the hover card says "undated", loading and error in Persian', () => {
    const { container, rerender } = render(<EntityCard state={{ status: 'loading' }} name="Kanaani" onOpen={() => {}} onClose={() => {}} />);
    expectRtl(screen.getByRole('dialog', { name: m(fa, 'cardLabel', 'Kanaani') }), 'fa');
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toBe(m(fa, 'cardLoading'));
    rerender(<EntityCard state={{ status: 'error' }} onOpen={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: m(fa, 'cardLabelUnnamed') }).textContent).toContain(m(fa, 'cardError'));
    rerender(<EntityCard state={ready('nasser-kanaani')} onOpen={() => {}} onClose={() => {}} />);
    expect(container.querySelector('[data-statement]')?.textContent).toContain(m(fa, 'undated'));
    expect(container.textContent).not.toContain(en.undated.message);
  });

  it('the popup is right to left in Persian; results keep the direction of the corpus', async () => {
    const api = fakePopupApi();
    const { container } = render(<PopupApp api={api} />);
    expectRtl(container.querySelector('.popup'), 'fa');
    const box = screen.getByRole('combobox', { name: m(fa, 'searchLabel') }) as HTMLInputElement;
    expect(box.getAttribute('placeholder')).toBe(m(fa, 'searchPlaceholder'));
    expect(box.getAttribute('dir')).toBe('auto');
    expect(await screen.findByRole('heading', { name: m(fa, 'onThisPage') })).toBeTruthy();
    // Names found on the page: the name is corpus text, the count and buttons are Persian.
    const firstName = await waitFor(() => {
      const li = container.querySelector<HTMLElement>('#page-names li[data-entity]');
      if (!li) throw new Error('no page names yet');
      return li;
    });
    // The name in Persian script where the corpus spells it so, each form an isolated run of its own direction.
    expectOwnDirection(firstName.querySelector('.name-reveal bdi[lang="fa"]')!, ['rtl']);
    expectOwnDirection(firstName.querySelector('.name-reveal bdi[lang="en"]')!);
    expect(within(firstName).getByRole('button', { name: new RegExp(`^${m(fa, 'statementsToggle')}`) })).toBeTruthy();
    expect(screen.getByRole('button', { name: m(fa, 'openOptions') })).toBeTruthy();
    expect(await screen.findByRole('switch', { name: m(fa, 'underlineOnSite', 'news.example') })).toBeTruthy();

    fireEvent.input(box, { target: { value: 'Pompeo' } });
    const listbox = await screen.findByRole('listbox', { name: m(fa, 'searchResults') });
    const names = within(listbox).getByRole('group', { name: m(fa, 'groupNames') });
    expectOwnDirection(within(names).getAllByRole('option')[0].querySelector('.option-title')!);
    const statements = within(listbox).getByRole('group', { name: m(fa, 'groupStatements') });
    for (const option of within(statements).getAllByRole('option')) {
      const text = option.querySelector('.option-text')!;
      expect(text.getAttribute('dir')).toBe('auto');
      expect(text.textContent).toMatch(/Pompeo/);
    }
    // Three counts in the Persian list's words: "۱ نام، ۶ جمله و ۳ مقاله".
    const summary = screen.getByRole('status', { name: '' }).textContent ?? '';
    for (const key of ['nameCount_other', 'statementCount_other', 'articleCount_other']) expect(summary).toMatch(new RegExp(m(fa, key, '[۰-۹]+')));
    expect(summary).not.toMatch(/[0-9]/);
    expectNoEnglish(container, ['searchLabel', 'onThisPage', 'openOptions', 'groupNames', 'groupStatements', 'undated']);
    await expectNoSeriousAxeViolations(document.body);
  });

  it('the popup says in Persian that nothing matched, quoting the query', async () => {
    const { container } = render(<PopupApp api={fakePopupApi()} />);
    expectRtl(container.querySelector('.popup'), 'fa');
    fireEvent.input(screen.getByRole('combobox', { name: m(fa, 'searchLabel') }), { target: { value: 'Kanaanyyyy' } });
    await waitFor(() => expect(screen.getByRole('status', { name: '' }).textContent).toBe(m(fa, 'noResults', 'Kanaanyyyy')));
    expect(screen.getByText(m(fa, 'closestNames'))).toBeTruthy();
    // The name it may have meant, as a Persian reader writes it, the Latin form beside it.
    expectOwnDirection(screen.getByRole('button', { name: 'ناصر کنعانی Nasser Kanaani' }).querySelector('bdi[lang="en"]')!);
  });

  it('the options page is right to left in Persian; site hosts stay left to right', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSites: ['a.example'] } });
    const { container } = render(<OptionsApp />);
    expectRtl(container.querySelector('.options'), 'fa');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(m(fa, 'optionsTitle'));
    const types = await screen.findByRole('group', { name: m(fa, 'typesLegend') });
    expect((within(types).getByRole('checkbox', { name: m(fa, 'typesPeople') }) as HTMLInputElement).checked).toBe(true);
    expect(within(types).getByRole('checkbox', { name: m(fa, 'typesPlaces') })).toBeTruthy();
    expect(screen.getByRole('group', { name: m(fa, 'underlineLegend') })).toBeTruthy();
    expect(screen.getByRole('switch', { name: m(fa, 'enabledLabel') })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: new RegExp(m(fa, 'delayLabel').replace(/[()]/g, '\\$&')) })).toBeTruthy();
    const remove = screen.getByRole('button', { name: m(fa, 'siteRemoveLabel', 'a.example') });
    expect(container.querySelector('[data-site="a.example"] [dir]')?.getAttribute('dir')).toBe('ltr');
    fireEvent.click(remove);
    expect(await screen.findByText(m(fa, 'sitesNone'))).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status', { name: '' }).textContent).toBe(m(fa, 'saved')));
    fireEvent.input(screen.getByRole('spinbutton'), { target: { value: '5000' } });
    expect(screen.getByText(m(fa, 'delayInvalid'))).toBeTruthy();
    expectNoEnglish(container, ['optionsTitle', 'typesLegend', 'typesPeople', 'underlineLegend', 'sitesNone', 'delayInvalid']);
    await expectNoSeriousAxeViolations(document.body);
  });
});

describe('Persian reader', () => {
  useUi(fa, 'fa');
  const api: ReaderApi = {
    getArticle: async (id) => articleHandler(corpus, id),
    listArticles: async () => listArticlesHandler(corpus),
    lookupEntity: async (id, limit) => lookupHandler(corpus, id, limit),
    timeline: async (id) => timelineHandler(corpus, id),
    entityScripts: async () => entityScripts([corpus.table]),
  };
  afterEach(() => {
    window.location.hash = '';
  });

  it('gives the article’s time and zone in Persian, its IANA id only in the tooltip', async () => {
    window.location.hash = `#${new URLSearchParams({ article: '001_2e552cf3305906f6' })}`;
    const { container } = render(<ReaderApp api={api} />);
    await screen.findByRole('heading', { level: 1 });
    const byline = container.querySelector('.byline time')!;
    expect(byline.textContent).toMatch(/۱۷:۴۱/);
    expect(byline.textContent).toContain('ایران');
    expect(byline.textContent).not.toMatch(/Asia\/Tehran|[0-9]/);
    expect(byline.getAttribute('title')).toContain('Asia/Tehran');
  });

  it('names the entity page’s person in Persian script, the Latin form beside it', async () => {
    window.location.hash = '#entity=hassan-rouhani';
    render(<ReaderApp api={api} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('حسن روحانی Hassan Rouhani');
  });
});

describe('Arabic interface', () => {
  useUi(ar, 'ar');
  const api: ReaderApi = {
    getArticle: async (id) => articleHandler(corpus, id),
    listArticles: async () => listArticlesHandler(corpus),
    lookupEntity: async (id, limit) => lookupHandler(corpus, id, limit),
    timeline: async (id) => timelineHandler(corpus, id),
    entityScripts: async () => entityScripts([corpus.table]),
  };
  const scrollIntoView = Element.prototype.scrollIntoView;
  beforeEach(() => {
    Element.prototype.scrollIntoView = () => {};
  });
  afterEach(() => {
    Element.prototype.scrollIntoView = scrollIntoView;
    window.location.hash = '';
  });

  it('the hover card is right to left in Arabic', () => {
    const { container } = render(<EntityCard state={ready('nasser-kanaani')} onOpen={() => {}} onClose={() => {}} />);
    // Arabic spelling (ك, ي), never the Persian one (ک, ی).
    expectRtl(screen.getByRole('dialog', { name: m(ar, 'cardLabel', 'كنعاني (Nasser Kanaani)') }), 'ar');
    expect(screen.getByRole('heading', { name: 'كنعاني Nasser Kanaani' })).toBeTruthy();
    expect(screen.getByRole('button', { name: m(ar, 'close') })).toBeTruthy();
    const first = container.querySelector('[data-statement]')!;
    expect(first.textContent).toContain(m(ar, 'undated'));
    expect(first.querySelector('.iic-statement-text > span:last-child')?.getAttribute('dir')).toBe('auto');
    expectNoEnglish(container, ['undated', 'openInReader', 'close']);
    // Counts in the Arabic plural form of their number (the dual "اقتباسان", "٣ إشارات"…), not "اقتباسات: 2".
    const { said, about } = (ready('nasser-kanaani') as { entity: { counts: { said: number; about: number } } }).entity.counts;
    const form = (base: string, n: number) => m(ar, `${base}_${pluralCategory('ar', n)}`, new Intl.NumberFormat('ar').format(n));
    expect(container.querySelector('.iic-counts')?.textContent).toBe(`${m(ar, 'typePerson')} · ${form('countQuotes', said)} · ${form('countMentions', about)}`);
  });

  it('the reader is right to left in Arabic; the article keeps its own direction', async () => {
    window.location.hash = `#${new URLSearchParams({ article: '003_3d90aa80119a4437' })}`;
    const { container } = render(<ReaderApp api={api} />);
    expectRtl(container.querySelector('.reader'), 'ar');
    const title = await screen.findByRole('heading', { level: 1 });
    expect(title.getAttribute('dir')).toBe('auto');
    const paragraphs = [...container.querySelectorAll('.article-body > p')];
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) expect(p.getAttribute('dir')).toBe('auto');
    expect(container.querySelector('.byline')?.textContent).toContain(m(ar, 'undated'));
    // The cited outlet in an Arabic sentence, its name in its own direction.
    const cited = container.querySelector('.byline [data-sources="cited"]')!;
    expect(cited.textContent).toBe(` · ${m(ar, 'sourcesCited', 'Mehr News Agency')}`);
    expectOwnDirection(cited.querySelector('bdi[dir]')!);
    expect(await screen.findByRole('navigation', { name: m(ar, 'allArticles') })).toBeTruthy();
    expectNoEnglish(container, ['undated', 'allArticles']);
    expect(container.textContent).not.toMatch(/according to|with reporting from/);
  });

  it('lists the outlets a contributors line credits the Arabic way', async () => {
    window.location.hash = `#${new URLSearchParams({ article: '000_e2b84ee6c719b08a' })}`;
    const { container } = render(<ReaderApp api={api} />);
    await screen.findByRole('heading', { level: 1 });
    const names = new Intl.ListFormat('ar', { type: 'unit', style: 'short' }).format(['IRNA', 'Press TV', 'Tasnim News Agency']);
    expect(names).toContain('،');
    expect(container.querySelector('.byline [data-sources="contributed"]')?.textContent).toBe(` · ${m(ar, 'sourcesContributed', names)}`);
    expect(container.querySelector('.byline .outlet')?.textContent).toBe(m(ar, 'outletUnknown'));
  });
});

it('puts the browser globals back as they were', () => {
  expect((globalThis as { browser?: unknown }).browser).toBe(originalBrowser);
  expect((globalThis as { chrome?: unknown }).chrome).toBe(originalChrome);
});
