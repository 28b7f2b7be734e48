/**
 * Discovery: the people and organisations the articles name, merged across
 * articles into one entity each, with aliases and roles in the articles' own
 * words. The curated file always wins: a name it lists stays its entity, a
 * discovered spelling of a curated person becomes one more alias of that
 * person, and no discovered alias may take a curated one's place.
 */
import type { CuratedEntity } from '../entities-file';
import { ALL_TYPES, findMentions, type NameTable } from '../matcher';
import { tokenize } from '../normalize';
import type { EntityType } from '../types';
import { outletFullName } from '../known';
import { articleNames, type Claimed, type Found, isRole } from './article-names';
import { type OrganizationForms, organizationJoins } from './join-organizations';
import { GIVEN_NAMES, HONORIFICS } from './lexicon';
import { orgKey, personKey, skeleton, surname } from './keys';

export interface DiscoveryArticle {
  id: string;
  paragraphs: string[];
  /** The publisher and the outlets the article cites: organisations it names, even in its byline. */
  outlets: string[];
}

export interface DiscoveredEntity extends CuratedEntity {
  /** Articles that name it (by discovery; mentions found later add to these). */
  articles: string[];
}

export interface Discovery {
  entities: DiscoveredEntity[];
  /** Curated entities' further spellings and roles, found in the articles. */
  curatedAdditions: Map<string, { aliases: string[]; roles: { text: string; article: string }[]; articles: string[] }>;
  /** Discovered once, with no role: a maintainer should confirm or block them in entities.json. */
  review: string[];
}

interface Merged {
  type: 'person' | 'organization';
  /** An organisation some article shows to be a news outlet. */
  media: boolean;
  forms: Map<string, number>;
  surnames: Set<string>;
  acronyms: Set<string>;
  roles: { text: string; article: string }[];
  articles: Set<string>;
  curated: string | null;
}

const fold = (alias: string) => tokenize(alias).map((t) => t.folded).join(' ');

/** Discovers entities in every article; deterministic for the same input. */
export function discoverEntities(articles: DiscoveryArticle[], curated: CuratedEntity[], table: NameTable, blockers: string[]): Discovery {
  const curatedForms = new Set<string>();
  const blocked = new Set(blockers.map(fold));
  const curatedByKey = new Map<string, string>();
  for (const e of curated) {
    for (const alias of [e.name, ...e.aliases, ...e.weakAliases]) curatedForms.add(fold(alias));
    if (e.type === 'place') continue;
    for (const alias of [e.name, ...e.aliases]) {
      const key = e.type === 'person' ? personKey(alias) : orgKey(alias);
      if (key && !curatedByKey.has(`${e.type}:${key}`)) curatedByKey.set(`${e.type}:${key}`, e.id);
    }
  }
  const merged = new Map<string, Merged>();
  for (const article of articles) {
    for (const group of groupArticle(article, table)) {
      const key = `${group.type}:${group.key}`;
      const curatedId = curatedByKey.get(key) ?? (curatedForms.has(fold(group.name)) ? curatedIdOf(curated, group.name) : null);
      const m: Merged = merged.get(key) ?? { type: group.type, media: false, forms: new Map(), surnames: new Set(), acronyms: new Set(), roles: [], articles: new Set(), curated: curatedId };
      m.media ||= group.media === true;
      for (const form of group.forms) m.forms.set(form, (m.forms.get(form) ?? 0) + 1);
      for (const s of group.surnames) m.surnames.add(s);
      if (group.acronym) m.acronyms.add(group.acronym);
      for (const role of group.roles) if (!m.roles.some((r) => r.text === role && r.article === article.id)) m.roles.push({ text: role, article: article.id });
      m.articles.add(article.id);
      merged.set(key, m);
    }
  }
  joinLoneSurnames(merged, curated);
  joinShortAndMisspeltNames(merged);
  joinOrganizations(merged, curated);
  return assemble([...merged.values()], curated, curatedForms, blocked);
}

