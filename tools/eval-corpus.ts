/**
 * `npm run eval`: builds the seeds together with the real articles of
 * `../shared/corpus/` and scores names, roles, speakers, dates and outlets
 * against the hand-made gold, for the whole corpus and for each batch apart
 * (the first batch is the one the rules were first written from; the second
 * came later, from other outlets). Prints the figures the README reports.
 *
 * `npm run eval -- --corpus DIR` scores any folder laid out the same way
 * (`articles/`, `gold.json`, `sources.tsv`); `--verbose` lists every miss and
 * every wrong attribution in full.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuiltCorpus, buildCorpus } from '../lib/engine/corpus';
import { type Gold, type Score, score, type SourceLine } from './eval/score';
import { readSeedFolder } from './seed-folder';

export const SHARED_CORPUS = resolve(import.meta.dirname, '..', '..', 'shared', 'corpus');

/** The corpus's batches, by the number its article files start with. */
export const BATCHES: { name: string; has: (article: string) => boolean }[] = [
  { name: 'first batch (101–143)', has: (id) => /^1\d\d_/.test(id) },
  { name: 'second batch (200–329)', has: (id) => /^[23]\d\d_/.test(id) },
];

export interface Evaluation {
  all: Score;
  /** One score per batch that has articles in the gold, in BATCHES order. */
  batches: { name: string; score: Score }[];
}

interface Material {
  corpus: BuiltCorpus;
  gold: Gold;
  sources: SourceLine[];
}

function load(seeds: string, shared: string): Material {
  const dir = join(shared, 'articles');
  const files = [
    ...readSeedFolder(seeds),
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })),
  ];
  const gold = JSON.parse(readFileSync(join(shared, 'gold.json'), 'utf8')) as Gold;
  const [, ...rows] = readFileSync(join(shared, 'sources.tsv'), 'utf8').trim().split('\n');
  const sources: SourceLine[] = rows.map((r) => {
    const [file, outlet, date] = r.split('\t');
    return { file, outlet, date };
  });
  return { corpus: buildCorpus(files), gold, sources };
}

const only = (gold: Gold, has: (id: string) => boolean): Gold => Object.fromEntries(Object.entries(gold).filter(([id]) => has(id)));

/** Builds once, then scores the whole gold and each batch on that one build. */
export function evaluate(seeds = resolve(import.meta.dirname, '..', 'seeds'), shared = SHARED_CORPUS): Evaluation {
  const { corpus, gold, sources } = load(seeds, shared);
  const batches = BATCHES.map((b) => ({ name: b.name, gold: only(gold, b.has) }))
    .filter((b) => Object.keys(b.gold).length > 0)
    .map((b) => ({ name: b.name, score: score(corpus, b.gold, sources) }));
  return { all: score(corpus, gold, sources), batches };
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(3));

/** The figures, then (verbose) every miss, every name that is not gold, and every wrong attribution in full. */
export function report(s: Score, verbose: boolean): string {
  const lines: string[] = [];
  if (verbose) {
    for (const m of s.missed) lines.push(`missed   ${m.article}: ${m.name} (${m.type})`);
    for (const w of s.discovered.wrong) lines.push(`not gold ${w.article}: ${w.name} (${w.type})`);
    for (const m of s.quotes.missed) lines.push(`no quote ${m}`);
    for (const w of s.quotes.wrong) lines.push(`wrong    ${w.article}: "${w.quote}" gold ${w.gold ?? 'none'}, got ${w.got}`);
    for (const d of [...s.facts.wrongDates, ...s.facts.wrongOutlets]) lines.push(`fact     ${d}`);
    for (const x of s.split) lines.push(`split    ${x.article}: ${x.name} is ${x.entities.join(' and ')}`);
    lines.push('');
  }
  const q = s.quotes;
  lines.push(
    `people recall        ${ratio(s.people.found, s.people.gold)} (${s.people.found}/${s.people.gold})`,
    `organisations recall ${ratio(s.organizations.found, s.organizations.gold)} (${s.organizations.found}/${s.organizations.gold})`,
    `discovered precision ${ratio(s.discovered.right, s.discovered.total)} (${s.discovered.right}/${s.discovered.total})`,
    `roles given          ${ratio(s.roles.given, s.roles.gold)} (${s.roles.given}/${s.roles.gold} gold people with a role)`,
    `quotes right ${ratio(q.right, q.scored)} (${q.right}/${q.scored}), none ${q.none}, wrong ${q.wrong.length} (${((100 * q.wrong.length) / Math.max(1, q.scored)).toFixed(1)} %); ${q.ambiguous} ambiguous not scored`,
    `facts: ${s.facts.wrongDates.length} wrong dates of ${s.facts.dated} given, ${s.facts.wrongOutlets.length} wrong outlets of ${s.facts.withOutlet} given; ${s.split.length} gold entities split in two`,
  );
  return lines.join('\n');
}

/** The whole corpus (verbose: with its lists), then each batch's figures under its name. */
export function reportAll(e: Evaluation, verbose: boolean): string {
  const parts = e.batches.length > 1 ? e.batches.map((b) => `— ${b.name}\n${report(b.score, false)}`) : [];
  return [...parts, `— all ${e.batches.length > 1 ? 'articles' : ''}`.trimEnd(), report(e.all, verbose)].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const at = process.argv.indexOf('--corpus');
  const shared = at > 0 ? resolve(process.argv[at + 1] ?? '') : SHARED_CORPUS;
  if (!existsSync(shared)) {
    process.stdout.write(`eval: skipped: ${shared} is absent (it holds the real articles and their gold)\n`);
  } else {
    process.stdout.write(`${reportAll(evaluate(undefined, shared), process.argv.includes('--verbose'))}\n`);
  }
}
