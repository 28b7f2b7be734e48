/**
 * Quote attribution: who said the words inside each pair of quotation marks,
 * and why. Works on one article at a time, sentence by sentence, tracking the
 * person and the organisation the text is about so that "he said" and "the
 * spokesman added" resolve to a name. Every speaker comes with its cue and
 * with 'stated' (the sentence names them) or 'inferred' (a pronoun, a role, a
 * statement or a continuation points back to them). When the text does not
 * make the speaker clear, or two speakers fit, the answer is null: a wrong
 * attribution is worse than none.
 */
import type { Span } from '../sentences';
import type { Mention } from '../types';
import { type Context, frameAt, headReference, isOrganization, lowerBound, objectOfPreposition, openingPhraseEnd } from './frames';
import { NEAR, ONLY_PUNCTUATION, PARTICIPLE, POSSESSIVE_SPEECH, PREDICATE_OPENING, SPEECH_VERB, SUBJECT_STOP, WEAK_NEAR } from './patterns';
import { isNobodysWords } from './scare';
import { resolvePersonRole } from './roles';
import { type Attribution, type AttributionInput, type Frame, NO_SPEAKER, type RoleReference } from './types';

export type { Attribution, AttributionInput } from './types';

interface LastSpeaker {
  entity: string;
  paragraph: number;
  cue: string;
  /** Someone else became the subject since: a quote that opens a sentence no longer goes on with these words. */
  superseded: boolean;
}

interface State extends Context {
  last: LastSpeaker | null;
  /** "The statement went on to say that:" at the end of a sentence: the frame that introduces the quote opening the next one. */
  introduced: Frame | null;
  text: string;
  /** Earlier quotes' words, folded, with their attribution: a pull-quote repeats them. */
  said: Map<string, Attribution>;
}

/** A sentence-opening quote whose speaker the next sentence may name ("“…” Hadi al-Amiri had previously said."). */
interface Pending {
  index: number;
  paragraph: number;
  fallback: Attribution;
}

/** Attributes every quote in an article; one attribution per quote, in order. */
export function attributeQuotes(input: AttributionInput): Attribution[] {
  const out: Attribution[] = [];
  const state: State = {
    subject: null,
    subjectParagraph: -1,
    orgSubject: null,
    statementBy: null,
    lastNamed: new Map(),
    anonymousHeads: new Set(),
    roles: input.roles,
    names: input.names ?? {},
    paragraph: 0,
    last: null,
    introduced: null,
    text: input.text,
    said: new Map(),
  };
  let pending: Pending[] = [];
  const waiting: { index: number; paragraph: number; reference: RoleReference }[] = [];
  let q = 0;
  let m = 0;
  input.sentences.forEach((sentence, index) => {
    const quotes: Span[] = [];
    while (q < input.quotes.length && input.quotes[q].start < sentence.end) {
      if (input.quotes[q].start >= sentence.start) quotes.push(input.quotes[q]);
      q++;
    }
    const people: Mention[] = [];
    while (m < input.people.length && input.people[m].start < sentence.end) {
      if (input.people[m].start >= sentence.start) people.push(input.people[m]);
      m++;
    }
    const paragraph = input.paragraphOf[index];
    state.paragraph = paragraph;
    const masked = maskQuotes(input.text, sentence, quotes);
    const introduced = state.introduced;
    state.introduced = null;
    const frames = readFrames(masked, sentence.start, people, quotes, state);
    if (pending.length > 0) {
      const bare = quotes.length === 0 && pending[0].paragraph === paragraph ? bareAttribution(masked, sentence.start, frames) : null;
      for (const p of pending) out[p.index] = bare ? attribution(bare, state) : p.fallback;
      const named = bare ? out[pending[pending.length - 1].index] : null;
      if (named?.speaker) remember(state, named, paragraph);
      pending = [];
    }
    const quoted = new Set<string>();
    let previous: { span: Span; attribution: Attribution } | null = null;
    // "according to the statement", "according to IRNA": a relay that names no speaker neither gives the words nor takes them.
    const speaking = frames.filter((f) => f.speaker || !RELAYS.has(f.kind));
    for (const quote of quotes) {
      const opening = quote === quotes[0] && frames.length === 0 && ONLY_PUNCTUATION.test(masked.slice(0, quote.start - sentence.start));
      const found = opening && introduced?.speaker ? attribution(introduced, state) : speakerOf(quote, masked, sentence, speaking, frames.length > 0, people, previous, state);
      const resolved = found === 'pending' ? NO_SPEAKER : found;
      const repeated = repeatOf(quote, resolved, state);
      if (found === 'pending' && !repeated) {
        const fallback = continuation(state, paragraph, quote);
        pending.push({ index: out.length, paragraph, fallback });
        out.push(NO_SPEAKER);
        if (fallback.speaker && state.last) state.last.paragraph = paragraph;
      } else {
        const final = repeated ?? resolved;
        if (final.reference) waiting.push({ index: out.length, paragraph, reference: final.reference });
        out.push(final.reference ? { speaker: null, cue: final.cue } : final);
        if (final.speaker) {
          quoted.add(final.speaker);
          remember(state, final, paragraph);
        }
      }
      previous = { span: quote, attribution: out[out.length - 1] };
      keepWords(quote, out[out.length - 1], state);
    }
    const last = frames[frames.length - 1];
    if (quotes.length === 0 && last?.speaker && /^\s*(?:that\s*)?:\s*$/.test(masked.slice(last.end - sentence.start))) state.introduced = last;
    if (input.voices) {
      const voice = voiceOf(masked, sentence.start, people, quotes);
      input.voices.push(voice && quoted.size > 0 && !quoted.has(voice) ? voice : null);
    }
  });
  for (const p of pending) out[p.index] = p.fallback;
  resolveForward(waiting, out, input);
  return out;
}