/** Moves everything one merged person holds into another. */
function mergeInto(into: Merged, from: Merged): void {
  for (const [form, n] of from.forms) into.forms.set(form, (into.forms.get(form) ?? 0) + n);
  for (const s of from.surnames) into.surnames.add(s);
  for (const r of from.roles) into.roles.push(r);
  for (const a of from.articles) into.articles.add(a);
}

/** Edit distance, for short words only (surnames): "Hadi" and "Mahdi" are two apart. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

const roleWords = (roles: { text: string }[]) => new Set(roles.flatMap((r) => r.text.toLowerCase().split(/\s+/)).filter((w) => w.length > 3));

/**
 * One person, one entity, across the corpus:
 * - "Abdul Mahdi" is "Adel Abdul Mahdi" when that is the only full name ending so;
 * - "Adel Abdul Hadi" is "Adel Abdul Mahdi" (a misspelt surname) when the given names agree,
 *   the surnames are at most two letters apart, they share a role's words ("Iraqi Prime Minister")
 *   and an article names both (it wrote "Adel Abdul Hadi" and "Abdul Mahdi").
 */
function joinShortAndMisspeltNames(merged: Map<string, Merged>): void {
  const people = [...merged].filter(([, m]) => m.type === 'person' && !m.curated);
  const byLastWord = new Map<string, [string, Merged][]>();
  const byHead = new Map<string, [string, Merged][]>();
  for (const entry of people) {
    for (const form of entry[1].forms.keys()) {
      const words = form.split(' ');
      if (words.length < 2) continue;
      const last = words[words.length - 1].toLowerCase();
      addTo(byLastWord, last, entry);
      if (words.length >= 3) {
        const head = words.slice(0, -1).join(' ').toLowerCase();
        addTo(byHead, head, entry);
      }
    }
  }
  for (const [key, m] of people) {
    if (!merged.has(key)) continue;
    const forms = [...m.forms.keys()];
    // Shorter: every form is the end of one and the same longer name.
    const longer = new Set<string>();
    for (const form of forms) {
      const words = form.split(' ');
      for (const [k2, o] of byLastWord.get(words[words.length - 1].toLowerCase()) ?? []) {
        if (k2 !== key && merged.has(k2) && [...o.forms.keys()].some((f) => f.split(' ').length > words.length && f.endsWith(` ${form}`))) longer.add(k2);
      }
    }
    if (forms.every((f) => f.includes(' ')) && longer.size === 1) {
      const [target] = longer;
      const into = merged.get(target);
      if (into && forms.every((f) => [...into.forms.keys()].some((g) => g.endsWith(` ${f}`)))) {
        mergeInto(into, m);
        merged.delete(key);
      }
    }
  }
  // Misspelt, once the short forms have joined (they bring the article both are named in).
  for (const [key, m] of people) {
    if (!merged.has(key)) continue;
    const forms = [...m.forms.keys()];
    const mine = roleWords(m.roles);
    for (const form of forms) {
      const words = form.split(' ');
      if (words.length < 3) continue;
      const last = words[words.length - 1];
      const twins = (byHead.get(words.slice(0, -1).join(' ').toLowerCase()) ?? []).filter(([k2, o]) => {
        if (k2 === key || !merged.has(k2)) return false;
        const theirs = roleWords(o.roles);
        const near = [...o.forms.keys()].some((f) => last.length >= 4 && editDistance(last.toLowerCase(), (f.split(' ').pop() as string).toLowerCase()) <= 2);
        return near && [...mine].some((w) => theirs.has(w)) && [...m.articles].some((a) => o.articles.has(a));
      });
      const target = twins.length === 1 ? twins[0] : null;
      if (target && target[1].articles.size >= m.articles.size) {
        mergeInto(target[1], m);
        merged.delete(key);
        break;
      }
    }
  }
}

