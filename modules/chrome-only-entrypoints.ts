/**
 * Entrypoints only Chrome's build has. The offscreen document gives Chrome's
 * service worker the DOM Readability needs to read a page being saved;
 * Firefox's background page has a DOM of its own, so its build has no such
 * page and asks for no `offscreen` permission. Left out of the Firefox build
 * here, as WXT finds entrypoints, rather than by the page's
 * `manifest.include`: WXT then reports it as "skipped" in a warning that reads
 * like a fault in every Firefox build.
 */
export const CHROME_ONLY_ENTRYPOINTS: readonly string[] = ['offscreen'];

/** Removes, in place (WXT's `entrypoints:found` hook hands over its own list), the entrypoints the target browser does not get. */
export function dropChromeOnlyEntrypoints(browser: string, found: { name: string }[]): void {
  if (browser !== 'firefox') return;
  for (let i = found.length - 1; i >= 0; i--) if (CHROME_ONLY_ENTRYPOINTS.includes(found[i].name)) found.splice(i, 1);
}
