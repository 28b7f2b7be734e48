/** @vitest-environment happy-dom */
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { lookupHandler } from '../lib/background/handlers';
import { loadedSeedCorpus } from '../tests/seeds';
import { EntityCard, type EntityCardState } from './EntityCard';
import { expectNoSeriousAxeViolations, useEnglishUi } from './test-support';

useEnglishUi();
const corpus = loadedSeedCorpus();
const ready = (id: string): EntityCardState => ({ status: 'ready', entity: lookupHandler(corpus, id, 8)! });

describe('EntityCard', () => {
  it('announces loading politely and keeps the same live region when the entity arrives', () => {
    const { container, rerender } = render(<EntityCard state={{ status: 'loading' }} name="Pompeo" onOpen={() => {}} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'About Pompeo' });
    expect(dialog.dataset.status).toBe('loading');
    const live = container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Loading…');
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    rerender(<EntityCard state={ready('mike-pompeo')} name="Pompeo" onOpen={() => {}} onClose={() => {}} />);
    expect(container.querySelector('[aria-live="polite"]')).toBe(live);
    expect(live?.textContent).toMatch(/^Mike Pompeo: \d+ quotes?, \d+ mentions?$/);
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'About Mike Pompeo' }).dataset.entity).toBe('mike-pompeo');
  });

  it('shows type, dated roles citing their statement, counts and quotes first', () => {
    const onOpen = vi.fn();
    const state = ready('mike-pompeo');
    const { said, about } = state.status === 'ready' ? state.entity.counts : { said: -1, about: -1 };
    const { container } = render(<EntityCard state={state} onOpen={onOpen} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Mike Pompeo' })).toBeTruthy();
    expect(container.textContent).toContain('Person');
    expect(container.textContent).toContain(`${said} quotes · ${about} mentions`);
    const role = screen.getByRole('button', { name: 'US Secretary of State' });
    // The date is the article's: the role as that article described him, never "as of".
    expect(role.parentElement?.textContent).toBe('US Secretary of State — as described on Aug 20, 2018');
    fireEvent.click(role);
    expect(onOpen).toHaveBeenCalledWith('000_e2b84ee6c719b08a', '000_e2b84ee6c719b08a#12');
    const items = [...container.querySelectorAll<HTMLElement>('[data-statement]')];
    expect(items).toHaveLength(4);
    expect(items.map((i) => i.dataset.relation)).toEqual(['said', 'quoted', 'about', 'about']);
    expect(items[0].querySelector('.iic-quote')).not.toBeNull();
  });

  it('says in one quiet line how many of the corpus’s articles it rests on, and their years', () => {
    const basis = (id: string) => {
      const { container, unmount } = render(<EntityCard state={ready(id)} onOpen={() => {}} onClose={() => {}} />);
      const text = container.querySelector('.iic-basis')?.textContent;
      unmount();
      return text;
    };
    // Spans come from Intl's date ranges, which set the dash between thin spaces.
    expect(basis('mike-pompeo')).toMatch(/^From 3 of 5 articles in the corpus, 2018\s–\s2020$/u);
    expect(basis('hassan-rouhani')).toBe('From 1 of 5 articles in the corpus, 2020');
    // The span is of dated articles only, and the line says how many are not.
    expect(basis('popular-mobilization-forces')).toBe('From 2 of 5 articles in the corpus, 2020 (1 undated)');
    expect(basis('nasser-kanaani')).toBe('From 1 of 5 articles in the corpus, none of them dated');
  });

  it('counts the reader’s saved articles apart from the corpus’s, never in it', () => {
    const lines = (entity: ReturnType<typeof lookupHandler>) => {
      const { container, unmount } = render(<EntityCard state={{ status: 'ready', entity: entity! }} onOpen={() => {}} onClose={() => {}} />);
      const text = [...container.querySelectorAll('.iic-basis')].map((p) => p.textContent);
      unmount();
      return text;
    };
    const rouhani = lookupHandler(corpus, 'hassan-rouhani', 8)!;
    expect(lines({ ...rouhani, basis: { ...rouhani.basis, library: { articles: 2, saved: 7 } } })).toEqual([
      'From 1 of 5 articles in the corpus, 2020',
      'Your library: 2 of 7 saved articles',
    ]);
    // Known from the library alone: no line about the corpus at all.
    expect(lines({ ...rouhani, basis: { articles: 0, corpusArticles: 0, first: null, last: null, undated: 0, library: { articles: 1, saved: 1 } } })).toEqual([
      'Your library: 1 of 1 saved article',
    ]);
  });

  it('links to every statement, saying how many there are, when the card can open them', () => {
    const onOpenAll = vi.fn();
    const { container, rerender } = render(<EntityCard state={ready('hassan-rouhani')} onOpen={() => {}} onClose={() => {}} />);
    expect(container.querySelectorAll('[data-statement]')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /^All statements/ })).toBeNull();
    rerender(<EntityCard state={ready('hassan-rouhani')} onOpen={() => {}} onClose={() => {}} onOpenAll={onOpenAll} />);
    fireEvent.click(screen.getByRole('button', { name: 'All statements (9)' }));
    expect(onOpenAll).toHaveBeenCalledWith('hassan-rouhani');
    // One statement is linked in the same words as nine: the link always opens the name's page of statements.
    rerender(<EntityCard state={ready('ali-khamenei')} onOpen={() => {}} onClose={() => {}} onOpenAll={onOpenAll} />);
    fireEvent.click(screen.getByRole('button', { name: 'All statements (1)' }));
    expect(onOpenAll).toHaveBeenLastCalledWith('ali-khamenei');
  });

  it('says "undated" for roles and statements from an article without a date', () => {
    const { container } = render(<EntityCard state={ready('nasser-kanaani')} onOpen={() => {}} onClose={() => {}} />);
    const role = screen.getByRole('button', { name: 'Iranian Foreign Ministry spokesman' });
    expect(role.parentElement?.textContent).toBe('Iranian Foreign Ministry spokesman — as described in an undated article');
    const first = container.querySelector('[data-statement]');
    expect(first?.textContent).toContain('undated');
    expect(first?.querySelector('.iic-quote')).not.toBeNull();
  });

  it('shows the keys for the next and previous name in its footer, kept left to right', () => {
    const shortcuts = { next: { keys: 'Alt+Shift+N', inPage: true }, previous: { keys: 'Ctrl+Shift+Y', inPage: false } };
    const { container } = render(<EntityCard state={ready('mike-pompeo')} onOpen={() => {}} onClose={() => {}} shortcuts={shortcuts} />);
    const footer = container.querySelector('footer');
    // One line of hints, one sentence: both keys, each kept left to right.
    expect(footer?.querySelectorAll('p')).toHaveLength(1);
    expect(footer?.textContent).toBe('Alt+Shift+N next name, Ctrl+Shift+Y previous');
    expect([...(footer?.querySelectorAll('kbd') ?? [])].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'N', 'Ctrl', 'Shift', 'Y']);
    expect([...(footer?.querySelectorAll('bdi') ?? [])].map((b) => b.getAttribute('dir'))).toEqual(['ltr', 'ltr']);
  });

  it('passes axe in every state', async () => {
    for (const state of [{ status: 'loading' } as const, { status: 'error' } as const, ready('mike-pompeo'), ready('nasser-kanaani')]) {
      const { container, unmount } = render(<EntityCard state={state} name="Pompeo" onOpen={() => {}} onClose={() => {}} />);
      await expectNoSeriousAxeViolations(container);
      unmount();
    }
  });

  it('closes on Escape and on its close button; shows an error state', () => {
    const onClose = vi.fn();
    render(<EntityCard state={{ status: 'error' }} onOpen={() => {}} onClose={onClose} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('could not be loaded');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
