/** @vitest-environment happy-dom */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useEnglishUi } from '../../components/test-support';
import { App } from './App';
import { fakePopupApi, pageShowingArticle } from './fake-api';

useEnglishUi();

describe('the popup’s Save to my library', () => {
  it('saves the page and says what happened', async () => {
    const api = fakePopupApi();
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save to my library' }));
    await waitFor(() => expect(document.getElementById('save-article-status')?.textContent).toMatch(/^Saved to your library/));
    expect(api.calls.savedArticles).toBe(1);
    // The saved article's people are now names of this page too: "On this page" is asked for again.
    const asked = api.calls.pageStates;
    await waitFor(() => expect(api.calls.pageStates).toBe(asked + 1));
  });

  it('says why nothing was saved', async () => {
    const api = fakePopupApi({ saveOutcome: { saved: false, reason: 'not-an-article' } });
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save to my library' }));
    await waitFor(() => expect(document.getElementById('save-article-status')?.dataset.outcome).toBe('not-an-article'));
    expect(document.getElementById('save-article-status')?.textContent).toBe("This page doesn't look like an article, so nothing was saved.");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(api.calls.pageStates).toBe(1);
  });

  it('cannot save from a private window, and says so before anyone presses', async () => {
    const api = fakePopupApi({ page: { ...pageShowingArticle('002_4150bcee245c5d5c'), private: true } });
    render(<App api={api} />);
    const button = (await screen.findByRole('button', { name: 'Save to my library' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(document.getElementById('save-article-status')?.textContent).toBe('Nothing is saved from a private window.');
    fireEvent.click(button);
    expect(api.calls.savedArticles).toBe(0);
  });

  it('does not save a page naming nobody from Iran–Iraq affairs silently: says so, and saves it when asked, its names kept off the pages', async () => {
    const api = fakePopupApi({ saveOutcome: { saved: false, reason: 'off-topic' } });
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save to my library' }));
    await waitFor(() => expect(document.getElementById('save-article-status')?.dataset.outcome).toBe('off-topic'));
    expect(document.getElementById('save-article-status')?.textContent).toBe('This page names nobody from Iran–Iraq affairs, so it was not saved.');
    const anyway = screen.getByRole('button', { name: 'Save anyway' });
    expect(anyway.getAttribute('aria-describedby')).toBe('save-anyway-note');
    fireEvent.click(anyway);
    await waitFor(() => expect(document.getElementById('save-article-status')?.dataset.outcome).toBe('saved'));
    expect(document.getElementById('save-article-status')?.textContent).toBe('Saved to your library. Its names stay on its own card, not underlined on other pages.');
    expect(api.calls.savedAnyway).toBe(1);
    expect(screen.queryByRole('button', { name: 'Save anyway' })).toBeNull();
  });
});