/** Merges each organisation into the one other that its names are an acronym or a shorter form of (see join-organizations). */
function joinOrganizations(merged: Map<string, Merged>, curated: CuratedEntity[]): void {
  const keys: (string | null)[] = [];
  const list: OrganizationForms[] = [];
  const curatedIds: (string | null)[] = [];
  for (const [key, m] of merged) {
    if (m.type !== 'organization' || m.curated) continue;
    keys.push(key);
    curatedIds.push(null);
    list.push({ forms: [...m.forms.keys()], acronyms: [...m.acronyms] });
  }
  for (const e of curated) {
    if (e.type !== 'organization') continue;
    keys.push(null);
    curatedIds.push(e.id);
    list.push({ forms: [e.name, ...e.aliases], acronyms: [] });
  }
  const joins = organizationJoins(list);
  const finalTarget = (i: number): number => {
    let j = i;
    for (let hops = 0; joins.has(j) && hops < 8; hops++) j = joins.get(j) as number;
    return j;
  };
  for (const i of joins.keys()) {
    const key = keys[i];
    if (key === null) continue;
    const from = merged.get(key);
    const t = finalTarget(i);
    if (!from || t === i) continue;
    if (curatedIds[t]) {
      from.curated = curatedIds[t];
      continue;
    }
    const into = merged.get(keys[t] as string);
    if (!into) continue;
    for (const [form, n] of from.forms) into.forms.set(form, (into.forms.get(form) ?? 0) + n);
    for (const a of from.acronyms) into.acronyms.add(a);
    for (const r of from.roles) into.roles.push(r);
    for (const a of from.articles) into.articles.add(a);
    into.media ||= from.media;
    merged.delete(key);
  }
}

/** The start of a surname, folded, beside its skeleton: "Salman" and "Soleimani" share a skeleton but are no one's two spellings. */
const surnameKey = (name: string) => {
  const bare = surname(name);
  return `${skeleton(bare)}:${fold(bare).slice(0, 2)}`;
};

/**
 * A person the corpus knows only by surname ("Masjedi" in one article, "Raisi" in
 * another) is the one person it knows in full with that surname ("Iraj Masjedi",
 * "Ebrahim Raisi"); with none or several, they stay apart.
 */
function joinLoneSurnames(merged: Map<string, Merged>, curated: CuratedEntity[]): void {
  const full = new Map<string, Set<string>>();
  const add = (key: string, owner: string) => full.set(key, (full.get(key) ?? new Set()).add(owner));
  for (const [key, m] of merged) {
    if (m.type !== 'person') continue;
    for (const form of m.forms.keys()) if (form.includes(' ')) add(surnameKey(form), m.curated ? `curated:${m.curated}` : key);
  }
  for (const e of curated) {
    if (e.type !== 'person') continue;
    for (const form of [e.name, ...e.aliases]) if (form.includes(' ')) add(surnameKey(form), `curated:${e.id}`);
  }
  for (const [key, m] of merged) {
    if (m.type !== 'person' || m.curated || [...m.forms.keys()].some((f) => f.includes(' '))) continue;
    const owners = new Set<string>();
    for (const form of m.forms.keys()) for (const o of full.get(surnameKey(form)) ?? []) owners.add(o);
    if (owners.size !== 1) continue;
    const [owner] = owners;
    if (owner.startsWith('curated:')) {
      m.curated = owner.slice('curated:'.length);
      continue;
    }
    const target = merged.get(owner);
    if (!target || target === m) continue;
    for (const form of m.forms.keys()) target.surnames.add(form);
    for (const r of m.roles) target.roles.push(r);
    for (const a of m.articles) target.articles.add(a);
    merged.delete(key);
  }
}

function curatedIdOf(curated: CuratedEntity[], name: string): string | null {
  const f = fold(name);
  return curated.find((e) => [e.name, ...e.aliases, ...e.weakAliases].some((a) => fold(a) === f))?.id ?? null;
}

