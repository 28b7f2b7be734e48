/**
 * Outlets' names as articles write them. A publisher and a source the article
 * cites are often the same outlet ("Reuters" publishes "…, according to
 * Reuters"; "Mehr News Agency" writes "Mehr reported"): saying both reads as if
 * a second outlet vouched for the first.
 */
import type { ArticleSource } from './engine/types';

/** Words an outlet's name carries or drops at will. */
const INCIDENTAL = new Set(['the', 'news', 'agency']);

function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !INCIDENTAL.has(w))
    .join(' ');
}

/** Whether two names are one outlet: "Reuters" and "Reuters", "Mehr" and "Mehr News Agency", "Tasnim" and "Tasnim news agency". */
export function sameOutlet(a: string, b: string): boolean {
  const ka = key(a);
  return ka !== '' && ka === key(b);
}

/** The sources an article cites or credits other than its own publisher. */
export function sourcesBesidesPublisher<S extends Pick<ArticleSource, 'name'>>(sources: readonly S[], publisher: string | null): S[] {
  return publisher ? sources.filter((s) => !sameOutlet(s.name, publisher)) : [...sources];
}
