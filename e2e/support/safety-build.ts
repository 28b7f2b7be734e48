/**
 * Static checks of a built extension directory: everything it runs must be
 * in the package (no remote script, no code from strings).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

/** Sources a CSP lets scripts come from that are not the package itself. */
export function unsafeScriptSources(policy: string): string[] {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
  const unsafe: string[] = [];
  for (const name of ['script-src', 'script-src-elem', 'worker-src', 'default-src', 'object-src']) {
    for (const source of directives.get(name) ?? []) {
      // 'self', 'none' and wasm compilation of packaged code are the only safe values.
      if (!["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source.toLowerCase())) unsafe.push(`${name} ${source}`);
    }
  }
  return unsafe;
}

/** Every CSP string of a manifest: MV2 has one string, MV3 an object of them. */
export function manifestPolicies(manifest: Record<string, unknown>): string[] {
  const csp = manifest.content_security_policy;
  if (csp === undefined) return [];
  if (typeof csp === 'string') return [csp];
  return Object.values(csp as Record<string, string>);
}

/** Code made from strings at run time: eval, the Function constructor, string timers. */
const CODE_FROM_STRINGS: [string, RegExp][] = [
  ['eval(', /(^|[^\w$.])eval\s*\(/],
  ['new Function(', /\bnew\s+Function\s*\(/],
  ['Function("…")', /(^|[^\w$.])Function\s*\(\s*["'`]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts(', /\bimportScripts\s*\(/],
];

export function codeFromStrings(dir: string): string[] {
  return filesUnder(dir, /\.m?js$/).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return CODE_FROM_STRINGS.filter(([, re]) => re.test(source)).map(([what]) => `${relative(dir, file)}: ${what}`);
  });
}

/**
 * Remote http(s) addresses compiled into scripts and pages. XML namespace
 * names (www.w3.org) are identifiers that are never fetched, and the content
 * script's match patterns (any host of http or https, which WXT keeps in its definition)
 * name no host at all.
 */
export function remoteAddresses(dir: string): string[] {
  return filesUnder(dir, /\.(m?js|html|css)$/).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bhttps?:\/\/[^\s"'`)<>\\]+/g)]
      .map((m) => m[0])
      .filter((url) => !/^http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/)$/.test(url))
      .filter((url) => !/^https?:\/\/\*\/\*$/.test(url))
      .map((url) => `${relative(dir, file)}: ${url}`),
  );
}