interface Group {
  type: 'person' | 'organization';
  media?: boolean;
  key: string;
  name: string;
  forms: string[];
  surnames: string[];
  acronym?: string;
  roles: string[];
}

/** One article's finds, with each person's surname-only mentions and each organisation's shorter forms folded into their full name. */
function groupArticle(article: DiscoveryArticle, table: NameTable): Group[] {
  const text = article.paragraphs.join('\n\n');
  const mentions = findMentions(text, table, { types: ALL_TYPES });
  const claimed: Claimed[][] = article.paragraphs.map(() => []);
  const curatedSurnames = new Set<string>();
  let base = 0;
  let p = 0;
  for (const m of mentions) {
    while (p < article.paragraphs.length - 1 && m.start >= base + article.paragraphs[p].length + 2) {
      base += article.paragraphs[p].length + 2;
      p++;
    }
    claimed[p].push({ start: m.start - base, end: m.end - base, type: m.type, name: table.entities[m.entity].name });
    if (m.type === 'person') curatedSurnames.add(skeleton(surname(table.entities[m.entity].name)));
  }
  const found = articleNames(article.paragraphs, claimed);
  // The publisher and the outlets it cites, each by its full name with the form the text wrote ("Kurdistan 24").
  const outlets = new Map<string, Found>();
  for (const outlet of article.outlets) {
    const full = outletFullName(outlet);
    // Two letters name an outlet only when they are a known one's ("AP").
    if (outlet.length <= 2 && full === outlet) continue;
    const f = outlets.get(full) ?? { kind: 'organization', name: full, roles: [], titled: false, paragraph: -1, start: -1, media: true };
    if (outlet !== full) f.alsoNamed = outlet;
    outlets.set(full, f);
  }
  found.push(...outlets.values());
  const groups = new Map<string, Group>();
  const singles: Found[] = [];
  for (const f of found) {
    if (f.kind === 'person') {
      const key = personKey(f.name);
      if (!key) {
        singles.push(f);
        continue;
      }
      const g = groups.get(`person:${key}`) ?? { type: 'person', key, name: f.name, forms: [], surnames: [], roles: [] };
      if (f.name.split(' ').length > g.name.split(' ').length) g.name = f.name;
      g.forms.push(f.name);
      g.roles.push(...f.roles);
      groups.set(`person:${key}`, g);
    } else {
      const key = orgKey(f.name);
      const g = groups.get(`org:${key}`) ?? { type: 'organization', key, name: f.name, forms: [], surnames: [], roles: [] };
      g.forms.push(f.name);
      if (f.media) g.media = true;
      if (f.alsoNamed) g.forms.push(f.alsoNamed);
      if (f.acronym) g.acronym = f.acronym;
      groups.set(`org:${key}`, g);
    }
  }
  const bySurname = new Map<string, Group>();
  for (const g of groups.values()) {
    const sk = skeleton(surname(g.name));
    if (g.type === 'person' && !bySurname.has(sk)) bySurname.set(sk, g);
  }
  for (const s of singles) {
    const sk = skeleton(surname(s.name));
    const owner = bySurname.get(sk);
    if (owner) {
      owner.surnames.push(s.name);
      owner.roles.push(...s.roles);
    } else if ((s.titled || speakingTwice(singles, sk)) && !curatedSurnames.has(sk) && !GIVEN_NAMES.has(s.name)) {
      // "President Trump" alone: a titled surname is a person even without a first name;
      // so is a surname the article makes speak twice ("Masjedi told …", "Masjedi added").
      // A surname that only ever speaks once stays a lead for a full name to claim.
      const g = groups.get(`person:${sk}`) ?? { type: 'person', key: sk, name: s.name, forms: [], surnames: [], roles: [] };
      g.forms.push(s.name);
      g.roles.push(...s.roles);
      groups.set(`person:${sk}`, g);
    }
  }
  foldHonorificNames(groups);
  // "Abd al-Mahdi" after "Adil Abd al-Mahdi", "Security Council" after "U.N. Security Council":
  // the end of a name the article gave in full. Compared only within one last word, so the work stays linear in practice.
  foldShorterForms(groups, 'person', (g) => g.name);
  foldShorterForms(groups, 'organization', (g) => g.key);
  return [...groups.values()];
}

