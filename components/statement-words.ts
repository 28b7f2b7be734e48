import type { StatementView } from '../lib/engine/lookup';

/** Who said the quoted words: the statement's speakers, or, for words quoted inside someone else's statement, the quoted; each once. */
export function speakersOf(statement: StatementView): { id: string; name: string }[] {
  if (statement.relation === 'about' || statement.relation === 'match') return [];
  const voice = statement.relation === 'quoted' ? statement.voice?.id : undefined;
  const speakers = new Map<string, { id: string; name: string }>();
  for (const q of statement.quotes) if (q.speaker && q.speaker.id !== voice && !speakers.has(q.speaker.id)) speakers.set(q.speaker.id, q.speaker);
  return [...speakers.values()];
}

/**
 * What the card shows of a statement: the sentence; but for words of one person quoted in another's
 * statement ("Zarif rebutted Pompeo's claim that “…”"), only those words, since the sentence is the other's.
 */
export function shownText(statement: StatementView): string {
  if (statement.relation !== 'quoted') return statement.text;
  const words = statement.quotes.filter((q) => q.speaker && q.speaker.id !== statement.voice?.id).map((q) => `“${q.text}”`);
  return words.length > 0 ? words.join(' … ') : statement.text;
}
