/** @vitest-environment happy-dom */
/**
 * Corpus text is data, never markup: a seed whose words look like HTML or
 * script, carry bidi overrides or hide joiners inside names, renders through
 * every shared component as exactly those characters, creating no element,
 * no handler and no link, and cannot flip the direction of the UI around it.
 */
import { render } from '@testing-library/preact';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityCard } from '../components/EntityCard';
import { Highlighted } from '../components/Highlighted';
import { RoleList } from '../components/RoleList';
import { StatementList } from '../components/StatementList';
import { useEnglishUi } from '../components/test-support';
import { Timeline } from '../components/Timeline';
import { ArticleView } from '../entrypoints/reader/ArticleView';
import { articleHandler, lookupHandler, searchHandler, timelineHandler } from '../lib/background/handlers';
import { ALL_TYPES } from '../lib/engine/matcher';
import { loadBundle, serializeBundle } from '../lib/engine/bundle';
import { buildCorpus, type SeedFile } from '../lib/engine/corpus';
import { readSeedFolder } from '../tools/seed-folder';

useEnglishUi();

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = "<script>alert('quote')</script>";
const JS_LINK = '<a href="javascript:alert(3)">javascript:alert(3)</a>';
const RLO = '\u202Ekcatta na si siht\u202C';
const ROLE = 'self-styled envoy <script>alert(6)</script>';
const HOSTILE_ID = '005_hostile';
const HOSTILE_TEXT = [
  `date 2021-03-01 BAGHDAD — Foreign Minister Mohammad Javad Zarif said ${IMG} was not a threat.`,
  `“${SCRIPT} is not diplomacy,” Za\u200Drif said on Monday, pointing to ${JS_LINK} in the text.`,
  `Mike Pompeo replied: “${RLO} <b onmouseover=alert(4)>bold</b> words.”`,
  `Hostile Agent, the ${ROLE}, arrived in Tehran with Mike Pompeo.`,
].join('\n\n');
const HOSTILE_ENTITY = {
  id: 'hostile-agent',
  name: `Hostile \u202EAgent ${IMG}`,
  type: 'person',
  aliases: ['Hostile Agent'],
  weakAliases: [],
  roles: [{ text: ROLE, article: HOSTILE_ID }],
};

/** The project's real seeds plus the hostile article and entity. */
function hostileCorpus() {
  const encode = (text: string) => new TextEncoder().encode(text);
  const files: SeedFile[] = readSeedFolder(join(import.meta.dirname, '..', 'seeds')).map((file) => {
    if (file.name !== 'entities.json') return file;
    const entities = JSON.parse(new TextDecoder().decode(file.bytes)) as { entities: unknown[] };
    return { name: file.name, bytes: encode(JSON.stringify({ ...entities, entities: [...entities.entities, HOSTILE_ENTITY] })) };
  });
  files.push({ name: `${HOSTILE_ID}.txt`, bytes: encode(HOSTILE_TEXT) });
  const built = buildCorpus(files);
  return { built, corpus: loadBundle(serializeBundle(built), built.table) };
}

const { built, corpus } = hostileCorpus();
/** The reader's names, without cards: this test is about what the article renders. */
const NO_CARDS = { hoverDelayMs: 0, lookup: async () => null, openArticle: () => {}, openAll: () => {}, scriptsOf: () => undefined };

