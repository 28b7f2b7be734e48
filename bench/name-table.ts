/**
 * Issue 10, item 7: the name table the content script carries grows with
 * discovered names. Measured in Node with the real matcher: the table's size
 * as the content script ships it (JSON, raw and gzip), the time to parse it,
 * the first scan of a short article (which compiles the scan plan) and a warm
 * scan, for the seed table (the baseline, same run) and for tables of 1,000 and
 * 5,000 synthetic entities added to it.
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { GIVEN_NAMES } from '../lib/engine/discovery/lexicon';
import { compileNameTable, type EntityNames, findMentions, type NameTable } from '../lib/engine/matcher';
import { median } from './stats';
import { createRng, pick, seedMaterial, zipfWord } from './synth';

export interface NameTableRow {
  entities: number;
  raw: number;
  gzip: number;
  parseMs: number;
  firstScanMs: number;
  scanMs: number;
}

/** People named like discovered ones ("Given Surname", surname weak), and a fifth organisations ("X Y Council"). */
function syntheticEntities(n: number): EntityNames[] {
  const m = seedMaterial();
  const rng = createRng(n);
  const given = [...GIVEN_NAMES].sort();
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  return Array.from({ length: n }, (_, i) => {
    const surname = `${cap(zipfWord(m, rng))}${cap(zipfWord(m, rng)).slice(0, 3)}${i}`;
    if (i % 5 === 4) {
      const name = `${cap(zipfWord(m, rng))} ${surname} Council`;
      return { id: `org-${i}`, name, type: 'organization', aliases: [], weakAliases: [] };
    }
    return { id: `person-${i}`, name: `${pick(rng, given)} ${surname}`, type: 'person', aliases: [], weakAliases: [surname] };
  });
}

function measure(table: NameTable, text: string, runs: number): NameTableRow {
  const json = JSON.stringify(table);
  const parse: number[] = [];
  const first: number[] = [];
  const warm: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const parsed = JSON.parse(json) as NameTable;
    parse.push(performance.now() - t);
    t = performance.now();
    findMentions(text, parsed);
    first.push(performance.now() - t);
    t = performance.now();
    findMentions(text, parsed);
    warm.push(performance.now() - t);
  }
  return {
    entities: Object.keys(table.entities).length,
    raw: json.length,
    gzip: gzipSync(json).length,
    parseMs: median(parse),
    firstScanMs: median(first),
    scanMs: median(warm),
  };
}

export function measureNameTables(sizes: number[], runs: number): NameTableRow[] {
  const m = seedMaterial();
  const text = m.files
    .filter((f) => f.name.endsWith('.txt'))
    .map((f) => new TextDecoder().decode(f.bytes))
    .join('\n\n');
  const seeds = m.corpus.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, weakAliases: e.weakAliases }));
  return [
    measure(m.corpus.table, text, runs),
    ...sizes.map((n) => measure(compileNameTable([...seeds, ...syntheticEntities(n)]), text, runs)),
  ];
}
