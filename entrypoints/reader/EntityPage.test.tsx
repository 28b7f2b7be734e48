/** @vitest-environment happy-dom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, useEnglishUi } from '../../components/test-support';
import { articleHandler, listArticlesHandler, lookupHandler, timelineHandler } from '../../lib/background/handlers';
import { entityScripts } from '../../lib/entity-scripts';
import { loadedSeedCorpus } from '../../tests/seeds';
import type { ReaderApi } from './api';
import { ReaderApp } from './App';
import { articleHref, entityHash } from './hash';

useEnglishUi();
const corpus = loadedSeedCorpus();
const api: ReaderApi = {
  getArticle: async (id) => articleHandler(corpus, id),
  listArticles: async () => listArticlesHandler(corpus),
  lookupEntity: async (id) => lookupHandler(corpus, id),
  timeline: async (id) => timelineHandler(corpus, id),
  entityScripts: async () => entityScripts([corpus.table]),
};
afterEach(() => {
  window.location.hash = '';
});

describe('the reader’s entity page', () => {
  it('lists every statement about the entity, filtered to quotes or mentions, with its timeline', async () => {
    const rouhani = lookupHandler(corpus, 'hassan-rouhani')!;
    expect(rouhani.statements.length).toBe(9);
    // The address the card's "All 9 statements" opens, as the background writes it.
    window.location.hash = `#${entityHash('hassan-rouhani')}`;
    const { container } = render(<ReaderApp api={api} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Hassan Rouhani');
    const items = () => [...container.querySelectorAll<HTMLElement>('[data-statement]')];
    expect(items().map((i) => i.dataset.statement)).toEqual(rouhani.statements.map((s) => s.id));
    expect(screen.getByRole('img', { name: /^Statements about Hassan Rouhani over time/ })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Hassan Rouhani — all statements'));
    const filter = screen.getByRole('group', { name: 'Show' });
    const quoting = rouhani.counts.said + rouhani.counts.partial;
    fireEvent.click(within(filter).getByRole('radio', { name: `Quotes (${quoting})` }));
    await waitFor(() => expect(items().every((i) => ['said', 'quoted', 'partial'].includes(i.dataset.relation ?? ''))).toBe(true));
    expect(items()).toHaveLength(quoting);
    fireEvent.click(within(filter).getByRole('radio', { name: `Mentions (${rouhani.counts.about})` }));
    await waitFor(() => expect(items()).toHaveLength(rouhani.counts.about));
    expect(items().every((i) => i.dataset.relation === 'about')).toBe(true);
    fireEvent.click(within(filter).getByRole('radio', { name: 'All (9)' }));
    await waitFor(() => expect(items()).toHaveLength(9));
    await expectNoSeriousAxeViolations(document.body);
    // A statement opens its article in this same reader.
    const first = rouhani.statements[0];
    fireEvent.click(within(items()[0]).getByRole('button', { name: 'Open in reader' }));
    expect(window.location.hash).toBe(articleHref(first.article.id, first.id));
  });

  it('says when the name is not in the corpus', async () => {
    window.location.hash = `#${entityHash('nobody')}`;
    render(<ReaderApp api={api} />);
    expect(await screen.findByText('This name is not in the corpus.')).toBeTruthy();
  });
});