/** "Mam Jalal" beside "Jalal Talabani": a title of respect and a given name are the one person the article names with that given name. */
function foldHonorificNames(groups: Map<string, Group>): void {
  const byGivenName = new Map<string, Group[]>();
  for (const o of groups.values()) {
    const parts = o.name.split(' ');
    if (o.type === 'person' && parts.length >= 2 && !HONORIFICS.has(parts[0].toLowerCase())) addTo(byGivenName, parts[0], o);
  }
  for (const [key, g] of groups) {
    const parts = g.name.split(' ');
    if (g.type !== 'person' || parts.length !== 2 || !HONORIFICS.has(parts[0].toLowerCase())) continue;
    const owners = byGivenName.get(parts[1]) ?? [];
    if (owners.length !== 1) continue;
    owners[0].forms.push(...g.forms);
    owners[0].roles.push(...g.roles);
    groups.delete(key);
  }
}

/** Whether the article's lone surnames with this skeleton speak at least twice. */
function speakingTwice(singles: Found[], sk: string): boolean {
  let n = 0;
  for (const s of singles) if (skeleton(surname(s.name)) === sk && ++n === 2) return true;
  return false;
}

function foldShorterForms(groups: Map<string, Group>, type: Group['type'], text: (g: Group) => string): void {
  const byLastWord = new Map<string, [string, Group][]>();
  for (const entry of groups) {
    if (entry[1].type !== type) continue;
    const last = text(entry[1]).split(' ').pop() ?? '';
    addTo(byLastWord, last, entry);
  }
  for (const bucket of byLastWord.values()) {
    if (bucket.length < 2) continue;
    for (const [k, g] of bucket) {
      const longer = bucket.find(([k2, o]) => k2 !== k && groups.has(k2) && text(o).endsWith(` ${text(g)}`));
      if (!longer) continue;
      longer[1].forms.push(...g.forms);
      longer[1].roles.push(...g.roles);
      if (g.media) longer[1].media = true;
      groups.delete(k);
    }
  }
}

function slug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['\u2019]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'entity'
  );
}

function canonical(forms: Map<string, number>): string {
  return [...forms].sort(([a, na], [b, nb]) => b.split(' ').length - a.split(' ').length || nb - na || (a < b ? -1 : a > b ? 1 : 0))[0][0];
}