/**
 * "The head of Kataib Hezbollah said …" in a lede, and the next paragraph names
 * "Abu Hussein al-Hamidawi, the secretary-general of Kataib Hezbollah": a role
 * that fit no one named before means the one person first named in the next two
 * paragraphs whose role fits it, or no one.
 */
function resolveForward(waiting: { index: number; paragraph: number; reference: RoleReference }[], out: Attribution[], input: AttributionInput): void {
  // A lede's reference is resolved within its first paragraphs; a text of thousands is no lede.
  if (waiting.length === 0 || waiting.length > 20) return;
  const firstNamed = new Map<string, { at: number; paragraph: number }>();
  let s = 0;
  for (const m of input.people) {
    while (s < input.sentences.length - 1 && input.sentences[s].end <= m.start) s++;
    if (m.type === 'person' && !firstNamed.has(m.entity)) firstNamed.set(m.entity, { at: m.start, paragraph: input.paragraphOf[s] });
  }
  for (const w of waiting) {
    const candidates = [...firstNamed]
      .filter(([, f]) => f.at > w.reference.at && f.paragraph - w.paragraph <= 2)
      .map(([entity]) => ({ entity, roles: input.roles.get(entity) ?? [] }));
    const speaker = resolvePersonRole(w.reference.modifiers.replace(/^(?:an?|one)\s/i, ''), w.reference.head, candidates, w.reference.complement);
    const cue = out[w.index].cue;
    if (speaker) out[w.index] = { speaker, cue: { kind: 'role', text: cue?.text ?? '' }, confidence: 'inferred' };
  }
}

function attribution(frame: Frame, state: State): Attribution {
  if (!frame.speaker) return frame.reference ? { speaker: null, reference: frame.reference, cue: { kind: 'role', text: cueText(state.text, frame) } } : NO_SPEAKER;
  return { speaker: frame.speaker, cue: { kind: frame.kind, text: cueText(state.text, frame) }, confidence: frame.confidence };
}

/** The cue's own words, on one line and short enough to show on a card. */
function cueText(text: string, frame: Frame): string {
  const words = (frame.label ?? text.slice(frame.start, frame.end)).replace(/\s+/g, ' ').trim();
  return words.length > 120 ? `${words.slice(0, 119)}…` : words;
}

function remember(state: State, a: Attribution, paragraph: number): void {
  if (!a.speaker) return;
  state.last = { entity: a.speaker, paragraph, cue: a.cue?.text ?? '', superseded: false };
}

