/**
 * Removes the only HTML sink the extension ships: Preact's support for
 * `dangerouslySetInnerHTML`. Our code never uses it (a test bans it), so the
 * branch is dead; replacing its assignments with a thrown error makes that a
 * guarantee of the build, and keeps Mozilla's linter free of innerHTML warnings.
 */
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]/;
const ASSIGNMENT = /(\b[\w$]+)\.innerHTML=([\w$]+\.__html|"")/g;
const REFUSE = '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in this extension")})()';

export function noInnerHtmlPlugin(): Plugin {
  return {
    name: 'iic-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT.test(id) || !code.includes('.innerHTML=')) return null;
      const patched = code.replace(ASSIGNMENT, REFUSE);
      if (patched.includes('.innerHTML=')) this.error(`an innerHTML assignment in ${id} was not recognised; update ${import.meta.filename}`);
      return { code: patched, map: null };
    },
  };
}

const READABILITY = /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;
/**
 * Readability's two innerHTML writes, as DOM operations that do the same on
 * the inert copy of a page it reads (a DOMParser document, where scripting is
 * off and `<noscript>` holds real elements): keep a clone of the page to start
 * each retry from, and move a noscript's cloned children instead of re-parsing
 * its markup. Reads of innerHTML (for logging, a video-host test) stay.
 */
const READABILITY_WRITES: [string, string][] = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCacheNodes = page.cloneNode(true);'],
  ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCacheNodes.cloneNode(true).childNodes);'],
  ['tmp.innerHTML = noscript.innerHTML;', 'tmp.replaceChildren(...noscript.cloneNode(true).childNodes);'],
];

export function readabilityWithoutInnerHtmlPlugin(): Plugin {
  return {
    name: 'iic-readability-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!READABILITY.test(id)) return null;
      let patched = code;
      for (const [write, dom] of READABILITY_WRITES) {
        if (!patched.includes(write)) this.error(`Readability changed: "${write}" not found in ${id}; update ${import.meta.filename}`);
        patched = patched.replace(write, dom);
      }
      if (/\.innerHTML\s*=[^=]/.test(patched)) this.error(`an innerHTML assignment in ${id} was not recognised; update ${import.meta.filename}`);
      return { code: patched, map: null };
    },
  };
}
