/**
 * Scores a built corpus against hand-made gold (`../shared/corpus/gold.json`):
 * which people and organisations each article names, and who said each quote.
 * An entity counts as found when one of its names is, letter for letter after
 * light folding, a form the gold gives; one entity answers for one gold item.
 */
import type { BuiltCorpus } from '../../lib/engine/corpus';
import { outletFullName } from '../../lib/engine/known';
import type { Entity } from '../../lib/engine/types';

export interface GoldPerson {
  name: string;
  forms: string[];
  role: string | null;
}
export interface GoldOrg {
  name: string;
  forms: string[];
}
export interface GoldQuote {
  quote: string;
  speaker: string | null;
  note?: string;
}
export interface GoldArticle {
  people: GoldPerson[];
  organizations: GoldOrg[];
  quotes: GoldQuote[];
}
export type Gold = Record<string, GoldArticle>;

/** One line of `sources.tsv`: the outlet and the date the text gives. */
export interface SourceLine {
  file: string;
  outlet: string;
  date: string;
}

export interface Tally {
  gold: number;
  found: number;
}

export interface Score {
  people: Tally;
  organizations: Tally;
  /** Discovered entities named in the gold articles, and how many of them are gold entities. */
  discovered: { total: number; right: number; wrong: { article: string; name: string; type: string }[] };
  quotes: { scored: number; right: number; none: number; missed: string[]; wrong: { article: string; quote: string; gold: string | null; got: string | null }[]; ambiguous: number };
  roles: { gold: number; given: number };
  facts: { wrongDates: string[]; wrongOutlets: string[]; dated: number; withOutlet: number };
  missed: { article: string; name: string; type: string }[];
  /** Gold people or organisations that two or more of the article's entities answer to: one real-world entity split in two. */
  split: { article: string; name: string; entities: string[] }[];
}

/** Folding for comparing names: case, accents, "al-", "Mr.", "the", apostrophes and hyphens do not count. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u2018\u02bc`]/g, "'")
    .replace(/^(?:the|mr\.?|mrs\.?|dr\.?)\s+/, '')
    .replace(/\b(?:al|el)[-\s]/g, '')
    .replace(/[-']/g, ' ')
    .replace(/[.,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function names(e: Entity): Set<string> {
  return new Set([e.name, ...e.aliases, ...e.weakAliases].map(foldName));
}

function matches(e: Entity, gold: { name: string; forms: string[] }): boolean {
  const own = names(e);
  return [gold.name, ...gold.forms].some((f) => own.has(foldName(f)));
}

const foldQuote = (q: string) => q.replace(/[\u201c\u201d\u2018\u2019"']/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

/** "AP / Military Times": the outlet, or the wire a republisher carries, agrees; an acronym agrees with its full name. */
function outletAgrees(ours: string, theirs: string): boolean {
  const parts = theirs.replace(/\(.*\)/, '').split('/').map((p) => p.trim());
  return [theirs, ...parts, ...parts.map(outletFullName)].some((t) => sameOutlet(ours, t));
}

function sameOutlet(ours: string, theirs: string): boolean {
  const a = foldName(ours);
  const b = foldName(theirs.replace(/\(.*\)/, ''));
  if (b.replace(/ /g, '') === a.replace(/ /g, '')) return true;
  if (b.includes(a) || a.includes(b)) return true;
  const bare = theirs.replace(/\(.*\)/, '').trim();
  return ours === initials(bare) || ours === initials(bare.replace(/^the\s+/i, ''));
}

