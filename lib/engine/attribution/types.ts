/**
 * What quote attribution takes and gives. An attribution is evidence, not a
 * guess: every speaker comes with the cue that names them and how sure the
 * text makes it.
 */
import type { Span } from '../sentences';
import type { AttributionCue, Confidence, Mention } from '../types';

export interface AttributionInput {
  /** The article's body, paragraphs joined by blank lines. */
  text: string;
  /** Sentence spans in `text`, in order; none crosses a paragraph. */
  sentences: Span[];
  /** Paragraph index of each sentence. */
  paragraphOf: number[];
  /** Quotation spans in `text` (marks included), in order. */
  quotes: Span[];
  /** Mentions of people and organisations in `text` (places are ignored), in order. */
  people: Mention[];
  /** Roles the corpus gives each person, lower-cased ("iranian foreign ministry spokesman"). */
  roles: ReadonlyMap<string, string[]>;
  /**
   * Filled per sentence: whose statement the sentence is when it quotes someone else
   * ("Zarif rebutted Pompeo's claim that "…"": the sentence is Zarif's, the quoted words Pompeo's).
   */
  voices?: (string | null)[];
  /** Each entity's name and kind, for "the ministry", "the group" and "it". */
  names?: Readonly<Record<string, { name: string; type: string }>>;
}

/** One quote's answer: the speaker, or null; with a speaker, the cue that names them and how sure that is. */
export interface Attribution {
  speaker: string | null;
  cue?: AttributionCue;
  confidence?: Confidence;
  /** No speaker yet: a role reference that a person named just after may fit (resolved before the article's attributions are returned). */
  reference?: RoleReference;
}

/** "Kerry said", "according to Fuad Hussein", "he added": a place in a sentence that names whose words a quote is. */
export interface Frame {
  /** Where the cue starts (its subject, or the verb of an inverted "said Rouhani"), in `text`. */
  start: number;
  end: number;
  speaker: string | null;
  kind: AttributionCue['kind'];
  confidence: Confidence;
  /** The cue's words when they are not one stretch of text ("he said … adding"). */
  label?: string;
  /** For a role reference that fits no one named before it: the role, for a person the text names just after ("The head of Kataib Hezbollah said …. Abu Hussein al-Hamidawi, its secretary-general, …"). */
  reference?: RoleReference;
  /** A verb that quotes only what follows it closely ("called on … after missiles emblazoned with "…""). */
  weak: boolean;
}

/** A role reference's words: "the Iranian" + "ambassador" + "to Iraq". */
export interface RoleReference {
  modifiers: string;
  head: string;
  complement: string;
  /** Where the reference stands in the text. */
  at: number;
  /** Indefinite ("a spokesman for …"): may only mean someone the text names right after. */
  indefinite: boolean;
}

export const NO_SPEAKER: Attribution = { speaker: null };