/** Elements and attributes that would mean text became markup. */
function markupFrom(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (['img', 'script', 'iframe', 'object', 'embed', 'style', 'link', 'svg'].includes(el.localName) && !el.closest('.iic-timeline')) found.push(`<${el.localName}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) found.push(`${el.localName}[${attr.name}=${attr.value}]`);
    }
  }
  return found;
}

/**
 * Visible text nodes holding a bidi override must sit inside an element with
 * its own `dir` below `root`: HTML isolates such elements, so an unterminated
 * override cannot flip the labels and buttons around it.
 */
function unisolatedOverrides(root: Element): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) continue;
    const parent = n.parentElement;
    if (parent?.closest('.iic-visually-hidden')) continue;
    const isolated = parent?.closest('[dir]');
    if (!isolated || isolated === root || !root.contains(isolated)) out.push(text);
  }
  return out;
}

describe('hostile corpus text renders as text', () => {
  it('the checks catch what they look for (or every test below would pass vacuously)', () => {
    const root = document.createElement('div');
    const p = document.createElement('p');
    p.append(RLO);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'alert(1)');
    root.append(p, img);
    expect(markupFrom(root)).toEqual(['<img>', 'img[onerror=alert(1)]']);
    expect(unisolatedOverrides(root)).toEqual([RLO]);
  });

  it('the hostile seed is in the corpus: its names matched (through the joiner), its role cited', () => {
    const agent = built.entities.find((e) => e.id === 'hostile-agent');
    expect(agent?.roles.map((r) => r.text)).toEqual([ROLE]);
    const statements = built.statements.filter((s) => s.article === HOSTILE_ID);
    expect(statements.map((s) => s.text).join(' ')).toContain(IMG);
    // "Za\u200Drif" is Zarif: the quote is his.
    expect(statements.flatMap((s) => s.quotes).find((q) => q.text.includes(SCRIPT))?.speaker).toBe('mohammad-javad-zarif');
  });

  it.each(['hostile-agent', 'mohammad-javad-zarif', 'mike-pompeo'])('EntityCard for %s', (id) => {
    const entity = lookupHandler(corpus, id, 50);
    if (!entity) throw new Error(`no ${id}`);
    const { container } = render(<EntityCard state={{ status: 'ready', entity }} onOpen={() => {}} onClose={() => {}} limit={50} />);
    const card = container.firstElementChild as Element;
    expect(markupFrom(card)).toEqual([]);
    expect(unisolatedOverrides(card)).toEqual([]);
    const text = card.textContent ?? '';
    if (id === 'hostile-agent') expect(text).toContain(HOSTILE_ENTITY.name);
    if (id === 'mohammad-javad-zarif') expect(text).toContain(SCRIPT);
    if (id === 'mike-pompeo') expect(text).toContain(RLO);
    expect(text).toContain(id === 'hostile-agent' ? ROLE : 'Open in reader');
  });

  it('StatementList, RoleList and Timeline', () => {
    const agent = lookupHandler(corpus, 'hostile-agent', 50);
    const zarif = lookupHandler(corpus, 'mohammad-javad-zarif', 50);
    if (!agent || !zarif) throw new Error('lookup failed');
    const { container } = render(
      <div dir="ltr">
        <StatementList statements={[...zarif.statements, ...agent.statements]} onOpen={() => {}} label={agent.name} />
        <RoleList roles={agent.roles} onOpen={() => {}} />
        <Timeline points={timelineHandler(corpus, 'hostile-agent')} name={agent.name} />
      </div>,
    );
    const root = container.firstElementChild as Element;
    expect(markupFrom(root)).toEqual([]);
    expect(unisolatedOverrides(root)).toEqual([]);
    for (const piece of [IMG, SCRIPT, JS_LINK, ROLE]) expect(root.textContent).toContain(piece);
  });

  it('the reader shows the hostile article as text', () => {
    const data = articleHandler(corpus, HOSTILE_ID);
    if (!data) throw new Error('no hostile article');
    const { container } = render(<ArticleView data={data} target={null} types={ALL_TYPES} cards={NO_CARDS} />);
    const article = container.querySelector('article') as Element;
    expect(markupFrom(article)).toEqual([]);
    expect(unisolatedOverrides(article)).toEqual([]);
    for (const piece of [IMG, SCRIPT, JS_LINK, RLO, '<b onmouseover=alert(4)>bold</b>', 'Za\u200Drif']) expect(article.textContent).toContain(piece);
    // The joiner stays in the page's words; the name is still marked as Zarif's.
    expect([...article.querySelectorAll('[data-entity="mohammad-javad-zarif"]')].map((el) => el.textContent)).toContain('Za\u200Drif');
  });

  it('search snippets mark matched words without turning the rest into markup', () => {
    // Plain words: the index keeps symbols inside terms ("onerror=alert"), which snippets never mark.
    const view = searchHandler(corpus, 'diplomacy');
    expect(view.statements.map((s) => s.text).join(' ')).toContain(SCRIPT);
    const { container } = render(
      <div dir="ltr">
        {view.statements.map((s) => (
          <p key={s.id} dir="auto">
            <Highlighted text={s.text} terms={s.terms} lead={60} />
          </p>
        ))}
      </div>,
    );
    const root = container.firstElementChild as Element;
    expect(markupFrom(root)).toEqual([]);
    expect(root.querySelectorAll('mark').length).toBeGreaterThan(0);
    expect(root.textContent).toContain(SCRIPT);
  });
});
