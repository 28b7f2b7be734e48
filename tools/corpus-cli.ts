/**
 * `npm run corpus -- <command>`: the maintainer's view of exactly what the
 * extension will show, computed by the same engine modules it bundles.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serializeBundle } from '../lib/engine/bundle';
import type { BuiltCorpus } from '../lib/engine/corpus';
import { corpusFiles } from '../lib/engine/store/layout';
import { packagedStore } from '../lib/engine/store/packaged';
import { findMentions } from '../lib/engine/matcher';
import type { Article } from '../lib/engine/types';
import { buildCorpusFromFolder } from './seed-folder';

const USAGE = `usage: npm run --silent corpus -- <command> [options]
  quotes [--json]                  every direct quote with its speaker
  detect [--json] FILE|-           the names the extension would underline in a text
  lookup QUERY [--json]            an entity and its statements, or search results
  entities [--json]                every entity, curated and discovered, with aliases, roles and articles
  build [--seeds DIR] [--out FILE] [--json]   build the index and report each file
common: --seeds DIR (default: seeds/)`;

interface Args {
  command: string;
  positional: string[];
  json: boolean;
  seeds: string;
  out: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: argv[0] ?? '', positional: [], json: false, seeds: 'seeds', out: null };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--seeds') args.seeds = argv[++i] ?? fail('--seeds needs a folder');
    else if (a === '--out') args.out = argv[++i] ?? fail('--out needs a file');
    else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else args.positional.push(a);
  }
  return args;
}

function fail(message: string): never {
  process.stderr.write(`corpus: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.min(60, Math.max(...rows.map((r) => r[c].length))));
  const clip = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  return rows.map((r) => r.map((cell, c) => clip(cell, widths[c])).join('  ').trimEnd()).join('\n');
}

function print(value: unknown, json: boolean, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

function dateText(a: Pick<Article, 'date'>): string {
  return a.date ? `${a.date.iso}${a.date.time ? ` ${a.date.time}` : ''}${a.date.zone ? ` ${a.date.zone}` : ''}` : 'undated';
}

function quotes(corpus: BuiltCorpus, json: boolean): void {
  const names = new Map(corpus.entities.map((e) => [e.id, e.name]));
  // `cue` and `confidence` extend the contract's first three fields: why the speaker is theirs, and how sure the text makes it.
  const rows = corpus.statements.flatMap((s) =>
    s.quotes.map((q) => ({
      article: s.article,
      quote: q.text,
      speaker: q.speaker ? (names.get(q.speaker) ?? null) : null,
      cue: q.cue ? { kind: q.cue.kind, text: q.cue.text } : null,
      confidence: q.confidence ?? null,
    })),
  );
  print(rows, json, () =>
    table([['article', 'speaker', 'cue', 'quote'], ...rows.map((r) => [r.article, r.speaker ?? '(no speaker)', r.cue ? `${r.confidence === 'inferred' ? 'inferred: ' : ''}${r.cue.text}` : '', r.quote])]),
  );
}

function detect(corpus: BuiltCorpus, file: string | undefined, json: boolean): void {
  if (!file) fail('detect needs a FILE, or - for standard input');
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  const mentions = findMentions(text, corpus.table).map((m) => ({
    start: m.start,
    end: m.end,
    text: m.text,
    entity: corpus.table.entities[m.entity].name,
    type: m.type,
  }));
  print(mentions, json, () =>
    mentions.length === 0 ? 'no names found' : table([['start', 'end', 'text', 'entity', 'type'], ...mentions.map((m) => [String(m.start), String(m.end), m.text, m.entity, m.type])]),
  );
}

/** The CLI reads through the same store as the extension, from the same files the build writes. */
function storeOf(corpus: BuiltCorpus) {
  const files = corpusFiles(corpus);
  return packagedStore(async (path) => {
    const text = files.get(path);
    if (text === undefined) throw new Error('no such file');
    return text;
  }, corpus.table);
}

async function lookup(corpus: BuiltCorpus, query: string | undefined, json: boolean): Promise<void> {
  if (!query) fail('lookup needs a name or words to search for');
  const store = storeOf(corpus);
  const id = await store.resolve(query);
  if (id) {
    const view = await store.entity(id);
    print(view, json, () => {
      if (!view) return '';
      const roles = view.roles.map((r) => `  ${r.text} (${r.article.outlet ?? 'outlet unknown'}, ${dateText(r.article)}; ${r.statement})`);
      const lines = view.statements.map((s) => [s.relation, dateText(s.article), s.article.outlet ?? '', s.text]);
      return [`${view.name} (${view.type})`, ...roles, `${view.counts.said} quoted, ${view.counts.partial} partly quoted, ${view.counts.about} mentions`, '', table([['', 'date', 'outlet', 'statement'], ...lines])].join('\n');
    });
    return;
  }
  const { closest, ...results } = await store.search(query);
  const empty = results.names.length + results.statements.length + results.articles.length === 0;
  const output = empty ? { ...results, closest } : results;
  print(output, json, () => {
    if (empty) return `nothing found for "${query}"; closest names: ${closest.join(', ')}`;
    const rows = [
      ...results.names.map((n) => ['name', n.name, n.role ?? '']),
      ...results.statements.map((s) => ['statement', s.text, `${s.article.outlet ?? ''} ${dateText(s.article)}`]),
      ...results.articles.map((a) => ['article', a.title, `${a.outlet ?? ''} ${dateText(a)}`]),
    ];
    return table([['kind', 'result', 'source'], ...rows]);
  });
}