export function score(corpus: BuiltCorpus, gold: Gold, sources: SourceLine[]): Score {
  const result: Score = {
    people: { gold: 0, found: 0 },
    organizations: { gold: 0, found: 0 },
    discovered: { total: 0, right: 0, wrong: [] },
    quotes: { scored: 0, right: 0, none: 0, missed: [], wrong: [], ambiguous: 0 },
    roles: { gold: 0, given: 0 },
    facts: { wrongDates: [], wrongOutlets: [], dated: 0, withOutlet: 0 },
    missed: [],
    split: [],
  };
  for (const [id, article] of Object.entries(gold)) {
    // A news outlet is one of the organisations the gold lists.
    const named = corpus.entities.filter((e) => e.articles.includes(id) && e.type !== 'place').map((e) => (e.type === 'media' ? { ...e, type: 'organization' as const } : e));
    const assigned = new Map<Entity, GoldPerson | GoldOrg>();
    // An entity that carries the gold item's fullest name answers for it before one that shares only a shorter form ("Barzani").
    const pick = (item: GoldPerson | GoldOrg, type: 'person' | 'organization') => {
      const free = named.filter((x) => x.type === type && !assigned.has(x));
      const e = free.find((x) => matches(x, { name: item.name, forms: [] })) ?? free.find((x) => matches(x, item));
      if (e) assigned.set(e, item);
      return e;
    };
    for (const p of article.people) {
      result.people.gold++;
      const e = pick(p, 'person');
      if (e) result.people.found++;
      else result.missed.push({ article: id, name: p.name, type: 'person' });
      if (p.role) {
        result.roles.gold++;
        if (e?.roles.some((r) => r.article === id)) result.roles.given++;
      }
    }
    for (const o of article.organizations) {
      result.organizations.gold++;
      if (pick(o, 'organization')) result.organizations.found++;
      else result.missed.push({ article: id, name: o.name, type: 'organization' });
    }
    // A form two gold items share ("Barzani" of Masoud and of Nechirvan) tells them apart from nothing.
    const items = [...article.people, ...article.organizations];
    const formCount = new Map<string, number>();
    for (const item of items) for (const f of new Set([item.name, ...item.forms].map(foldName))) formCount.set(f, (formCount.get(f) ?? 0) + 1);
    for (const item of items) {
      const type = article.people.includes(item as GoldPerson) ? 'person' : 'organization';
      const own = { name: item.name, forms: item.forms.filter((f) => formCount.get(foldName(f)) === 1) };
      // A weak alias names nobody on its own: an entity answers for a gold item by its name or full aliases.
      const answering = named.filter((e) => e.type === type && matches({ ...e, weakAliases: [] }, own));
      if (answering.length > 1) result.split.push({ article: id, name: item.name, entities: answering.map((e) => e.name) });
    }
    for (const e of named) {
      if (e.source !== 'discovered') continue;
      result.discovered.total++;
      if (assigned.has(e)) result.discovered.right++;
      else result.discovered.wrong.push({ article: id, name: e.name, type: e.type });
    }
    scoreQuotes(corpus, id, article, result);
    const facts = corpus.articles.find((a) => a.id === id);
    const line = sources.find((s) => s.file === `${id}.txt`);
    if (facts && line) {
      if (facts.date) {
        result.facts.dated++;
        if (facts.date.iso !== line.date) result.facts.wrongDates.push(`${id}: ${facts.date.iso} (source: ${line.date || 'none'})`);
      }
      if (facts.outlet) {
        result.facts.withOutlet++;
        if (!outletAgrees(facts.outlet.name, line.outlet)) result.facts.wrongOutlets.push(`${id}: ${facts.outlet.name} (source: ${line.outlet})`);
      }
    }
  }
  return result;
}

function scoreQuotes(corpus: BuiltCorpus, id: string, article: GoldArticle, result: Score): void {
  const ours = corpus.statements.filter((s) => s.article === id).flatMap((s) => s.quotes);
  let from = 0;
  for (const q of article.quotes) {
    const want = foldQuote(q.quote).slice(0, 40);
    const at = ours.findIndex((o, i) => i >= from && (foldQuote(o.text).startsWith(want) || (want.startsWith(foldQuote(o.text)) && foldQuote(o.text).length > 3)));
    const got = at >= 0 ? ours[at].speaker : null;
    if (at >= 0) from = at + 1;
    if (q.note?.startsWith('AMBIGUOUS')) {
      result.quotes.ambiguous++;
      continue;
    }
    result.quotes.scored++;
    const speaker = got ? corpus.entities.find((e) => e.id === got) : undefined;
    const goldItem = q.speaker ? [...article.people, ...article.organizations].find((x) => x.name === q.speaker) : undefined;
    if (q.speaker === null ? got === null : speaker && goldItem && matches(speaker, goldItem)) result.quotes.right++;
    else if (got === null) {
      result.quotes.none++;
      result.quotes.missed.push(`${id}: "${q.quote.slice(0, 40)}…" gold ${q.speaker}${at < 0 ? ' (quote not found)' : ''}`);
    }
    else result.quotes.wrong.push({ article: id, quote: q.quote.slice(0, 40), gold: q.speaker, got: speaker?.name ?? got });
  }
}
