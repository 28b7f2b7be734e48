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