function entities(corpus: BuiltCorpus, json: boolean): void {
  const rows = corpus.entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    weakAliases: e.weakAliases,
    roles: e.roles.map((r) => ({ text: r.text, article: r.article })),
    articles: e.articles,
    source: e.source,
  }));
  print(rows, json, () =>
    table([['id', 'type', 'source', 'articles', 'roles'], ...rows.map((r) => [r.id, r.type, r.source, String(r.articles.length), r.roles.map((x) => x.text).join('; ')])]),
  );
}

function build(corpus: BuiltCorpus, args: Args): void {
  const json = serializeBundle(corpus);
  if (args.out) writeFileSync(args.out, json);
  const files = corpusFiles(corpus);
  const packaged = [...files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
  const statementsOf = new Map<string, typeof corpus.statements>();
  for (const s of corpus.statements) statementsOf.set(s.article, [...(statementsOf.get(s.article) ?? []), s]);
  const entitiesOf = new Map<string, typeof corpus.entities>();
  for (const e of corpus.entities) for (const a of e.articles) entitiesOf.set(a, [...(entitiesOf.get(a) ?? []), e]);
  const report = corpus.articles.map((a) => {
    const statements = statementsOf.get(a.id) ?? [];
    const named = entitiesOf.get(a.id) ?? [];
    return {
      file: `${a.id}.txt`,
      date: a.date ? dateText(a) : null,
      dateSource: a.date?.source ?? null,
      outlet: a.outlet?.name ?? null,
      title: a.title,
      sentences: statements.length,
      quotes: statements.reduce((n, s) => n + s.quotes.length, 0),
      entities: new Set(statements.flatMap((s) => s.entities)).size,
      curated: named.filter((e) => e.source === 'curated').map((e) => e.name),
      discovered: named.filter((e) => e.source === 'discovered').map((e) => e.name),
    };
  });
  const names = new Map(corpus.entities.map((e) => [e.id, e]));
  const review = corpus.review.map((id) => ({ id, name: names.get(id)?.name ?? id, article: names.get(id)?.articles[0] ?? null }));
  const neverUnderlined = corpus.neverUnderlined.map((id) => ({ id, name: names.get(id)?.name ?? id, source: names.get(id)?.source ?? null }));
  const result = {
    seeds: resolve(args.seeds),
    out: args.out,
    bytes: json.length,
    package: { files: files.size, bytes: packaged },
    articles: report,
    review,
    neverUnderlined,
    problems: corpus.problems,
  };
  print(result, args.json, () => {
    const rows = report.map((r) => [r.file, r.date ?? 'undated', r.outlet ?? '(unknown)', String(r.sentences), String(r.quotes), String(r.entities)]);
    const problems = corpus.problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
    return [
      table([['file', 'date', 'outlet', 'sentences', 'quotes', 'entities'], ...rows]),
      '',
      ...report.map((r) => `  ${r.file}: curated ${r.curated.join(', ') || '—'}; discovered ${r.discovered.join(', ') || '—'}`),
      '',
      `${report.length} articles, ${corpus.entities.length} entities (${corpus.entities.filter((e) => e.source === 'discovered').length} discovered); in the package ${files.size} files, ${packaged} bytes${args.out ? `; bundle ${json.length} bytes → ${args.out}` : ''}`,
      ...(review.length
        ? [`to review (named once, no role: confirm in entities.json or add to its blockers):`, ...review.map((r) => `  ${r.name} (${r.article})`)]
        : []),
      ...(neverUnderlined.length
        ? [
            `never underlined (every name it goes by is weak, shared with another entity or blocked: give it a full alias of its own in entities.json):`,
            ...neverUnderlined.map((e) => `  ${e.name} (${e.id}, ${e.source})`),
          ]
        : []),
      ...(problems.length ? ['problems:', ...problems] : ['no problems']),
    ].join('\n');
  });
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!args.command || args.command === '--help' || args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const corpus = buildCorpusFromFolder(args.seeds);
  if (args.command === 'quotes') quotes(corpus, args.json);
  else if (args.command === 'detect') detect(corpus, args.positional[0], args.json);
  else if (args.command === 'lookup') void lookup(corpus, args.positional.join(' ') || undefined, args.json);
  else if (args.command === 'build') build(corpus, args);
  else if (args.command === 'entities') entities(corpus, args.json);
  else fail(`unknown command ${args.command}`);
}

main();
