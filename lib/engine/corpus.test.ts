import { describe, expect, it } from 'vitest';
import { readSeedFolder } from '../../tools/seed-folder';
import { SEEDS, seedCorpus } from '../../tests/seeds';
import { buildCorpus, type SeedFile } from './corpus';
import { serializeBundle } from './bundle';

const utf8 = (name: string, text: string): SeedFile => ({ name, bytes: new TextEncoder().encode(text) });
const withSeeds = (...extra: SeedFile[]) => buildCorpus([...readSeedFolder(SEEDS), ...extra]);

describe('the curated entity file', () => {
  const corpus = seedCorpus();
  it('builds the seeds without a single problem', () => {
    expect(corpus.problems).toEqual([]);
  });
  it('lists only entities the corpus names', () => {
    for (const e of corpus.entities) {
      expect(e.articles.length, e.id).toBeGreaterThan(0);
      // An outlet credited in a byline is named there, outside any sentence; everyone else is named in one.
      if (e.source === 'curated') expect(corpus.statements.some((s) => s.entities.includes(e.id)), e.id).toBe(true);
    }
  });
  it('backs every role with the sentence of its article that states it about that entity', () => {
    const statements = new Map(corpus.statements.map((s) => [s.id, s]));
    for (const e of corpus.entities) {
      for (const role of e.roles) {
        const cite = statements.get(role.statement);
        expect(cite?.article, `${e.id}: ${role.text}`).toBe(role.article);
        expect(cite?.text).toContain(role.text);
        expect(cite?.entities).toContain(e.id);
      }
    }
    const kanaani = corpus.entities.find((e) => e.id === 'nasser-kanaani');
    expect(kanaani?.roles.map((r) => r.text)).toEqual(['Iranian Foreign Ministry spokesman']);
  });
  it('reports a role the cited article does not state', () => {
    const files = readSeedFolder(SEEDS).map((f) => {
      if (f.name !== 'entities.json') return f;
      const data = JSON.parse(new TextDecoder().decode(f.bytes));
      data.entities.find((e: { id: string }) => e.id === 'nasser-kanaani').roles[0].text = 'Supreme Leader';
      return utf8('entities.json', JSON.stringify(data));
    });
    expect(buildCorpus(files).problems).toContainEqual({
      file: 'entities.json',
      line: null,
      reason: 'nasser-kanaani: role "Supreme Leader" is not stated about them in 003_3d90aa80119a4437',
    });
  });
});

describe('malformed seeds are reported by name and reason; the rest still index', () => {
  const cases: [string, SeedFile, RegExp, number | null][] = [
    ['binary', { name: 'bin.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00, 0x01]) }, /binary/, 2],
    ['empty', utf8('empty.txt', '  \n\n'), /empty/, null],
    ['wrong encoding', { name: 'latin1.txt', bytes: new Uint8Array([...new TextEncoder().encode('Line one.\nZarif said caf'), 0xe9, 0x2e]) }, /UTF-8/, 2],
    ['one huge line', utf8('huge.txt', 'Zarif '.repeat(1_800_000)), /characters long/, 1],
    ['broken sidecar', utf8('000_e2b84ee6c719b08a.meta.json', '{"date": "2018-08-20",\n "outlet": }'), /invalid JSON/, 2],
    ['orphan sidecar', utf8('nothing.meta.json', '{}'), /without its article/, null],
  ];
  it.each(cases)('%s', (_, file, reason, line) => {
    const corpus = withSeeds(file);
    const problem = corpus.problems.find((p) => p.file === file.name);
    expect(problem?.reason).toMatch(reason);
    expect(problem?.line).toBe(line);
    expect(corpus.articles).toHaveLength(5);
  });
  it('a sidecar with a bad field keeps its valid fields and says which is wrong', () => {
    const corpus = withSeeds(utf8('003_3d90aa80119a4437.meta.json', '{"date": "2024-02-05", "when": "Monday"}'));
    expect(corpus.articles.find((a) => a.id === '003_3d90aa80119a4437')?.date).toMatchObject({ iso: '2024-02-05', source: 'sidecar' });
    expect(corpus.problems).toEqual([{ file: '003_3d90aa80119a4437.meta.json', line: null, reason: expect.stringContaining('unknown field "when"') }]);
  });
});

describe('the bundle', () => {
  it('is deterministic: same seeds, same bytes', () => {
    const a = serializeBundle(buildCorpus(readSeedFolder(SEEDS)));
    const b = serializeBundle(buildCorpus([...readSeedFolder(SEEDS)].reverse()));
    expect(a).toBe(b);
  });
  it('gets a new article when one is added to the folder', () => {
    const corpus = withSeeds(utf8('100_new.txt', ' date 2024-05-01 BAGHDAD — Iraqi Prime Minister Mohammed Shia al-Sudani said, “We want calm.”'));
    const added = corpus.articles.find((a) => a.id === '100_new');
    expect(added?.date?.iso).toBe('2024-05-01');
    expect(added?.dateline).toBe('BAGHDAD');
    const quote = corpus.statements.find((s) => s.article === '100_new')?.quotes[0];
    expect(quote).toMatchObject({ text: 'We want calm.', speaker: 'mohammed-shia-al-sudani' });
  });
});