/** A quote that opens a sentence with no one named goes on with the speaker just before it, in the same paragraph or the next. */
function continuation(state: State, paragraph: number, quote: Span): Attribution {
  const last = state.last;
  if (!last || last.superseded || paragraph - last.paragraph > 1) return NO_SPEAKER;
  // A slogan in capitals ("GREAT POPULAR UPRISING") is a banner or a chant, not more of anyone's words.
  if (isNobodysWords(state.text.slice(quote.start + 1, quote.end - 1), '')) return NO_SPEAKER;
  return { speaker: last.entity, cue: { kind: 'continuation', text: last.cue }, confidence: 'inferred' };
}

const fold = (words: string) => words.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The same words quoted again later (a pull-quote) are the same statement: they keep the first one's speaker. */
function repeatOf(quote: Span, found: Attribution, state: State): Attribution | null {
  if (found.confidence === 'stated') return null;
  const words = fold(state.text.slice(quote.start + 1, quote.end - 1));
  if (words.split(' ').length < 6) return null;
  const first = state.said.get(words);
  if (!first?.speaker) return null;
  return { speaker: first.speaker, cue: { kind: 'repeat', text: first.cue?.text ?? '' }, confidence: first.confidence };
}

function keepWords(quote: Span, a: Attribution, state: State): void {
  if (!a.speaker) return;
  const words = fold(state.text.slice(quote.start + 1, quote.end - 1));
  if (words.split(' ').length >= 6 && !state.said.has(words)) state.said.set(words, a);
}

/** "Secretary-General of the Badr Organization, Hadi al-Amiri, had previously said.": a sentence that is only who said the quote before it. */
function bareAttribution(masked: string, offset: number, frames: Frame[]): Frame | null {
  const frame = frames[0];
  if (!frame?.speaker || frames.length > 1) return null;
  const lead = masked.slice(0, frame.start - offset);
  const tail = masked.slice(frame.end - offset);
  const titleOnly = /^\s*(?:(?:\p{Lu}[\p{L}.'\u2019-]*|of|the|for|and|in)\s+)*(?:\p{Lu}[\p{L}.'\u2019-]*)?\s*,?\s*$/u.test(lead);
  const nothingAfter = /^(?:\s+(?:on \w+day|late on \w+day|on \p{Lu}\p{Ll}+ \d{1,2}|last \w+|earlier|later|previously|in a statement|in an interview|on \p{Lu}\p{L}+|at the time))*\s*[.!]?\s*$/u.test(tail);
  return titleOnly && nothingAfter && masked.length < 240 ? frame : null;
}

/** The sentence with quoted words blanked out, so that words inside quotes never act as attribution. */
function maskQuotes(text: string, sentence: Span, quotes: Span[]): string {
  let out = '';
  let at = sentence.start;
  for (const quote of quotes) {
    out += text.slice(at, quote.start + 1) + ' '.repeat(Math.max(0, quote.end - quote.start - 2));
    at = Math.max(at, quote.end - 1);
  }
  return out + text.slice(at, sentence.end);
}

/**
 * Whether a name heads its sentence's predicate: right after it (past a
 * bracket, a phrase in commas or dashes, an aside and adverbs) comes a
 * lower-case word that is no conjunction or preposition.
 */
const HEADS_PREDICATE =
  /^(?:\s*\([^)]{1,40}\))?(?:\s+and\s+other\s+(?:[\p{L}-]+\s+){0,2}\p{Ll}+s(?=\s)|\s*,[^,;"\u201c\u201d]{1,140},|\s*[\u2014\u2013]\s*[^\u2014\u2013"\u201c\u201d]{1,160}[\u2014\u2013]|\s*,\s*(?:for|in|on)\s+(?:his|her|its|their)\s+part\s*,|\s*,\s*in turn\s*,)?(?:\s+(?:also|then|further|once|again|has|had|have|later|however|on \w+day))*\s+(\p{Ll}+)/u;

/** "… and added", "… but said": a verb that shares its subject with the predicate before it. */
const COORDINATED = /\b(?:and|but)\s+(?:(?:then|also|later|further|again)\s+)?$/;

