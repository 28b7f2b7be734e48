/**
 * The words of news English that name a speaker: verbs of speech, the words
 * that may stand between a subject and its verb, roles and relays. Every
 * pattern here is applied to a bounded window next to a quote or a verb, so
 * the work stays linear in the article's length.
 */
import { ROLE_NOUNS } from '../discovery/lexicon';

/** Verbs that report words: the quote beside them is their subject's. */
const STRONG_VERBS = [
  '(?:was|were|been|is|being) quoted as (?:saying|telling)',
  'according to',
  'quoted',
  'quoting',
  'issued a statement',
  'released a statement',
  'put out a statement',
  'sent a message',
  'went on to say',
  'went on to add',
  'went to say',
  'pointed out',
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'stated',
  'states',
  'noted',
  'notes',
  'remarked',
  'concluded',
  'continued',
  'explained',
  'stressed',
  'emphasized',
  'emphasised',
  'clarified',
  'confirmed',
  'urged',
  'asserted',
  'acknowledged',
  'admitted',
  'opines',
  'opined',
  'declared',
  'announced',
  'warned',
  'cautioned',
  'insisted',
  'argued',
  'responded',
  'replied',
  'predicted',
  'reiterated',
  'maintained',
  'claimed',
  'wrote',
  'tweeted',
  'posted',
  'believes',
  'underlined',
  'underscored',
  'affirmed',
  'highlighted',
  'observed',
  'commented',
  'recalled',
  'vowed',
  'pledged',
  'threatened',
  'asked',
  'demanded',
  'suggested',
  'echoed',
];

/**
 * Verbs that name words only close after them: "called the visit a "milestone"",
 * "dismissed the sanctions as "ridiculous"", but not a phrase half a sentence later.
 */
const WEAK_VERBS = [
  'called on',
  'called for',
  '(?<!so-)called',
  'described',
  'denounced',
  'condemned',
  'expressed',
  'dismissed',
  'rejected',
  'termed',
  'dubbed',
  'labelled',
  'labeled',
  'branded',
  'hailed',
  'characterized',
  'characterised',
  'identified',
  'cited',
  'slammed',
  'criticized',
  'criticised',
  'praised',
  'welcomed',
  'referred to',
  'denied',
  'blasted',
  'blamed',
  'accused',
];

export const SPEECH_VERB = new RegExp(`\\b(?:${[...STRONG_VERBS, ...WEAK_VERBS].join('|')})\\b`, 'g');
export const WEAK_VERB = new RegExp(`(?:${WEAK_VERBS.join('|')})$`);
/** A weak verb quotes words at most this far after it. */
export const WEAK_NEAR = 100;
/** Attribution cues sit next to the quote or verb; a longer gap is never one, and bounding it keeps the work linear. */
export const NEAR = 80;

/** ", for his part,", ", in turn,": asides between a subject and its verb. */
const ASIDE = String.raw`(?:\s*,\s*(?:(?:for|in|on)\s+(?:his|her|its|their)\s+part|in turn|however|meanwhile|too|though|for example|in response|in reply)\s*,)`;
/** "in a statement", "on Monday", "late on Tuesday": words that stand between a subject and its verb. */
const ADVERB = String.raw`(?:also|then|later|further|furthermore|elsewhere|reportedly|once|again|had|has|have|would|previously|earlier|separately|subsequently|recently|publicly|already|repeatedly|strongly|firmly|explicitly|openly|yesterday|today|statement|(?:late |early )?on \w+day|on \p{Lu}\p{Ll}+ \d{1,2}|in (?:a|an|his|her|its|their|the) (?:\w+ )?(?:statement|speech|tweet|post|message|interview|letter|address|remarks|press conference|televised address|news conference))`;
/** Words that may stand between a subject and its verb. Every repeated part consumes a keyword, so the pattern cannot backtrack exponentially. */
export const GAP = String.raw`${ASIDE}?\s+(?:${ADVERB}\s+)*`;

/**
 * "Hadi al-Ameri, a senior commander in the Hashed, told …", "Sistani — who was born in Iran — condemned …":
 * what may stand between a name and its verb (a bracket, a phrase in commas or dashes, asides and adverbs).
 */
