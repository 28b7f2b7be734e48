/** @vitest-environment happy-dom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoSeriousAxeViolations, useEnglishUi } from '../../components/test-support';
import { articleHandler, listArticlesHandler, lookupHandler, timelineHandler } from '../../lib/background/handlers';
import { entityScripts } from '../../lib/entity-scripts';
import { loadedSeedCorpus } from '../../tests/seeds';
import type { ReaderApi } from './api';
import { ArticleDateLine } from './ArticleDateLine';
import { ReaderApp } from './App';
import { articleHref } from './hash';
import { DEFAULT_SETTINGS } from '../../lib/settings';

useEnglishUi();
const corpus = loadedSeedCorpus();
const api: ReaderApi = {
  getArticle: async (id) => articleHandler(corpus, id),
  listArticles: async () => listArticlesHandler(corpus),
  lookupEntity: async (id, limit) => lookupHandler(corpus, id, limit),
  timeline: async (id) => timelineHandler(corpus, id),
  entityScripts: async () => entityScripts([corpus.table]),
};
const scrolled = vi.fn();

beforeEach(() => {
  Element.prototype.scrollIntoView = scrolled;
  scrolled.mockClear();
});
afterEach(() => {
  window.location.hash = '';
});

/** The address exactly as the background's open-reader writes it. */
const go = (article: string, statement?: string) => {
  window.location.hash = `#${new URLSearchParams({ article, ...(statement ? { statement } : {}) })}`;
};