/** Finds the sentence's frames in text order, and who the sentence is about, updating "he" and "it". */
function readFrames(masked: string, offset: number, people: Mention[], quotes: Span[], state: State): Frame[] {
  const frames: Frame[] = [];
  const events: { at: number; run: () => void }[] = [];
  const outsideQuotes = people.filter((p) => {
    const inside = quotes[lowerBound(quotes, (qs) => qs.end, p.end)];
    return !(inside && inside.start < p.start);
  });
  let personSubjectFound = false;
  let orgSubjectFound = false;
  /** The name that heads the sentence ("Salih further thanked Tehran …, saying"): whose a participle is when no verb of speech came before. */
  let head: Mention | null = null;
  const opening = offset + openingPhraseEnd(masked);
  const reference = headReference(state, masked, offset, opening - offset);
  if (reference) {
    events.push({
      at: reference.start,
      run: () => {
        if (personSubjectFound) return;
        setSubject(state, reference.speaker);
        head = { start: reference.start, end: reference.end, entity: reference.speaker, text: masked.slice(reference.start - offset, reference.end - offset), type: 'person' };
        personSubjectFound = true;
      },
    });
  }
  /** A frame that goes on with the speaker of the one before ("…, saying", "… and added"), or with the sentence's head. */
  const own = (at: number, end: number, from: Frame | Mention | null | undefined): Frame | null => {
    if (!from) return null;
    // "he said … adding", "Salih … saying": the cue is the speaker's words and the participle, not all between.
    const label = `${'kind' in from ? cueText(state.text, from) : from.text} … ${state.text.slice(at, end).replace(/^[\s,]*(?:and\s+|but\s+)?/, '')}`;
    if ('kind' in from) return from.speaker ? { ...from, end, weak: false, label } : null;
    return { start: from.start, end, speaker: from.entity, kind: 'verb', confidence: 'stated', weak: false, label };
  };
  for (const person of outsideQuotes) {
    events.push({
      at: person.start,
      run: () => {
        state.lastNamed.set(person.entity, person.start);
        const org = isOrganization(state, person.entity);
        // Only the first name that heads a predicate is the sentence's subject; a later one ("… and his counterpart Patrushev") is an object.
        if ((org ? orgSubjectFound : personSubjectFound) || person.start < opening) return;
        if (objectOfPreposition(masked.slice(Math.max(0, person.start - offset - 80), person.start - offset))) return;
        const next = HEADS_PREDICATE.exec(masked.slice(person.end - offset, person.end - offset + 200));
        if (next && !SUBJECT_STOP.has(next[1])) {
          setSubject(state, person.entity);
          if (!personSubjectFound && !orgSubjectFound) head = person;
          if (org) orgSubjectFound = true;
          else personSubjectFound = true;
        }
      },
    });
  }
  SPEECH_VERB.lastIndex = 0;
  for (let v = SPEECH_VERB.exec(masked); v !== null; v = SPEECH_VERB.exec(masked)) {
    const verbAt = v.index;
    const verbEnd = verbAt + v[0].length;
    events.push({
      at: offset + verbAt,
      run: () => {
        const coordinated = COORDINATED.test(masked.slice(Math.max(0, verbAt - 24), verbAt));
        const frame = (coordinated ? own(offset + verbAt, offset + verbEnd, frames[frames.length - 1] ?? head) : null) ?? frameAt(masked, offset, verbAt, verbEnd, outsideQuotes, state);
        if (!frame) return;
        frames.push(frame);
        if (!frame.speaker) {
          // "An Iraqi official said …. He said …": he is now someone the text does not name.
          if ((frame.kind === 'role' || frame.kind === 'verb') && !personSubjectFound) {
            forgetSubject(state);
            personSubjectFound = true;
          }
          return;
        }
        setSubject(state, frame.speaker);
        // "issued a statement", "A KRG statement said", "said in a statement": what "the statement" will refer to.
        const around = masked.slice(frame.start - offset, frame.end - offset + 24);
        if (frame.kind === 'statement' || /statement|message/.test(around)) state.statementBy = frame.speaker;
      },
    });
  }
  PARTICIPLE.lastIndex = 0;
  for (let p = PARTICIPLE.exec(masked); p !== null; p = PARTICIPLE.exec(masked)) {
    const at = p.index;
    const end = at + p[0].length;
    events.push({
      at: offset + at,
      run: () => {
        const frame = own(offset + at, offset + end, frames[frames.length - 1] ?? head);
        if (frame) frames.push(frame);
      },
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) e.run();
  return frames;
}

function forgetSubject(state: State): void {
  state.subject = null;
  if (state.last) state.last.superseded = true;
}

/** "he" is the person the text is about, "it" the organisation; a new person supersedes the last speaker. */
function setSubject(state: State, entity: string): void {
  if (isOrganization(state, entity)) {
    state.orgSubject = entity;
    return;
  }
  state.subject = entity;
  state.subjectParagraph = state.paragraph;
  if (state.last && state.last.entity !== entity) state.last.superseded = true;
}

/**
 * "Kerry said Zarif told him “…”": the frame right before the quote is reported by an earlier one
 * ("Kerry said" + "that"?), so the words are the reporter's. Walks back while frames are nested so.
 */
function reporterOf(frames: Frame[], index: number, masked: string, offset: number): Frame | undefined {
  let frame = frames[index];
  for (let i = index - 1; frame && i >= Math.max(0, index - 3); i--) {
    const outer = frames[i];
    if (!/^\s+(?:that\s+)?$/.test(masked.slice(outer.end - offset, frame.start - offset))) break;
    frame = outer;
  }
  return frame;
}

/** "I, Michael Richard Pompeo, do solemnly swear": the words are those of the person they name first. */
function selfNamed(quote: Span, people: Mention[], text: string): Mention | null {
  if (!/^.\s*I,\s/u.test(text.slice(quote.start, quote.start + 5))) return null;
  const named = people[lowerBound(people, (p) => p.start, quote.start)];
  return named && named.end < quote.end && /^.\s*I,\s+$/u.test(text.slice(quote.start, named.start)) && !isPersonless(named) ? named : null;
}

const isPersonless = (m: Mention) => m.type !== 'person';

/** "President Fuad Massoum urged politicians:" is a verb; "Zarif: “…”" is a name and a colon. */
function colonSpeaker(lead: string, leadStart: number, offset: number, people: Mention[]): Mention | null {
  if (!/:\s*$/.test(lead)) return null;
  const named = people[lowerBound(people, (p) => p.end - offset, leadStart + lead.length) - 1];
  if (!named || named.end - offset < leadStart) return null;
  // "said in a tweet on Twitter:": the name after a preposition is where the words were, not who said them.
  if (objectOfPreposition(lead.slice(0, named.start - offset - leadStart))) return null;
  return /^(?:\s*\([^)]{1,40}\))?\s*:\s*$/.test(lead.slice(named.end - offset - leadStart)) ? named : null;
}

const RELAYS: ReadonlySet<Frame['kind']> = new Set(['according-to', 'statement', 'relayed']);
/** A sentence that opens with what its subject answers, still before the clause's comma: "Responding to …", "Asked about …". */
const RESPONSE_OPENING = /^\s*(?:(?:Responding|Reacting|Replying|Referring|Commenting|Alluding)\s+to|In\s+(?:response|reply|reaction)\s+to|Asked\s+(?:about|whether|if))\b[^,;:]*$/;

const OTHERS_CLAIM = /['\u2019]s\s+(?:[\p{L}-]+\s+)?(?:claims?|allegations?|assertions?|accusations?|remarks?|statements?|comments?|words|description)\b/u;

function speakerOf(
  quote: Span,
  masked: string,
  sentence: Span,
  frames: Frame[],
  /** Whether the sentence has a frame at all (a relay that names no one counts): then no quote in it goes on from before. */
  framed: boolean,
  people: Mention[],
  previous: { span: Span; attribution: Attribution } | null,
  state: State,
): Attribution | 'pending' {
  const offset = sentence.start;
  const leadStart = Math.max(0, quote.start - offset - NEAR);
  const lead = masked.slice(leadStart, quote.start - offset);
  const inner = state.text.slice(quote.start + 1, quote.end - 1);
  if (isNobodysWords(inner, masked.slice(Math.max(0, quote.start - offset - 40), quote.start - offset))) return NO_SPEAKER;
  const self = selfNamed(quote, people, state.text);
  if (self) return { speaker: self.entity, cue: { kind: 'self-named', text: state.text.slice(quote.start + 1, self.end) }, confidence: 'stated' };
  // Pompeo's claim that "…": the words are Pompeo's, whoever reports them.
  const claim = POSSESSIVE_SPEECH.exec(lead);
  // "… told VOA the ministry's claim “is patently false”": the quote says something of the claim, it is not the claim.
  const saysOfClaim = claim !== null && !/\bthat\b/.test(claim[0]) && PREDICATE_OPENING.test(inner);
  const possessive = saysOfClaim ? null : claim;
  if (possessive) {
    const owner = people[lowerBound(people, (p) => p.end - offset, leadStart + possessive.index)];
    if (owner && owner.end - offset === leadStart + possessive.index) {
      return { speaker: owner.entity, cue: { kind: 'possessive', text: state.text.slice(owner.start, offset + leadStart + possessive.index + possessive[0].trimEnd().length) }, confidence: 'stated' };
    }
    // "Barzani rejected Tehran's claims that …": the words are the owner's, and the text names no one for them.
    if (/\p{L}/u.test(lead.slice(0, possessive.index).slice(-1))) return NO_SPEAKER;
  }
  // "Responding to Bahrain's accusation of “terrorist operations”, al-Nuri said": what the speaker answers is not their words.
  if (RESPONSE_OPENING.test(masked.slice(0, quote.start - offset))) return NO_SPEAKER;
  const precedingIndex = lowerBound(frames, (f) => f.end, quote.start + 1) - 1;
  const preceding = reporterOf(frames, precedingIndex, masked, offset);
  const adjacentBefore = precedingIndex >= 0 && /^[\s,:]*(?:that\s*)?[\s,:]*$/.test(masked.slice(frames[precedingIndex].end - offset, quote.start - offset));
  // "which Hussein said “…”, the ministry said": the words are Hussein's, the ministry relays them.
  if (preceding && adjacentBefore) return attribution(preceding, state);
  const next = lowerBound(frames, (f) => f.start, quote.end);
  const following = frames[next];
  if (following && following.start - quote.end <= NEAR && ONLY_PUNCTUATION.test(masked.slice(quote.end - offset, following.start - offset))) {
    return attribution(following, state);
  }
  const colon = colonSpeaker(lead, leadStart, offset, people);
  if (colon) return { speaker: colon.entity, cue: { kind: 'colon', text: `${colon.text}:` }, confidence: 'stated' };
  // “the people,” “Hashd al-Shaabi,” and “national unity”: a list goes on with its first item's speaker; so does
  // "… said the claim “is false,” and that “…”", a second clause of the same report.
  if (previous && /^[\s,;]*(?:and|or)?(?:\s+that)?[\s,;]*$/.test(masked.slice(previous.span.end - offset, quote.start - offset))) return previous.attribution;
  // "called on world powers … after missiles emblazoned with "…"": a call or a condemnation quotes only what follows it closely.
  if (preceding && !(preceding.weak && quote.start - preceding.end > WEAK_NEAR)) {
    // "Barzani rejected Tehran's claims that … an "Israeli spy base"": the words are the claim's owner's, not the subject's.
    if (!saysOfClaim && OTHERS_CLAIM.test(masked.slice(preceding.end - offset, quote.start - offset))) return NO_SPEAKER;
    return attribution(preceding, state);
  }
  if (following && following.start - quote.end <= 2 * NEAR) return attribution(following, state);
  if (!framed && leadStart === 0 && ONLY_PUNCTUATION.test(lead)) return 'pending';
  return NO_SPEAKER;
}

/** Verbs by which the sentence's subject answers or reports someone: the sentence is then that subject's statement. */
const VOICE_AFTER =
  /^(?:\s+(?:also|later|then|again|on \w+day))*\s+(?:rebutted|refuted|dismissed|rejected|slammed|criticized|criticised|mocked|ridiculed|questioned|responded|replied|hit back|denied|said|told|added|stressed|noted|wrote|tweeted|recalled|cited|quoted)\b/;

/** The first name outside the quotes followed by a verb of speech or reply ("One day after Pompeo's remarks, Zarif responded"). */
function voiceOf(masked: string, offset: number, people: Mention[], quotes: Span[]): string | null {
  let looked = 0;
  for (const person of people) {
    if (quotes.some((q) => q.start < person.start && person.end <= q.end)) continue;
    if (VOICE_AFTER.test(masked.slice(person.end - offset, person.end - offset + 60))) return person.entity;
    // Only the sentence's first few names can head it.
    if (++looked === 3) break;
  }
  return null;
}
