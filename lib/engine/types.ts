/**
 * The corpus engine's data model. Everything the extension shows is one of
 * these, produced at build time from `seeds/` and shipped as JSON, so every
 * type here must stay plain data (no classes, no functions, no Maps).
 */

/** 'media': a news outlet (Reuters, IRNA, Rudaw), an organisation of its own kind, shown as "news outlet". */
export type EntityType = 'person' | 'organization' | 'media' | 'place';

/** The kinds a page underlines and a reader switches on and off: a news outlet is underlined as an organisation. */
export type UnderlineType = Exclude<EntityType, 'media'>;

export function underlineTypeOf(type: EntityType): UnderlineType {
  return type === 'media' ? 'organization' : type;
}

/** Where a fact about an article came from: its own text, or a maintainer's sidecar file. */
export type FactSource = 'text' | 'sidecar';

export interface ArticleDate {
  /** Calendar date, `YYYY-MM-DD`. */
  iso: string;
  /** Local time `HH:MM` when the text gives one. */
  time?: string;
  /** Time zone exactly as the text names it, e.g. `Asia/Tehran`. */
  zone?: string;
  /** The date as written in the source. */
  text: string;
  source: FactSource;
}

export interface ArticleOutlet {
  name: string;
  /**
   * How the text names its publisher: a byline prefix (`Shafaq News /`,
   * `Islam Times -`), a wire dateline (`TEHRAN (MNA) –`, read as 'byline'), or
   * a sidecar. 'reported' and 'contributed' are no longer produced: an outlet
   * the text cites or credits is one of the article's `sources`, not its
   * publisher. They stay in the union so older bundles still type-check.
   */
  how: 'byline' | 'reported' | 'contributed' | 'sidecar';
  source: FactSource;
  /** The name as the text writes it, where `name` is its full form ("MNA" for Mehr News Agency). */
  written?: string;
}

/** An outlet the article cites or credits, which is not therefore its publisher. */
export interface ArticleSource {
  /** As the text writes it, without descriptors ("IRNA" from "Iran's official IRNA news agency"). */
  name: string;
  /**
   * - 'reported': `…, Mehr reported.`, `The New York Times is reporting that`, `as reported by X`
   * - 'contributed': `IRNA, Press TV and Tasnim News Agency contributed to this story.`
   * - 'according-to': `according to X`, `citing X`
   * - 'quoted-by': `was quoted as saying by X`, `X quoted him as saying`
   * - 'interview': `in an interview with X`, `told X news agency`
   */
  how: 'reported' | 'contributed' | 'according-to' | 'quoted-by' | 'interview';
}

export interface Article {
  /** Seed file name without `.txt`, e.g. `000_e2b84ee6c719b08a`. */
  id: string;
  title: string;
  /** True when the title is the lead sentence shortened, not a headline the text gives. */
  titleFromLead: boolean;
  date: ArticleDate | null;
  outlet: ArticleOutlet | null;
  /** e.g. `TEHRAN`, from `TEHRAN —`. */
  dateline: string | null;
  url: string | null;
  /** Body paragraphs, cleaned: no date/dateline/byline prefixes, related-headline lists or sign-off initials. */
  paragraphs: string[];
  /** Headlines listed under "Related news:" / "Read More:". */
  related: string[];
  /** Lines that credit other outlets ("IRNA … contributed to this story"). */
  credits: string[];
  /** Outlets the text cites or credits, once each, in text order. Never the publisher unless the text also cites it. */
  sources: ArticleSource[];
  /** 'library': saved by the reader into their own library, not part of the bundled corpus. Absent for the bundled corpus. */
  origin?: 'library';
}

export interface EntityRole {
  /** The role in the corpus's own words, e.g. `Iranian Foreign Ministry spokesman`. */
  text: string;
  /** The article that states it; the role is what that article said then. */
  article: string;
  /** The statement (sentence) id that states it, for the card's citation link. */
  statement: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** Every form that names the entity on its own. */
  aliases: string[];
  /** Forms that count only when the same document also names the entity by a strong alias. */
  weakAliases: string[];
  roles: EntityRole[];
  /** Listed in `seeds/entities.json` by a maintainer, or found in the articles by the engine. */
  source: 'curated' | 'discovered';
  /** Ids of the articles that name it, in order. */
  articles: string[];
}

export interface Mention {
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  text: string;
  entity: string;
  /** How it is underlined: a news outlet as an organisation. */
  type: UnderlineType;
}

/**
 * How the text names a quote's speaker:
 * - 'verb': a verb of speech with its subject ("Zarif said", "said Rouhani", "X, a senior commander, told")
 * - 'according-to': "according to X"
 * - 'relayed': words relayed by someone else ("Tasnim quoted X as saying", "quoting X as saying")
 * - 'colon': a speaker's name and a colon before the words
 * - 'possessive': "X's claim that …"
 * - 'self-named': the speaker names themself in the words ("I, Michael Richard Pompeo, …")
 * - 'statement': a statement the text says X issued ("the statement said", "a statement by X")
 * - 'pronoun': "he said", "it added", back to the person or organisation the text is about
 * - 'role': a role that fits one person named in the article ("the top diplomat said", "the ministry said")
 * - 'continuation': words that go on from the speaker's quote just before, in the same paragraph or the next
 * - 'repeat': the same words quoted again (a pull-quote), given to whoever said them first
 */
export type CueKind = 'verb' | 'according-to' | 'relayed' | 'colon' | 'possessive' | 'self-named' | 'statement' | 'pronoun' | 'role' | 'continuation' | 'repeat';

/** Why a quote has its speaker: the kind of cue and the cue's own words in the article ("the top diplomat emphasized"). */
export interface AttributionCue {
  kind: CueKind;
  text: string;
}

/** 'stated': the sentence names the speaker; 'inferred': a pronoun, a role, a statement or a continuation points back to them. */
export type Confidence = 'stated' | 'inferred';

export interface Quote {
  /** Offsets into the sentence's paragraph. */
  start: number;
  end: number;
  /** The words inside the quotation marks. */
  text: string;
  /** Entity id of the speaker, or null when the text does not say who said it. */
  speaker: string | null;
  /** With a speaker: the cue that names them. */
  cue?: AttributionCue;
  /** With a speaker: whether the sentence names them ('stated') or points back to them ('inferred'). */
  confidence?: Confidence;
  /** A fragment of someone's words ("milestone", "turning point"), fewer than four words: a partial quote, not a full one. */
  partial?: boolean;
}

export interface Statement {
  /** `<article id>#<sentence number>`. */
  id: string;
  article: string;
  paragraph: number;
  /** Offsets of the sentence in its paragraph. */
  start: number;
  end: number;
  text: string;
  /** Entity ids mentioned in the sentence (or speaking in it). */
  entities: string[];
  /** Whose statement this sentence is when it quotes someone else ("Zarif rebutted Pompeo's claim that …"). */
  voice?: string;
  quotes: Quote[];
}

export interface SeedProblem {
  file: string;
  line: number | null;
  reason: string;
}

export interface Corpus {
  articles: Article[];
  entities: Entity[];
  statements: Statement[];
  problems: SeedProblem[];
  /** Ids of discovered entities named once, with no role: for a maintainer to confirm or block in entities.json. */
  review: string[];
  /** Ids of entities no text can underline (every name they go by is weak, shared or blocked): for a maintainer to fix in entities.json. */
  neverUnderlined: string[];
}