describe('reader', () => {
  it('shows the article, underlines its names and marks the linked statement', async () => {
    const id = '004_92d2bbb8eb3598db';
    const statement = `${id}#13`;
    go(id, statement);
    const { container } = render(<ReaderApp api={api} />);
    const title = await screen.findByRole('heading', { level: 1 });
    expect(title.textContent).toMatch(/^Former Iranian Ambassador to Baghdad/);
    const byline = container.querySelector('.byline')!.textContent;
    expect(byline).toContain('Outlet unknown');
    expect(byline).toContain('April 18, 2020');
    expect(byline).toContain('TEHRAN');
    const marked = await waitFor(() => {
      const el = container.querySelector<HTMLElement>('[data-statement][aria-current="true"]');
      if (!el) throw new Error('no marked statement');
      return el;
    });
    expect(marked.dataset.statement).toBe(statement);
    const data = articleHandler(corpus, id)!;
    const s = data.statements.find((x) => x.id === statement)!;
    expect(marked.textContent).toBe(data.article.paragraphs[s.paragraph].slice(s.start, s.end));
    expect(marked.querySelector('.mention[data-entity="mike-pompeo"]')?.textContent).toBe('Pompeo');
    await waitFor(() => expect(scrolled).toHaveBeenCalled());
    expect(scrolled.mock.contexts[0]).toBe(marked);
    expect(container.querySelectorAll('[aria-current="true"][data-statement]')).toHaveLength(1);
    await screen.findAllByRole('link');
    await expectNoSeriousAxeViolations(document.body);
  });

  it('rebuilds every paragraph from text slices, one span per statement', async () => {
    const id = '002_4150bcee245c5d5c';
    go(id);
    const { container } = render(<ReaderApp api={api} />);
    await screen.findByRole('heading', { level: 1 });
    const data = articleHandler(corpus, id)!;
    const paragraphs = [...container.querySelectorAll('.article-body > p')];
    expect(paragraphs.map((p) => p.textContent)).toEqual(data.article.paragraphs);
    expect(container.querySelectorAll('[data-statement]')).toHaveLength(data.statements.length);
    const names = [...container.querySelectorAll('.mention')].map((m) => m.textContent);
    expect(names).toContain('Mustafa al-Kadhimi');
    expect(names).toContain('Rouhani');
    expect(container.querySelector('[aria-current="true"][data-statement]')).toBeNull();
  });

  it('says "undated" and shows related headlines as plain text', async () => {
    go('003_3d90aa80119a4437');
    const { container, unmount } = render(<ReaderApp api={api} />);
    await screen.findByRole('heading', { level: 1 });
    // The publisher, then the outlet it cites, kept apart.
    expect(container.querySelector('.byline')!.textContent).toBe('Shafaq News · according to Mehr News Agency · undated');
    unmount();
    go('001_2e552cf3305906f6');
    render(<ReaderApp api={api} />);
    const related = await screen.findByRole('region', { name: 'Related headlines' });
    expect(within(related).getAllByRole('listitem')).toHaveLength(4);
    expect(related.querySelector('a')).toBeNull();
    expect(document.querySelector('.byline')!.textContent).toContain('January 30, 2019, 17:41 (Iran Standard Time)');
  });

  it('lists every article and follows the address when it changes', async () => {
    go('000_e2b84ee6c719b08a');
    render(<ReaderApp api={api} />);
    const nav = await screen.findByRole('navigation', { name: 'All articles' });
    const links = await within(nav).findAllByRole('link');
    expect(links).toHaveLength(corpus.articles.length);
    expect(links[0].getAttribute('aria-current')).toBe('page');
    expect(links[1].getAttribute('href')).toBe(articleHref('001_2e552cf3305906f6'));
    go('001_2e552cf3305906f6');
    fireEvent(window, new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Iraq not to enter anti Iran alliance'));
    expect(within(nav).getAllByRole('link')[1].getAttribute('aria-current')).toBe('page');
  });

  it('says when the article or the statement is not in the corpus', async () => {
    go('000_e2b84ee6c719b08a', '000_e2b84ee6c719b08a#999');
    const { unmount } = render(<ReaderApp api={api} />);
    expect(await screen.findByText('The linked statement is not in this article.')).toBeTruthy();
    unmount();
    go('nope');
    render(<ReaderApp api={api} />);
    expect(await screen.findByText('This article is not in the corpus.')).toBeTruthy();
  });

  it('underlines places only when the Places option is on', async () => {
    const id = '002_4150bcee245c5d5c';
    go(id);
    const { container, unmount } = render(<ReaderApp api={api} />);
    await screen.findByRole('heading', { level: 1 });
    const types = () => new Set([...container.querySelectorAll<HTMLElement>('.mention')].map((m) => m.dataset.type));
    expect(types().has('person')).toBe(true);
    expect(types().has('place')).toBe(false);
    unmount();
    const withPlaces = { ...DEFAULT_SETTINGS, types: { ...DEFAULT_SETTINGS.types, place: true } };
    const again = render(<ReaderApp api={api} settings={withPlaces} />);
    await screen.findByRole('heading', { level: 1 });
    expect(again.container.querySelector('.mention[data-type="place"]')?.textContent).toMatch(/Iran|Iraq|Baghdad|Tehran/);
  });

  it('makes names focusable buttons that look up their card on focus', async () => {
    go('002_4150bcee245c5d5c');
    const lookupEntity = vi.fn(api.lookupEntity);
    const { container } = render(<ReaderApp api={{ ...api, lookupEntity }} />);
    await screen.findByRole('heading', { level: 1 });
    const name = container.querySelector<HTMLElement>('.mention[data-entity="hassan-rouhani"]')!;
    expect(name.getAttribute('role')).toBe('button');
    expect(name.tabIndex).toBe(0);
    name.focus();
    // happy-dom's focus() fires no focusin; a browser's does.
    fireEvent.focusIn(name);
    await waitFor(() => expect(lookupEntity).toHaveBeenCalledWith('hassan-rouhani', 4));
    // The card itself sits in a closed shadow root (its content and Enter's focus move are checked in e2e/reader).
    expect(document.querySelector('iran-iraq-context-ui')).toBeTruthy();
  });

  it('says where a date came from when a maintainer supplied it', () => {
    const { container } = render(<ArticleDateLine date={{ iso: '2021-03-05', text: '5 March 2021', source: 'sidecar' }} />);
    expect(container.textContent).toBe('March 5, 2021 (date from sidecar)');
  });
});
