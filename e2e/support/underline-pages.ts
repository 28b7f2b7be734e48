/**
 * Pages and probes for what a page can see of our underlines, and how many it
 * holds (issue 17): the tests in underlines.chromium.test.ts and
 * underlines.firefox.test.ts. Probes run in the page's own world, as a site's
 * script would.
 */
import { compileNameTable } from '../../lib/engine/matcher';
import { LIBRARY_NAMES_KEY, type StoredLibraryNames } from '../../lib/library/names-storage';

/** Names of the seeds the extension ships, repeated: the first-mention option's page. */
export const REPEATED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head><body><main>
<p>Foreign Minister Mohammad Javad Zarif met Mike Pompeo on Monday.</p>
<p>Zarif said the talks went well. Pompeo did not comment.</p>
<p>Later, Zarif spoke again, and Zarif's deputy followed.</p>
</main></body></html>`;

/** 1,500 paragraphs, each naming Zarif and the Popular Mobilization Forces: 3,000 names, many screens long. */
export const LONG_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title>
<style>p{margin:0;line-height:24px}</style></head><body><main>${Array.from(
  { length: 1500 },
  (_, i) => `<p id="p${i}">Entry ${i}: Mohammad Javad Zarif spoke of the Popular Mobilization Forces today.</p>`,
).join('\n')}</main></body></html>`;
export const LONG_PAGE_PARAGRAPHS = 1500;

/** A page naming a person only the reader's library knows, beside one the bundled corpus knows. */
export const LIBRARY_PERSON_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vienna</title></head><body><main>
<p>John Kerry arrived in Vienna, where Mohammad Javad Zarif was waiting.</p></main></body></html>`;

/** What the background stores after saving an article about John Kerry: the library's names, as every content script reads them. */
export function libraryNamesWithKerry(): Record<string, StoredLibraryNames> {
  const table = compileNameTable([{ id: 'lib-john-kerry', name: 'John Kerry', type: 'person', aliases: ['John Kerry'], weakAliases: [] }]);
  return { [LIBRARY_NAMES_KEY]: { version: 1, table } };
}

/** In an extension page: writes these keys to `storage.local`. */
export async function storeItems(items: Record<string, unknown>): Promise<void> {
  const g = globalThis as unknown as { browser?: { storage: { local: { set(i: unknown): Promise<void> } } }; chrome?: { storage: { local: { set(i: unknown): Promise<void> } } } };
  await (g.browser ?? g.chrome)?.storage.local.set(items);
}

/** In the page: how many ranges the highlight registry holds, and which paragraphs (by id) they are in. */
export function registeredParagraphs(): { total: number; paragraphs: number[] } {
  const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  let total = 0;
  const paragraphs = new Set<number>();
  for (const highlight of registry.values()) {
    for (const range of highlight) {
      total++;
      const id = range.startContainer.parentElement?.closest('p')?.id ?? '';
      if (/^p\d+$/.test(id)) paragraphs.add(Number(id.slice(1)));
    }
  }
  return { total, paragraphs: [...paragraphs].sort((a, b) => a - b) };
}

/** In the page: every attribute and class of the document, to look for a mark of ours. */
export function documentMarks(): string[] {
  return [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
}
