/** @vitest-environment happy-dom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, useEnglishUi } from '../../components/test-support';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { App } from './App';
import { fakePopupApi, pageShowingArticle } from './fake-api';

useEnglishUi();

const box = () => screen.getByRole('combobox', { name: 'Search the corpus' }) as HTMLInputElement;
const type = (text: string) => fireEvent.input(box(), { target: { value: text } });
const options = () => screen.queryAllByRole('option');
const marks = (el: Element) => [...el.querySelectorAll('mark')].map((m) => m.textContent);
const found = (selector: string) =>
  waitFor(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    return el;
  });

describe('popup search', () => {
  it('is focused on open, searches as you type and marks the matched words', async () => {
    const api = fakePopupApi();
    render(<App api={api} />);
    expect(document.activeElement).toBe(box());
    type('P');
    type('Pom');
    type('Pompeo');
    const listbox = await screen.findByRole('listbox', { name: 'Search results' });
    // The debounce sent only what was typed last.
    expect(api.calls.searches).toEqual(['Pompeo']);
    const names = within(listbox).getByRole('group', { name: 'Names' });
    const first = within(names).getAllByRole('option')[0];
    expect(first.dataset.id).toBe('mike-pompeo');
    expect(marks(first)).toEqual(['Pompeo']);
    const statements = within(listbox).getByRole('group', { name: 'Statements' });
    for (const option of within(statements).getAllByRole('option')) expect(marks(option)).toContain('Pompeo');
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('status', { name: '' }).textContent).toMatch(/^\d+ names?, \d+ statements?, \d+ articles?$/);
    // Counted words agree with their number: "1 name", never "1 names".
    expect(screen.getByRole('status', { name: '' }).textContent).not.toMatch(/\b1 (names|statements|articles)\b/);
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    await expectNoSeriousAxeViolations(document.body);
  });

  it('shows the names a cold background answers first, then asks again for statements and articles', async () => {
    const api = fakePopupApi();
    const full = api.search.bind(api);
    let asked = 0;
    api.search = async (query) => {
      asked++;
      const answer = await full(query);
      // The first answer is what a background still loading its index gives: names only, marked pending.
      return asked === 1 ? { ...answer, statements: [], articles: [], pending: true } : answer;
    };
    render(<App api={api} />);
    type('Zarif');
    await waitFor(() => expect(options().some((o) => o.dataset.kind === 'name')).toBe(true));
    await waitFor(() => expect(options().some((o) => o.dataset.kind === 'statement')).toBe(true));
    expect(asked).toBe(2);
  });
  it('groups results as names, statements and articles', async () => {
    render(<App api={fakePopupApi()} />);
    type('US troops');
    const listbox = await screen.findByRole('listbox');
    const groups = [...listbox.querySelectorAll<HTMLElement>('[role="group"]')].map((g) => g.dataset.group);
    expect(groups).toEqual(['statements', 'articles']);
    const kinds = options().map((o) => o.dataset.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['name', 'statement', 'article'].indexOf(a!) - ['name', 'statement', 'article'].indexOf(b!)));
    const statement = options().find((o) => o.dataset.id === '003_3d90aa80119a4437#11')!;
    expect(marks(statement)).toEqual(['US', 'troops']);
    expect(statement.textContent).toContain('undated');
  });

  it('marks a result found only through a close spelling, and lists it after exact ones', async () => {
    render(<App api={fakePopupApi()} />);
    // No seed says "functons"; a Rouhani sentence says "functions".
    type('functons');
    await found('#search-results[data-query="functons"]');
    expect(options().map((o) => o.dataset.kind)).toContain('statement');
    for (const option of options()) {
      expect(option.dataset.approximate, option.dataset.id).toBe('true');
      expect(option.textContent).toContain('approximate match');
      if (option.dataset.kind === 'statement') expect(marks(option)).toEqual(['functions']);
    }
    // Kanaani is held as typed: those hits come first and are not marked; the "functions" ones follow, marked.
    type('Kanaani functons');
    await found('#search-results[data-query="Kanaani functons"]');
    const statements = [...document.querySelectorAll<HTMLElement>('[data-group="statements"] [role=option]')];
    const approximate = statements.map((o) => o.dataset.approximate === 'true');
    expect(approximate[0]).toBe(false);
    expect(approximate).toEqual([...approximate].sort((a, b) => Number(a) - Number(b)));
    expect(statements.filter((o) => o.dataset.approximate !== 'true').every((o) => !o.textContent?.includes('approximate match'))).toBe(true);
    // The exact name is never marked.
    type('Soleimani');
    await found('#search-results[data-query="Soleimani"] [data-id="qassem-soleimani"]');
    expect(options().some((o) => o.dataset.approximate)).toBe(false);
    await expectNoSeriousAxeViolations(document.body);
  });

  it('offers no suggestion that repeats the query’s own spellings', async () => {
    render(<App api={fakePopupApi()} />);
    type('Soleimani');
    await found('#search-results[data-query="Soleimani"]');
    expect(document.querySelectorAll('[data-suggestion]')).toHaveLength(0);
    // A real completion is still offered.
    type('US troo');
    await found('#search-results[data-query="US troo"]');
    expect([...document.querySelectorAll<HTMLElement>('[data-suggestion]')].map((b) => b.dataset.suggestion)).toContain('us troops');
  });

  it('drops a slow answer to an earlier query', async () => {
    const api = fakePopupApi({ searchDelay: (q) => (q === 'Kanaani' ? 300 : 0) });
    render(<App api={api} />);
    type('Kanaani');
    await waitFor(() => expect(api.calls.searches).toEqual(['Kanaani']));
    type('Zarif');
    await waitFor(() => expect(options()[0]?.dataset.id).toBe('mohammad-javad-zarif'));
    await new Promise((r) => setTimeout(r, 400));
    expect(options()[0].dataset.id).toBe('mohammad-javad-zarif');
    expect(options().some((o) => o.dataset.id === 'nasser-kanaani')).toBe(false);
  });

  it('moves through results with ↑/↓, opens a statement with Enter', async () => {
    const api = fakePopupApi();
    render(<App api={api} />);
    type('US troops');
    await screen.findByRole('listbox');
    const all = options();
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(box().getAttribute('aria-activedescendant')).toBe(all[0].id);
    expect(all[0].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    expect(box().getAttribute('aria-activedescendant')).toBe(all[all.length - 1].id);
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(box().getAttribute('aria-activedescendant')).toBe(all[0].id);
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() => expect(api.calls.closed).toBe(1));
    expect(api.calls.opened).toEqual([{ article: all[0].dataset.id!.split('#')[0], statement: all[0].dataset.id }]);
  });

  it('opens an article result in the reader', async () => {
    const api = fakePopupApi();
    render(<App api={api} />);
    type('US troops');
    await screen.findByRole('listbox');
    const article = options().find((o) => o.dataset.kind === 'article')!;
    fireEvent.click(article);
    await waitFor(() => expect(api.calls.opened).toEqual([{ article: article.dataset.id }]));
  });

  it('expands a name with Enter, and Escape clears the box', async () => {
    render(<App api={fakePopupApi()} />);
    type('Pompeo');
    await screen.findByRole('listbox');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(screen.getByRole('heading', { name: 'Mike Pompeo' })).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
    await screen.findByRole('img', { name: /^Statements about Mike Pompeo over time/ });
    expect(document.querySelectorAll('[data-statement]').length).toBeGreaterThan(0);
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box().value).toBe('');
    expect(screen.queryByRole('heading', { name: 'Mike Pompeo' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'On this page' })).toBeTruthy();
  });

  it('says when nothing matches and offers the closest names', async () => {
    const api = fakePopupApi();
    render(<App api={api} />);
    type('Kanaanyyyy');
    const empty = await found('#search-empty');
    expect(empty.textContent).toContain('No results for “Kanaanyyyy”.');
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('No results for “Kanaanyyyy”.');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    await expectNoSeriousAxeViolations(document.body);
    const closest = screen.getByRole('button', { name: 'Nasser Kanaani' });
    fireEvent.click(closest);
    expect(box().value).toBe('Nasser Kanaani');
    await waitFor(() => expect(options()[0]?.dataset.id).toBe('nasser-kanaani'));
  });
  it('with nothing close, says nothing matched and offers no names', async () => {
    render(<App api={fakePopupApi()} />);
    type('xyzzy');
    const empty = await found('#search-empty');
    expect(empty.textContent).toBe('No results for “xyzzy”.');
    expect(empty.querySelectorAll('button')).toHaveLength(0);
  });
});

describe('popup page sections', () => {
  it('lists the page names, most mentioned first, revealing and expanding them', async () => {
    const page = pageShowingArticle('002_4150bcee245c5d5c');
    const api = fakePopupApi({ page });
    render(<App api={api} />);
    const list = await found('#page-names ul');
    const counts = [...list.querySelectorAll<HTMLElement>('li[data-entity]')].map((li) => page.names.find((n) => n.id === li.dataset.entity)!.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const rouhani = list.querySelector('li[data-entity="hassan-rouhani"]') as HTMLElement;
    fireEvent.click(within(rouhani).getByRole('button', { name: /^Hassan Rouhani/ }));
    expect(api.calls.revealed).toEqual(['hassan-rouhani']);
    const toggle = within(rouhani).getByRole('button', { name: 'Statements about Hassan Rouhani' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await within(rouhani).findByRole('img', { name: /^Statements about Hassan Rouhani over time/ });
    expect(rouhani.querySelectorAll('[data-statement]').length).toBeGreaterThan(0);
    await found('#related-articles');
    await expectNoSeriousAxeViolations(document.body);
  });

  it('shows related articles with why, opening them in the reader', async () => {
    const api = fakePopupApi({ page: pageShowingArticle('002_4150bcee245c5d5c') });
    render(<App api={api} />);
    const first = await found('#related-articles li[data-article]');
    expect(first.textContent).toMatch(/mentions [^,]+/);
    fireEvent.click(within(first).getByRole('button'));
    await waitFor(() => expect(api.calls.opened).toEqual([{ article: first.dataset.article }]));
    expect(api.calls.closed).toBe(1);
  });

  it('says so when the page has no names', async () => {
    const api = fakePopupApi({ page: { host: 'example.org', enabled: true, names: [], text: '', private: false } });
    render(<App api={api} />);
    expect(await screen.findByText('No names from the corpus on this page.')).toBeTruthy();
    expect(document.getElementById('page-names')?.dataset.state).toBe('empty');
  });

  it('says names cannot be read where no content script runs, and search still works', async () => {
    render(<App api={fakePopupApi({ page: 'unreadable' })} />);
    expect(await screen.findByText("Names can't be read on this page.")).toBeTruthy();
    expect(document.getElementById('related')).toBeNull();
    expect(document.getElementById('site-switch')).toBeNull();
    await expectNoSeriousAxeViolations(document.body);
    type('Zarif');
    expect((await screen.findAllByRole('option')).length).toBeGreaterThan(0);
  });

  it('says underlining is off everywhere, instead of the page’s names, and turns it back on', async () => {
    const api = fakePopupApi({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    render(<App api={api} />);
    expect(await screen.findByText('Underlining is switched off everywhere in the options.')).toBeTruthy();
    const section = document.getElementById('page-names');
    expect(section?.dataset.state).toBe('off-everywhere');
    expect(section?.textContent).not.toContain('news.example');
    // This site's switch would change nothing while everything is off: the button in its place is the way back.
    expect(document.getElementById('site-switch')).toBeNull();
    await expectNoSeriousAxeViolations(document.body);
    fireEvent.click(screen.getByRole('button', { name: 'Turn underlining on' }));
    await waitFor(() => expect(api.calls.saved.at(-1)).toEqual(DEFAULT_SETTINGS));
    await waitFor(() => expect(section?.dataset.state).toBe('ready'));
    expect(screen.queryByText('Underlining is switched off everywhere in the options.')).toBeNull();
    expect(((await screen.findByRole('switch', { name: 'Underline names on news.example' })) as HTMLInputElement).checked).toBe(true);
  });

  it('says underlining is off everywhere even on a page it cannot read', async () => {
    render(<App api={fakePopupApi({ page: 'unreadable', settings: { ...DEFAULT_SETTINGS, enabled: false } })} />);
    expect(await screen.findByText('Underlining is switched off everywhere in the options.')).toBeTruthy();
    expect(screen.queryByText("Names can't be read on this page.")).toBeNull();
    expect(screen.getByRole('button', { name: 'Turn underlining on' })).toBeTruthy();
  });

  it('switches the site off and on, and shows the settings notice once', async () => {
    const api = fakePopupApi({ notice: 'Some of your settings were damaged and were reset to the defaults.' });
    render(<App api={api} />);
    const toggle = (await screen.findByRole('switch', { name: 'Underline names on news.example' })) as HTMLInputElement;
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect((await screen.findByText(/were reset to the defaults/)).id).toBe('settings-notice');
    fireEvent.click(toggle);
    await waitFor(() => expect(api.calls.saved.at(-1)?.disabledSites).toEqual(['news.example']));
    fireEvent.click(toggle);
    await waitFor(() => expect(api.calls.saved.at(-1)).toEqual(DEFAULT_SETTINGS));
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    await waitFor(() => expect(api.calls.options).toBe(1));
  });
});
