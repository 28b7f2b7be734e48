/**
 * Bundles the code the bench injects into pages with esbuild: the real
 * lib/dom + lib/engine detection (in-page/scan-api.ts) with the name table
 * compiled from seeds/ exactly as the build's corpus plugin does, and the
 * init-script probes. Our own bundle, so no test-only hook is needed in the
 * product code, and no transpiler helper (tsx's __name) leaks into pages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { NameTable } from '../lib/engine/matcher';
import type { EntityType } from '../lib/engine/types';
import { seedMaterial } from './synth';

export interface PageScripts {
  /** Defines globalThis.iicBench (see in-page/api.ts). */
  scan: string;
  loadProbe: string;
  popupProbe: string;
  gapProbe: string;
  /** mark.js 8 as the npm package ships it (UMD, defines globalThis.Mark). */
  markJs: string;
  /** Every alias of a person or organisation, as written: what mark.js is asked to find. */
  keywords: string[];
}

function nameTablePlugin(table: NameTable): Plugin {
  return {
    name: 'iic-name-table',
    setup(b) {
      b.onResolve({ filter: /^virtual:name-table$/ }, () => ({ path: 'name-table', namespace: 'iic' }));
      b.onLoad({ filter: /.*/, namespace: 'iic' }, () => ({ contents: `export default ${JSON.stringify(table)};`, loader: 'js' }));
    },
  };
}

async function bundle(entry: string, table: NameTable): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'in-page', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    plugins: [nameTablePlugin(table)],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * The aliases (strong and weak) of the enabled types as the entity file writes
 * them, plus the al-/Al-/bare variants the matcher compiles for them: the same
 * name list the table holds, in the spelling a page uses (the table keeps
 * folded words, which lose hyphens and apostrophes).
 */
export function markKeywords(types: readonly EntityType[] = ['person', 'organization']): string[] {
  const { corpus } = seedMaterial();
  const out = new Set<string>();
  for (const e of corpus.entities) {
    if (!types.includes(e.type)) continue;
    for (const alias of [e.name, ...e.aliases, ...e.weakAliases]) {
      out.add(alias);
      const m = /^(.*?)\b(al|Al|el|El)-(\S.*)$/.exec(alias);
      if (m) {
        out.add(`${m[1]}${m[2] === 'al' ? 'Al' : 'al'}-${m[3]}`);
        out.add(`${m[1]}${m[3]}`);
      }
    }
  }
  return [...out].sort();
}

export async function pageScripts(): Promise<PageScripts> {
  const { table } = seedMaterial().corpus;
  const require = createRequire(import.meta.url);
  return {
    scan: await bundle('scan-api.ts', table),
    loadProbe: await bundle('load-probe.ts', table),
    popupProbe: await bundle('popup-probe.ts', table),
    gapProbe: await bundle('gap-probe.ts', table),
    markJs: readFileSync(require.resolve('mark.js/dist/mark.js'), 'utf8'),
    keywords: markKeywords(),
  };
}