function assemble(all: Merged[], curated: CuratedEntity[], curatedForms: Set<string>, blocked: Set<string>): Discovery {
  const ids = new Set(curated.map((e) => e.id));
  const surnameOwners = new Map<string, number>();
  for (const m of all) {
    if (m.type !== 'person') continue;
    for (const sk of new Set([...m.forms.keys()].filter((f) => f.includes(' ')).map((f) => skeleton(surname(f))))) bump(surnameOwners, sk);
  }
  for (const e of curated) if (e.type === 'person') bump(surnameOwners, skeleton(surname(e.name)));
  const free = (alias: string) => !curatedForms.has(fold(alias)) && !blocked.has(fold(alias));
  const entities: DiscoveredEntity[] = [];
  const curatedAdditions: Discovery['curatedAdditions'] = new Map();
  const review: string[] = [];
  const ordered = all
    .map((m) => ({ m, name: canonical(m.forms) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.m.type < b.m.type ? -1 : 1));
  for (const { m, name } of ordered) {
    const forms = [...m.forms.keys()].filter((f) => f.includes(' ') || m.type === 'organization');
    if (m.curated) {
      const add = curatedAdditions.get(m.curated) ?? { aliases: [], roles: [], articles: [] };
      for (const f of forms) if (f.includes(' ') && free(f) && !add.aliases.includes(f)) add.aliases.push(f);
      add.roles.push(...m.roles);
      add.articles.push(...m.articles);
      curatedAdditions.set(m.curated, add);
      continue;
    }
    if (!free(name)) continue;
    const aliases = forms.filter((f) => f !== name && free(f));
    const weakAliases: string[] = [];
    for (const acronym of [...m.acronyms].sort()) {
      if (!free(acronym)) continue;
      if (acronym.length >= 3) aliases.push(acronym);
      else weakAliases.push(acronym);
    }
    if (m.type === 'person' && name.includes(' ')) {
      const last = name.split(' ').pop() as string;
      const bare = surname(name);
      const sk = skeleton(bare);
      // The surname alone names the person where it is safe: the corpus uses it so, nobody else bears it, and it is no first name.
      const safe = m.surnames.size > 0 && (surnameOwners.get(sk) ?? 0) === 1 && !GIVEN_NAMES.has(bare) && bare.length >= 4;
      for (const s of new Set([last, ...m.surnames])) {
        if (!free(s) || s === name) continue;
        if (safe) aliases.push(s);
        else weakAliases.push(s);
      }
    }
    let id = slug(name);
    for (let n = 2; ids.has(id); n++) id = `${slug(name)}-${n}`;
    ids.add(id);
    const type: EntityType = m.type === 'organization' && m.media ? 'media' : m.type;
    const uses = [...m.forms.values()].reduce((a, b) => a + b, 0) + m.surnames.size;
    if (m.articles.size === 1 && uses === 1 && m.roles.length === 0) review.push(id);
    entities.push({
      id,
      name,
      type,
      aliases: [...new Set(aliases)],
      weakAliases: [...new Set(weakAliases)].filter((w) => !aliases.includes(w)),
      roles: m.roles.filter((r) => isRole(r.text)),
      articles: [...m.articles].sort(),
    });
  }
  return { entities, curatedAdditions, review };
}

/**
 * A surname two known people bear ("Barzani" of Masoud and of Nechirvan, "Khamenei" of Ali and of
 * Mojtaba) names neither on its own, anywhere: each keeps it only as a weak alias, which counts near
 * one of their full names (the nearest wins). One-word aliases that are no one else's surname stay.
 */
export function weakenSharedSurnames<E extends { type: string; name: string; aliases: string[]; weakAliases: string[]; source: string; roles: unknown[]; articles?: string[] }>(
  entities: E[],
): E[] {
  const bearers = new Map<string, Set<E>>();
  for (const e of entities) {
    // A relative named once, with no role, does not take a famous surname from its bearer everywhere; in their article the nearest full name decides.
    if (e.type !== 'person' || (e.source !== 'curated' && e.roles.length === 0 && (e.articles?.length ?? 0) < 2)) continue;
    for (const full of [e.name, ...e.aliases]) {
      if (!full.includes(' ')) continue;
      const key = familyName(full);
      bearers.set(key, (bearers.get(key) ?? new Set()).add(e));
    }
  }
  return entities.map((e) => {
    if (e.type !== 'person') return e;
    const shared = e.aliases.filter((a) => !a.includes(' ') && /^\p{Lu}/u.test(a) && (bearers.get(familyName(a))?.size ?? 0) > 1);
    if (shared.length === 0) return e;
    return { ...e, aliases: e.aliases.filter((a) => !shared.includes(a)), weakAliases: [...new Set([...e.weakAliases, ...shared])] };
  });
}

/** A family's name exactly as written, case and "al-" aside: skeletons would make Salman a Soleimani. */
function familyName(name: string): string {
  return fold(surname(name));
}

/** Appends to a map of lists in place (a copy per append would make building an index quadratic). */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
