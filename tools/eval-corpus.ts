/**
 * `npm run eval`: builds the seeds together with the 24 real articles of
 * `../shared/corpus/` and scores names, roles, speakers, dates and outlets
 * against the hand-made gold. Prints the figures the README reports.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCorpus } from '../lib/engine/corpus';
import { type Gold, type Score, score, type SourceLine } from './eval/score';
import { readSeedFolder } from './seed-folder';

export const SHARED_CORPUS = resolve(import.meta.dirname, '..', '..', 'shared', 'corpus');

export function evaluate(seeds = resolve(import.meta.dirname, '..', 'seeds'), shared = SHARED_CORPUS): Score {
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
  return score(buildCorpus(files), gold, sources);
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(3));

export function report(s: Score, verbose: boolean): string {
  const lines: string[] = [];
  if (verbose) {
    for (const m of s.missed) lines.push(`missed   ${m.article}: ${m.name} (${m.type})`);
    for (const w of s.discovered.wrong) lines.push(`not gold ${w.article}: ${w.name} (${w.type})`);
    for (const m of s.quotes.missed) lines.push(`no quote ${m}`);
    for (const w of s.quotes.wrong) lines.push(`wrong    ${w.article}: "${w.quote}…" gold ${w.gold ?? 'none'}, got ${w.got}`);
    for (const d of [...s.facts.wrongDates, ...s.facts.wrongOutlets]) lines.push(`fact     ${d}`);
    lines.push('');
  }
  const q = s.quotes;
  lines.push(
    `people recall        ${ratio(s.people.found, s.people.gold)} (${s.people.found}/${s.people.gold})`,
    `organisations recall ${ratio(s.organizations.found, s.organizations.gold)} (${s.organizations.found}/${s.organizations.gold})`,
    `discovered precision ${ratio(s.discovered.right, s.discovered.total)} (${s.discovered.right}/${s.discovered.total})`,
    `roles given          ${ratio(s.roles.given, s.roles.gold)} (${s.roles.given}/${s.roles.gold} gold people with a role)`,
    `quotes right ${ratio(q.right, q.scored)} (${q.right}/${q.scored}), none ${q.none}, wrong ${q.wrong.length} (${((100 * q.wrong.length) / Math.max(1, q.scored)).toFixed(1)} %); ${q.ambiguous} ambiguous not scored`,
    `facts: ${s.facts.wrongDates.length} wrong dates of ${s.facts.dated} given, ${s.facts.wrongOutlets.length} wrong outlets of ${s.facts.withOutlet} given`,
  );
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (!existsSync(SHARED_CORPUS)) {
    process.stdout.write(`eval: skipped: ${SHARED_CORPUS} is absent (it holds the real articles and their gold)\n`);
  } else {
    process.stdout.write(`${report(evaluate(), process.argv.includes('--verbose'))}\n`);
  }
}
