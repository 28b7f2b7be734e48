/** @vitest-environment happy-dom */
/**
 * Every surface names people and organisations as a Persian or Arabic reader
 * writes them, where entities.json spells them so, with the Latin form beside
 * it; each form is an isolated run (`<bdi>`), and lists of names keep the
 * language's own separators outside those runs, so a Latin name inside a
 * right-to-left sentence neither reorders its neighbours ("Tehran و Rouhani")
 * nor drags a separator into its own direction.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { EntityCard } from '../components/EntityCard';
import { EntityScriptsContext, scriptsLookup } from '../components/entity-scripts';
import { ListOf } from '../components/ListOf';
import { EntityName } from '../components/EntityName';
import { expectNoSeriousAxeViolations } from '../components/test-support';
import { articleHandler, listArticlesHandler, lookupHandler, timelineHandler } from '../lib/background/handlers';
import { entityScripts } from '../lib/entity-scripts';
import { App as PopupApp } from '../entrypoints/popup/App';
import { fakePopupApi, pageShowingArticle } from '../entrypoints/popup/fake-api';
import type { ReaderApi } from '../entrypoints/reader/api';
import { ReaderApp } from '../entrypoints/reader/App';
import { catalogue, fakeI18n } from './fake-i18n';
import { loadedSeedCorpus } from './seeds';
import { useUi } from './ui-language';

const fa = catalogue('fa');
const ar = catalogue('ar');
const m = (messages: typeof fa, key: string, ...subs: string[]) => fakeI18n(messages, '').getMessage(key, subs);
const corpus = loadedSeedCorpus();
const lookup = scriptsLookup(entityScripts([corpus.table]));

/** The forms of each name under `root`: [script form or null, Latin form], read from the isolated runs. */
function namesIn(root: Element): [string | null, string][] {
  const latin = [...root.querySelectorAll('bdi.iic-name-part[lang="en"], bdi.iic-name-part:not([lang])')];
  return latin.map((run) => {
    const before = run.previousElementSibling;
    const script = before?.matches('bdi.iic-name-part[dir="rtl"]') ? before.textContent : null;
    return [script, run.textContent ?? ''];
  });
}

/** Text outside any name's run: only the list's separators and the sentence around it, never part of a name. */
function textOutsideNames(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  for (const run of clone.querySelectorAll('bdi')) run.remove();
  return clone.textContent ?? '';
}

const readerApi: ReaderApi = {
  getArticle: async (id) => articleHandler(corpus, id),
  listArticles: async () => listArticlesHandler(corpus),
  lookupEntity: async (id, limit) => lookupHandler(corpus, id, limit),
  timeline: async (id) => timelineHandler(corpus, id),
  entityScripts: async () => entityScripts([corpus.table]),
};

