/** @vitest-environment happy-dom */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { lookupHandler } from '../lib/background/handlers';
import { loadedSeedCorpus } from '../tests/seeds';
import { StatementItem } from './StatementItem';
import { useEnglishUi } from './test-support';

useEnglishUi();
const corpus = loadedSeedCorpus();
const clipboardItem = (globalThis as { ClipboardItem?: unknown }).ClipboardItem;

function statementOf(entity: string, pick: (text: string) => boolean) {
  const s = lookupHandler(corpus, entity)?.statements.find((x) => pick(x.text));
  if (!s) throw new Error('statement not in the seeds');
  return s;
}

describe('StatementItem', () => {
  it("shows one person's words quoted in another's statement as that person's, and the sentence as the other's", () => {
    const onPompeo = statementOf('mike-pompeo', (t) => t.includes('when America retreats'));
    const { container } = render(
      <ul>
        <StatementItem statement={onPompeo} onOpen={() => {}} />
      </ul>,
    );
    const item = container.querySelector(`[data-statement="${onPompeo.id}"]`) as HTMLElement;
    expect(item.dataset.relation).toBe('quoted');
    expect(item.querySelector('.iic-statement-text [dir="auto"]')?.textContent).toBe('“when America retreats, chaos often follows,”');
    expect(item.textContent).toContain('said by Mike Pompeo');
    expect(item.textContent).toContain('in a statement by Mohammad Javad Zarif');
    // On Zarif's own list the sentence names him, answering Pompeo: it is no quote of his, and no quote is counted for him.
    const onZarif = statementOf('mohammad-javad-zarif', (t) => t.includes('when America retreats'));
    expect(onZarif.relation).toBe('about');
    expect(lookupHandler(corpus, 'mohammad-javad-zarif')?.counts.said).toBe(0);
    const zarifItem = render(
      <ul>
        <StatementItem statement={onZarif} onOpen={() => {}} />
      </ul>,
    ).container;
    expect(zarifItem.querySelector('.iic-badge')).toBeNull();
  });
  it('badges a fragment of someone\'s words as a partial quote, counted apart from full quotes', () => {
    const partial = { ...statementOf('mike-pompeo', (t) => t.startsWith('“All strategic issues')), relation: 'partial' as const };
    const { container } = render(
      <ul>
        <StatementItem statement={partial} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('.iic-badge')?.textContent).toBe('Partial quote');
  });
  it('marks a quote, names its speaker and says when the article has no date or outlet', () => {
    const s = statementOf('mike-pompeo', (t) => t.startsWith('“All strategic issues'));
    const onOpen = vi.fn();
    const { container } = render(
      <ul>
        <StatementItem statement={s} onOpen={onOpen} />
      </ul>,
    );
    const item = container.querySelector(`[data-statement="${s.id}"]`) as HTMLElement;
    expect(item.dataset.relation).toBe('said');
    expect(item.querySelector('.iic-quote')?.textContent).toBe(s.quotes[0].text);
    expect(item.textContent).toContain('Quote');
    expect(item.textContent).toContain('said by Mike Pompeo');
    expect(item.textContent).toContain('Outlet unknown');
    expect(item.querySelector('time')?.getAttribute('datetime')).toBe('2020-04-18');
    expect(item.querySelector('[dir="auto"]')?.textContent).toBe(s.text);
    fireEvent.click(screen.getByRole('button', { name: 'Open in reader' }));
    expect(onOpen).toHaveBeenCalledWith('004_92d2bbb8eb3598db', s.id);
  });
  it('shows "undated" for an article without a date, and marks nothing when the name is only named', () => {
    const s = statementOf('nasser-kanaani', (t) => t.startsWith('Iranian Foreign Ministry spokesman'));
    const { container } = render(
      <ul>
        <StatementItem statement={s} onOpen={() => {}} />
      </ul>,
    );
    expect(s.relation).toBe('about');
    expect(container.textContent).toContain('undated');
    expect(container.textContent).toContain('Shafaq News');
    expect(container.querySelector('.iic-quote')).toBeNull();
    expect(container.querySelector('time')).toBeNull();
  });
  it('keeps the outlets an article cites apart from its publisher, which stays unknown', () => {
    const s = statementOf('hassan-rouhani', (t) => t.includes('Mehr reported'));
    const { container } = render(
      <ul>
        <StatementItem statement={s} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('.iic-outlet')?.textContent).toBe('Outlet unknown');
    expect(container.querySelector('.iic-sources')?.textContent).toBe(' · according to Mehr');
    expect(container.querySelector('.iic-sources [dir="auto"]')?.textContent).toBe('Mehr');
  });
  it('never cites the publisher as its own source ("Reuters · according to Reuters")', () => {
    const s = statementOf('hassan-rouhani', (t) => t.includes('Mehr reported'));
    const reuters = { ...s, article: { ...s.article, outlet: 'Reuters', sources: [{ name: 'Reuters', how: 'according-to' as const }] } };
    const { container, rerender } = render(
      <ul>
        <StatementItem statement={reuters} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('.iic-statement-meta')?.textContent).not.toMatch(/according to/);
    expect(container.querySelector('.iic-sources')).toBeNull();
    // The same outlet by its short name; another outlet beside it is still said.
    const mehr = { ...s, article: { ...s.article, outlet: 'Mehr News Agency', sources: [{ name: 'Mehr', how: 'reported' as const }, { name: 'IRNA', how: 'reported' as const }] } };
    rerender(
      <ul>
        <StatementItem statement={mehr} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('.iic-sources')?.textContent).toBe(' · according to IRNA');
  });
  it('says which outlets contributed, listed, never as markup', () => {
    const s = statementOf('bahram-qassemi', (t) => t.startsWith('Iranian Foreign Ministry spokesman Bahram Qassemi'));
    const hostile = { ...s, article: { ...s.article, sources: [{ name: '<b>IRNA</b>', how: 'contributed' as const }, { name: 'Press TV', how: 'contributed' as const }] } };
    const { container, rerender } = render(
      <ul>
        <StatementItem statement={s} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('.iic-sources')?.textContent).toBe(' · with reporting from IRNA, Press TV, Tasnim News Agency');
    rerender(
      <ul>
        <StatementItem statement={hostile} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('.iic-sources')?.textContent).toBe(' · with reporting from <b>IRNA</b>, Press TV');
    expect(container.querySelector('.iic-sources b')).toBeNull();
  });
  it('gives the headline as one, and a title made from the first sentence as the article’s opening, never as its headline', () => {
    const headlined = statementOf('mike-pompeo', (t) => t.includes('when America retreats'));
    const { container, rerender } = render(
      <ul>
        <StatementItem statement={headlined} onOpen={() => {}} />
      </ul>,
    );
    expect(headlined.article.titleFromLead).toBeUndefined();
    expect(container.querySelector('cite')?.textContent).toBe('Iraq not to enter anti Iran alliance');
    const lead = statementOf('nasser-kanaani', (t) => t.startsWith('Iranian Foreign Ministry spokesman'));
    rerender(
      <ul>
        <StatementItem statement={lead} onOpen={() => {}} />
      </ul>,
    );
    expect(lead.article.titleFromLead).toBe(true);
    expect(container.querySelector('cite')).toBeNull();
    expect(container.querySelector('.iic-opening')?.textContent).toBe(`Article beginning “${lead.article.title}”`);
  });
  it('cites the article by publisher and date, and links the original only where the corpus has its address', () => {
    const s = statementOf('nasser-kanaani', (t) => t.startsWith('Iranian Foreign Ministry spokesman'));
    const { container, rerender } = render(
      <ul>
        <StatementItem statement={s} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('.iic-outlet')?.textContent).toBe('Shafaq News');
    expect(container.querySelector('a')).toBeNull();
    const withUrl = { ...s, article: { ...s.article, url: 'https://shafaq.com/en/Iraq/article' } };
    rerender(
      <ul>
        <StatementItem statement={withUrl} onOpen={() => {}} />
      </ul>,
    );
    const link = screen.getByRole('link', { name: /Original article/ });
    expect(link.getAttribute('href')).toBe('https://shafaq.com/en/Iraq/article');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('button', { name: 'Open in reader' })).toBeTruthy();
    // An address that is not plain http(s) is never linked.
    rerender(
      <ul>
        <StatementItem statement={{ ...s, article: { ...s.article, url: 'javascript:alert(1)' } }} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('a')).toBeNull();
  });
  it('copies the statement with its citation, in the interface’s words, and says so', async () => {
    const s = statementOf('mike-pompeo', (t) => t.startsWith('“All strategic issues'));
    vi.stubGlobal('ClipboardItem', undefined);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const { container } = render(
      <ul>
        <StatementItem statement={{ ...s, article: { ...s.article, url: 'https://example.org/kazemi' } }} onOpen={() => {}} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy with citation' }));
    await waitFor(() => expect(container.querySelector('[aria-live="polite"]')?.textContent).toBe('Copied'));
    // The outlet is unknown, so the citation names none; the title is the engine's shortening of the first sentence, cited as such.
    expect(s.article.titleFromLead).toBe(true);
    expect(writeText).toHaveBeenCalledWith(`${s.text}\n— Mike Pompeo, article beginning “${s.article.title}”, April 18, 2020\nhttps://example.org/kazemi`);
    // Not vi.unstubAllGlobals(): that would also take away WXT's fake browser, and with it the English interface.
    vi.stubGlobal('ClipboardItem', clipboardItem);
  });
  it('copies a citation of an undated article with a headline without "undated"', async () => {
    const s = statementOf('mike-pompeo', (t) => t.includes('when America retreats'));
    vi.stubGlobal('ClipboardItem', undefined);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(
      <ul>
        <StatementItem statement={{ ...s, article: { ...s.article, date: null, outlet: null } }} onOpen={() => {}} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy with citation' }));
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    expect(writeText).toHaveBeenCalledWith(`“when America retreats, chaos often follows,”\n— Mike Pompeo, “Iraq not to enter anti Iran alliance”`);
    // Not vi.unstubAllGlobals(): that would also take away WXT's fake browser, and with it the English interface.
    vi.stubGlobal('ClipboardItem', clipboardItem);
  });
  it('marks a speaker the sentence only points back to as inferred, with the text\'s cue on hover or focus; a stated one has no mark', () => {
    const qassemi = lookupHandler(corpus, 'bahram-qassemi')?.statements ?? [];
    const inferred = qassemi.find((s) => s.quotes.some((q) => q.speaker?.id === 'bahram-qassemi' && q.confidence === 'inferred' && q.cue?.kind === 'role'));
    const stated = qassemi.find((s) => s.quotes.length > 0 && s.quotes.every((q) => q.confidence === 'stated'));
    if (!inferred || !stated) throw new Error('the seeds hold a stated and an inferred quote of Qassemi');
    const { container } = render(
      <ul>
        <StatementItem statement={inferred} onOpen={() => {}} subject="bahram-qassemi" />
        <StatementItem statement={stated} onOpen={() => {}} subject="bahram-qassemi" />
      </ul>,
    );
    const [first, second] = [...container.querySelectorAll('li')];
    const mark = first.querySelector('.iic-inferred') as HTMLElement;
    expect(mark.textContent).toContain('said by Bahram Qassemi (inferred)');
    // Reachable from the keyboard, and described by the text's own words that point to him.
    expect(mark.tabIndex).toBe(0);
    const tip = container.querySelector(`#${CSS.escape(mark.getAttribute('aria-describedby') ?? '')}`) as HTMLElement;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toMatch(/^The text says: “the spokesman .+”$/);
    expect(second.querySelector('.iic-inferred')).toBeNull();
  });
  it('says a quote that goes on from the one before continues its speaker\'s statement', () => {
    const kazemi = lookupHandler(corpus, 'hassan-kazemi-qomi')?.statements ?? [];
    const going = kazemi.find((s) => s.quotes.some((q) => q.cue?.kind === 'continuation'));
    if (!going) throw new Error('the seeds hold a continuation of Kazemi Qomi');
    const { container } = render(
      <ul>
        <StatementItem statement={going} onOpen={() => {}} />
      </ul>,
    );
    expect(container.querySelector('.iic-inferred')?.textContent).toContain('continues Hassan Kazemi Qomi’s statement above');
    expect(container.querySelector('.iic-cue')?.textContent).toBe('It follows the words attributed by “Kazemi Qomi opines”');
  });
});