/** ", a member of the Parliamentary Legal Committee told": an apposition that names a role, left unclosed by its writer. */
/** A word in either case: role nouns open a capitalised title as often as a lower-case phrase. */
const eitherCase = (word: string) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
export const ROLE_NOUN = `(?:${[...ROLE_NOUNS].map(eitherCase).join('|')})`;
/** A person's role head in either case ("the President", "the president"), for patterns that must not fold case elsewhere. */
export const PERSON_HEAD = (heads: string[]) => `(?:${heads.map(eitherCase).join('|')})`;
const ROLE_APPOSITION = String.raw`\s*,\s+(?:(?:a|an|the)\s+)?(?:[\p{L}.'\u2019-]+\s+){0,3}?${ROLE_NOUN}\b[^,;"\u201c\u201d]{0,120}?`;
export const AFTER_PERSON = new RegExp(String.raw`^(?:\s*\([^)]{1,40}\))?${ROLE_APPOSITION}${GAP}$`, 'u');
export const AFTER_SUBJECT = new RegExp(
  String.raw`^(?:\s*\([^)]{1,40}\))?(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,2})?(?:(?:\s*,[^,;"\u201c\u201d]{1,140}){1,3},|\s*,[^,;"\u201c\u201d]{1,140}?(?=\s+on \w+day\s)|\s*[\u2014\u2013]\s*[^\u2014\u2013"\u201c\u201d]{1,160}[\u2014\u2013]|\s+-\s+[^"\u201c\u201d]{1,160}?\s+-|\s*,)?${GAP}$`,
  'u',
);

/**
 * ", calling on …", ", adding that …", " saying that …": the sentence's speaker goes on. The spaces are
 * bounded: quoted words are blanked to spaces, and an unbounded run would be tried from each of them.
 */
export const PARTICIPLE =
  /(?:,\s{1,3}|\s{1,3}and\s{1,3}|\s{1,3}(?=saying\b|adding\b))(?:calling on|calling for|calling|adding|stressing|noting|saying|warning|urging|insisting|asking|describing|referring to|pointing out|emphasizing|emphasising|explaining|arguing|affirming|underlining|declaring|asserting|vowing|reiterating|demanding|cautioning|recalling|accusing|blaming|dismissing|describing)\b/g;

export const PRONOUN_SUBJECT = new RegExp(String.raw`(?:^|[^\p{L}])([Hh]e|[Ss]he|[Ii]t)${GAP}$`, 'u');
/** "the statement said", "a statement from the ministry read": the words of a statement the text already named. */
export const STATEMENT_SUBJECT = new RegExp(String.raw`(?:^|[^\p{L}])(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) (?:\w+ )?(?:statement|message|post|tweet|letter)${GAP}$`, 'u');

/** Heads of a role reference that points to a person ("the top diplomat", "the Iranian official"). */
export const PERSON_HEADS = [
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'envoy',
  'ambassador',
  'president',
  'diplomat',
  'official',
  'minister',
  'premier',
  'leader',
  'cleric',
  'general',
  'secretary',
  'advisor',
  'adviser',
  'commander',
  'chief',
  'head',
  'chairman',
  'member',
  'lawmaker',
  'MP',
  'speaker',
  'governor',
  'mayor',
  'secretary-general',
  'representative',
  'scholar',
];
/** Heads of a reference to an organisation ("the ministry", "the alliance"). */
export const ORG_HEADS = new Set([
  'group',
  'ministry',
  'government',
  'council',
  'command',
  'movement',
  'office',
  'alliance',
  'bloc',
  'coalition',
  'party',
  'militia',
  'faction',
  'organization',
  'organisation',
  'presidency',
  'embassy',
  'department',
  'agency',
]);
/** Group-like heads: whichever organisation the text is about may be called so, whatever its name says. */
export const GROUP_HEADS = new Set(['group', 'alliance', 'bloc', 'coalition', 'movement', 'militia', 'faction', 'organization', 'organisation', 'party']);

export const DESCRIPTOR_SUBJECT = new RegExp(
  String.raw`(?:^|[^\p{L}])((?:[Tt]he\s+|[Aa]n?\s+|[Oo]ne\s+|[Aa]nother\s+)?(?:(?!(?:and|or|but|that|which|who|whom|while|when|as|after|before|said|says|told|of|to|in|on|at|for|with|by|from|the|a|an)\s)[\p{L}.'\u2019-]+\s+){0,4}?)(${[...PERSON_HEADS, ...ORG_HEADS].join('|')})((?:\s+(?:for|of|to|at|in)\s+[^,;:"\u201c\u201d]{1,60}?)?)${GAP}$`,
  'iu',
);

/** "Pompeo's claim that "…"": words owned by the name before the possessive. */
export const POSSESSIVE_SPEECH =
  /(?:\u2019s|'s)\s+(?:[\p{L}-]+\s+)?(?:claims?|remarks?|words|statements?|assertions?|comments?|pledges?|warnings?|promises?|arguments?|insistence|message|words)\s+(?:that\s+)?[:,]?\s*$/u;

/** Words that open a predicate: a quote starting so says something of the phrase before it ("the claim “is false”"). */
export const PREDICATE_OPENING = /^(?:is|are|was|were|has|have|had|remains?|seems?|appears?|would|will|could|must)\b/;

/** Words after a name that make it no sentence subject ("Zarif and …", "Zarif of …"). */
export const SUBJECT_STOP = new Set(
  'and or of in on at to for with from by the a an who whose which that as than but nor bloc administration government visit'.split(' '),
);
export const ONLY_PUNCTUATION = /^[\s,.;:\u2014\u2013-]*$/;