describe('in Persian', () => {
  useUi(fa, 'fa');

  it('the popup’s list of the page’s names gives each in Persian script, the Latin form beside it, each its own run', async () => {
    const { container } = render(<PopupApp api={fakePopupApi({ page: pageShowingArticle('000_e2b84ee6c719b08a') })} />);
    const list = await waitFor(() => {
      const ul = container.querySelector('#page-names ul');
      if (!ul) throw new Error('no names yet');
      return ul;
    });
    const shown = Object.fromEntries(
      [...list.querySelectorAll<HTMLElement>('li[data-entity]')].map((li) => [li.dataset.entity, namesIn(li.querySelector('.name-reveal')!)[0]]),
    );
    expect(shown['bahram-qassemi']).toEqual(['بهرام قاسمی', 'Bahram Qassemi']);
    // The Persian spelling (ترامپ, with پ) over the Arabic-looking full one.
    expect(shown['donald-trump']).toEqual(['ترامپ', 'Donald Trump']);
    expect(shown['mike-pompeo']).toEqual(['پمپئو', 'Mike Pompeo']);
    // Only an Arabic spelling (مقتدى, with ى): a Persian reader gets the Latin form alone, not the other language's.
    expect(shown['muqtada-al-sadr']).toEqual([null, 'Muqtada al-Sadr']);
    expect(shown['brian-hook']).toEqual([null, 'Brian Hook']);
    const pompeo = list.querySelector('li[data-entity="mike-pompeo"]')!;
    expect(pompeo.querySelector('bdi[lang="fa"]')?.getAttribute('dir')).toBe('rtl');
    expect(pompeo.querySelector('bdi[lang="en"]')?.getAttribute('dir')).toBe('auto');
    // What a screen reader hears for the statements' toggle names the person the same way.
    expect(within(pompeo as HTMLElement).getByRole('button', { name: new RegExp(m(fa, 'aboutName', 'پمپئو \\(Mike Pompeo\\)')) })).toBeTruthy();
    await expectNoSeriousAxeViolations(document.body);
  });

  it('search results, related articles and a name opened up name people in Persian script', async () => {
    const { container } = render(<PopupApp api={fakePopupApi({ page: pageShowingArticle('002_4150bcee245c5d5c') })} />);
    // Related articles: "اشاره به …", each shared name its own run, the Persian list's separators between them, outside.
    const related = await waitFor(() => {
      const li = container.querySelector('#related-articles li[data-article="002_4150bcee245c5d5c"] .related-why');
      if (!li) throw new Error('no related articles yet');
      return li;
    });
    expect(namesIn(related).slice(0, 2)).toEqual([
      ['حسن روحانی', 'Hassan Rouhani'],
      ['مصطفی کاظمی', 'Mustafa al-Kadhimi'],
    ]);
    expect(textOutsideNames(related).replace(m(fa, 'relatedWhy', ''), '')).toMatch(/^(\s|،|\u200f|و)+$/);
    const zarifWhy = container.querySelector('#related-articles li[data-article="001_2e552cf3305906f6"] .related-why')!;
    expect(namesIn(zarifWhy)[0]).toEqual(['محمد جواد ظریف', 'Mohammad Javad Zarif']);

    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'Zarif' } });
    const option = await waitFor(() => {
      const found = container.querySelector('[role=option][data-kind="name"][data-id="mohammad-javad-zarif"]');
      if (!found) throw new Error('no result yet');
      return found;
    });
    expect(namesIn(option.querySelector('.option-title')!)).toEqual([['محمد جواد ظریف', 'Mohammad Javad Zarif']]);
    expect([...option.querySelectorAll('.option-title mark')].map((mark) => mark.textContent)).toContain('Zarif');

    // Opened up: the heading, the timeline's description and the statements' label.
    fireEvent.click(option);
    const panel = await waitFor(() => {
      const details = container.querySelector('.panel .details[data-status="ready"]');
      if (!details) throw new Error('not loaded yet');
      return details.closest('.panel')!;
    });
    expect(namesIn(panel.querySelector('h2')!)).toEqual([['محمد جواد ظریف', 'Mohammad Javad Zarif']]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(m(fa, 'timelineTitle', 'محمد جواد ظریف (Mohammad Javad Zarif)'));
    expect(screen.getByRole('list', { name: m(fa, 'statementsAbout', 'محمد جواد ظریف (Mohammad Javad Zarif)') })).toBeTruthy();
    await expectNoSeriousAxeViolations(document.body);
  });

  it('the card names in whose statement words were quoted, in Persian script; an answer to a quote is about the one who answers', () => {
    const card = (id: string) =>
      render(
        <EntityScriptsContext.Provider value={lookup}>
          <EntityCard state={{ status: 'ready', entity: lookupHandler(corpus, id, 8)! }} onOpen={() => {}} onClose={() => {}} />
        </EntityScriptsContext.Provider>,
      );
    // On Zarif's card, the sentence in which he answers Pompeo's quoted claim is about him: the words
    // in quotes are not his, and the whole sentence is not Pompeo's either, so no one is "said by".
    const zarif = card('mohammad-javad-zarif').container;
    const answer = [...zarif.querySelectorAll<HTMLElement>('[data-statement]')].find((s) => s.textContent?.includes('chaos often follows'))!;
    expect(answer.dataset.relation).toBe('about');
    expect(answer.querySelector('.iic-speaker')).toBeNull();
    // On Pompeo's card the same words are his, in a statement by Zarif; "said by" him would repeat the card's heading.
    const pompeo = card('mike-pompeo').container;
    const quoted = pompeo.querySelector('[data-relation="quoted"]')!;
    expect(namesIn(quoted.querySelector('.iic-voice')!)).toEqual([['محمد جواد ظریف', 'Mohammad Javad Zarif']]);
    expect(pompeo.querySelector('.iic-speaker')).toBeNull();
  });

  it('the reader’s entity page, its timeline and its statements name the person in Persian script', async () => {
    window.location.hash = '#entity=mike-pompeo';
    render(<ReaderApp api={readerApi} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(namesIn(heading)).toEqual([['پمپئو', 'Mike Pompeo']]);
    await waitFor(() => expect(document.title).toBe(m(fa, 'entityPageTitle', 'پمپئو (Mike Pompeo)')));
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('پمپئو (Mike Pompeo)');
    const list = screen.getByRole('list', { name: m(fa, 'statementsAbout', 'پمپئو (Mike Pompeo)') });
    await waitFor(() => expect([...list.querySelectorAll('.iic-voice')].flatMap((s) => namesIn(s))).toContainEqual(['محمد جواد ظریف', 'Mohammad Javad Zarif']));
    window.location.hash = '';
  });

  it('lists Latin names in a Persian sentence as separate runs, the separators the language’s own', () => {
    const { container } = render(
      <p>
        <ListOf items={[<EntityName key="t" name="Tehran" />, <EntityName key="b" name="Geneva" />, <EntityName key="r" name="Hassan Rouhani" id="hassan-rouhani" />]} />
      </p>,
    );
    const p = container.querySelector('p')!;
    // Outside the runs only the separators, one between each pair, and no letter of a name.
    expect(textOutsideNames(p)).toBe(new Intl.ListFormat('fa', { type: 'unit', style: 'short' }).format(['', '', '']));
    expect([...p.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['Tehran', 'Geneva', 'Hassan Rouhani']);
  });
});

describe('in Arabic', () => {
  useUi(ar, 'ar');

  it('names the page’s people in Arabic spellings (ك, ي), never Persian ones', async () => {
    const { container } = render(<PopupApp api={fakePopupApi({ page: pageShowingArticle('004_92d2bbb8eb3598db') })} />);
    const list = await waitFor(() => {
      const ul = container.querySelector('#page-names ul');
      if (!ul) throw new Error('no names yet');
      return ul;
    });
    const shown = Object.fromEntries(
      [...list.querySelectorAll<HTMLElement>('li[data-entity]')].map((li) => [li.dataset.entity, namesIn(li.querySelector('.name-reveal')!)[0]]),
    );
    expect(shown['hassan-kazemi-qomi']).toEqual(['حسن كاظمي قمي', 'Hassan Kazemi Qomi']);
    expect(shown['qassem-soleimani']).toEqual(['قاسم سليماني', 'Qassem Soleimani']);
    expect(shown['mike-pompeo']).toEqual(['بومبيو', 'Mike Pompeo']);
    // Only a Persian spelling (ت‌س‌ن‌ی‌م with ی): an Arabic reader gets the Latin form alone.
    expect(shown['tasnim-news-agency']).toEqual([null, 'Tasnim News Agency']);
    expect(list.querySelector('bdi[lang="ar"]')?.getAttribute('dir')).toBe('rtl');
  });
});
