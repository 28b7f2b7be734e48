/** @vitest-environment happy-dom */
/**
 * What the engine makes of real news pages a reader saves (../shared/pages):
 * the page is read as the library reads it (extraction, the saved article's
 * text), then built with the bundled seeds, and its names and speakers are
 * checked as a reader of the card would check them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../tests/seeds';
import { readSeedFolder } from '../../tools/seed-folder';
import { buildCorpus } from '../engine/corpus';
import { extractArticle } from './extract';
import { savedArticleFrom } from './format';

const PAGES = join(SHARED, 'pages');
const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const present = existsSync(PAGES);
if (!present) console.warn(`../shared/pages not found at ${PAGES}: the saved real pages' names and speakers are not checked`);

async function saved(file: string, url: string) {
  const read = extractArticle(readFileSync(join(PAGES, file), 'utf8'), url);
  if (!('page' in read)) throw new Error(`${file}: refused as ${read.refused}`);
  const article = await savedArticleFrom(read.page, new Date('2026-12-01T00:00:00Z'));
  const corpus = buildCorpus([...readSeedFolder(SEEDS), { name: 'saved.txt', bytes: new TextEncoder().encode(article.text) }]);
  const entities = corpus.entities.filter((e) => e.articles.includes('saved'));
  const nameOf = (id: string | null) => (id ? (corpus.entities.find((e) => e.id === id)?.name ?? id) : null);
  const quotes = corpus.statements.filter((s) => s.article === 'saved').flatMap((s) => s.quotes.map((q) => ({ text: q.text, speaker: nameOf(q.speaker) })));
  return {
    typeOf: (name: string) => entities.find((e) => e.name === name)?.type ?? null,
    rolesOf: (name: string) => entities.find((e) => e.name === name)?.roles.filter((r) => r.article === 'saved').map((r) => r.text) ?? [],
    names: entities.map((e) => e.name),
    people: entities.filter((e) => e.type === 'person').map((e) => e.name),
    speakerOf: (start: string) => {
      const found = quotes.filter((q) => q.text.startsWith(start));
      if (found.length === 0) throw new Error(`no quote starts "${start}"`);
      return found[0].speaker;
    },
  };
}

describe.skipIf(!present)('real pages saved to the library', () => {
  it('New York Times: a middle initial stays in the name, and a state or a room is no person', async () => {
    const page = await saved('nytimes-recent.html', 'https://www.nytimes.com/2018/10/09/us/politics/nikki-haley-united-nations.html');
    expect(page.people).toEqual(expect.arrayContaining(['Nikki R. Haley', 'George W. Bush', 'Rex W. Tillerson', 'H. R. McMaster', 'Vladimir V. Putin']));
    // One Haley, one Bolton (the curated John Bolton, written "John R. Bolton" here), no half names.
    expect(page.people.filter((n) => /Haley|Bolton/.test(n)).sort()).toEqual(['John Bolton', 'Nikki R. Haley']);
    expect(page.people.filter((n) => /^\S+ \p{Lu}$|^\p{Lu}$/u.test(n))).toEqual([]);
    expect(page.typeOf('Iowa')).toBeNull();
    expect(page.typeOf('Oval Office')).toBeNull();
    expect(page.rolesOf('Nikki R. Haley')).not.toContainEqual(expect.stringMatching(/seated|next to/));
    expect(page.speakerOf('It was a blessing to go into the U.N.')).toBe('Nikki R. Haley');
    expect(page.speakerOf('We’re all happy for you')).toBe('Donald Trump');
    expect(page.speakerOf('Jared is such a hidden genius')).toBe('Nikki R. Haley');
  });

  it('Polygraph: outlets are no people, and the one who calls a claim false said it, not the claim’s owner', async () => {
    const page = await saved('polygraph-rukban.html', 'https://www.polygraph.info/a/fact-check-russia-rukban/29770037.html');
    expect(page.typeOf('Business Insider')).toBe('media');
    expect(page.typeOf('Polygraph')).toBe('media');
    expect(page.rolesOf('Carla Babb')).toEqual(['VOA Pentagon correspondent']);
    // "… told VOA … that the Russian and Syrian defense ministry's claim “is patently false,” and that “the United States is not …”"
    expect(page.speakerOf('is patently false')).toBe('Sean Robertson');
    expect(page.speakerOf('the United States is not preventing')).toBe('Sean Robertson');
    expect(page.speakerOf('fairly secular')).toBe('Omar Lamrani');
  });

  it('Fox News: initials are a given name, and a copyright line names no organisation', async () => {
    const page = await saved('foxnews-iran.html', 'http://www.foxnews.com/politics/2010/08/14/russias-nuclear-help-iran-stirs-questions-improved-relations/');
    expect(page.rolesOf('P.J. Crowley')).toEqual(['State Department spokesman']);
    expect(page.speakerOf('Our views on the Bushehr project')).toBe('P.J. Crowley');
    expect(page.speakerOf('We expect Iran to meet')).toBe('P.J. Crowley');
    expect(page.people.filter((n) => /FOX|Insider/i.test(n))).toEqual([]);
    expect(page.names.filter((n) => /\d{4}|Network/.test(n))).toEqual([]);
  });
});
