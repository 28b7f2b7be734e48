import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS } from '../tests/seeds';

const root = join(import.meta.dirname, '..');
const corpus = (args: string[], input?: string) =>
  execFileSync(join(root, 'node_modules/.bin/tsx'), ['tools/corpus-cli.ts', ...args], { cwd: root, input, encoding: 'utf8' });

describe('corpus CLI contracts', () => {
  it('quotes --json lists article, quote and speaker, and why: the cue and whether it is stated or inferred', () => {
    const quotes = JSON.parse(corpus(['quotes', '--json']));
    expect(quotes).toHaveLength(34);
    expect(quotes[0]).toEqual({
      article: '000_e2b84ee6c719b08a',
      quote: 'Our relationship with Iraq as a neighboring country is good, and there has been a lot of reciprocal visits,',
      speaker: 'Bahram Qassemi',
      cue: { kind: 'verb', text: 'Qassemi told' },
      confidence: 'stated',
    });
    expect(quotes.find((q: { quote: string }) => q.quote === 'some medical tests.')).toMatchObject({ speaker: null, cue: null, confidence: null });
    // Every attributed quote says why; none without a speaker does.
    for (const q of quotes) expect(q.cue === null, q.quote).toBe(q.speaker === null);
    expect(new Set(quotes.map((q: { confidence: string | null }) => q.confidence))).toEqual(new Set(['stated', 'inferred', null]));
  });
  it('entities --json lists curated and discovered entities in the contract shape, and detect finds discovered names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iic-entities-'));
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
    writeFileSync(join(dir, 'new.txt'), 'Iraqi Deputy Foreign Minister Nazar Khairallah said the visit would be "historic."\n');
    const entities = JSON.parse(corpus(['entities', '--seeds', dir, '--json']));
    const khairallah = entities.find((e: { name: string }) => e.name === 'Nazar Khairallah');
    expect(khairallah).toEqual({
      id: 'nazar-khairallah',
      name: 'Nazar Khairallah',
      type: 'person',
      aliases: [],
      weakAliases: ['Khairallah'],
      roles: [{ text: 'Iraqi Deputy Foreign Minister', article: 'new' }],
      articles: ['new'],
      source: 'discovered',
    });
    expect(entities.find((e: { id: string }) => e.id === 'mohammad-javad-zarif').source).toBe('curated');
    const quotes = JSON.parse(corpus(['quotes', '--seeds', dir, '--json']));
    expect(quotes.find((q: { quote: string }) => q.quote === 'historic.').speaker).toBe('Nazar Khairallah');
    const found = JSON.parse(corpus(['detect', '--seeds', dir, '--json', '-'], 'Then Nazar Khairallah left.'));
    expect(found.map((m: { entity: string }) => m.entity)).toEqual(['Nazar Khairallah']);
  });
  it('detect --json reads standard input and reports UTF-16 offsets', () => {
    const text = '😀 Zarif met al-Kadhimi; the hook held.';
    const found = JSON.parse(corpus(['detect', '--json', '-'], text));
    expect(found).toEqual([
      { start: 3, end: 8, text: 'Zarif', entity: 'Mohammad Javad Zarif', type: 'person' },
      { start: 13, end: 23, text: 'al-Kadhimi', entity: 'Mustafa al-Kadhimi', type: 'person' },
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('lookup --json gives the entity, its cited role and statements; other text searches', () => {
    const zarif = JSON.parse(corpus(['lookup', 'Zarif', '--json']));
    expect(zarif.name).toBe('Mohammad Javad Zarif');
    expect(zarif.roles[0]).toMatchObject({ text: 'Iranian Foreign Minister', statement: '001_2e552cf3305906f6#6' });
    expect(zarif.statements.length).toBe(3);
    const troops = JSON.parse(corpus(['lookup', 'US troops', '--json']));
    expect(troops.statements[0].text).toContain('2500 US troops');
  });
  it('build reports each file and names the ones it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
    writeFileSync(join(dir, 'broken.txt'), new Uint8Array([0, 1, 2]));
    const out = join(dir, 'index.json');
    const report = JSON.parse(corpus(['build', '--seeds', dir, '--out', out, '--json']));
    expect(report.articles.map((a: { file: string }) => a.file)).toHaveLength(5);
    expect(report.articles[3]).toMatchObject({ file: '003_3d90aa80119a4437.txt', date: null, outlet: 'Shafaq News', quotes: 8 });
    expect(report.problems).toEqual([{ file: 'broken.txt', line: 1, reason: 'binary data (a NUL byte), not text' }]);
    expect(JSON.parse(readFileSync(out, 'utf8')).articles).toHaveLength(5);
    const table = corpus(['build', '--seeds', dir]);
    expect(table).toContain('broken.txt:1: binary data');
  });
  it('build names the entities no text can underline: every name shared, weak or blocked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, f));
    const file = JSON.parse(readFileSync(join(SEEDS, 'entities.json'), 'utf8'));
    // A second entry for Brian Hook under another id: the two now share every full name they go by.
    file.entities.push({ id: 'brian-hook-again', name: 'Brian Hook', type: 'person', aliases: ['Brian Hook'], weakAliases: ['Hook'], roles: [] });
    writeFileSync(join(dir, 'entities.json'), JSON.stringify(file));
    const report = JSON.parse(corpus(['build', '--seeds', dir, '--json']));
    expect(report.neverUnderlined.map((e: { id: string }) => e.id).sort()).toEqual(['brian-hook', 'brian-hook-again']);
    expect(corpus(['build', '--seeds', dir])).toMatch(/never underlined[^\n]*\n {2}Brian Hook \(brian-hook, curated\)/);
    expect(JSON.parse(corpus(['build', '--seeds', SEEDS, '--json'])).neverUnderlined).toEqual([]);
  });
  it('rejects an unknown command with usage', () => {
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['tools/corpus-cli.ts', 'frobnicate'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage:');
  });
});
