import { describe, expect, it } from 'vitest';
import { savedArticleFrom } from './format';
import { TAMIM_PAGE } from './test-fixtures';
import { EXPORT_FORMAT, exportLibrary, readImport } from './transfer';

const now = new Date('2026-12-01T10:00:00Z');
const two = async () => [
  await savedArticleFrom(TAMIM_PAGE, new Date('2026-11-30T09:00:00Z')),
  await savedArticleFrom({ ...TAMIM_PAGE, url: 'https://b.example/x', published: null, siteName: null, paragraphs: ['Planning Minister Mohammed Tamim told parliament the budget was ready.'] }, new Date('2026-11-29T09:00:00Z')),
];

describe('library export and import', () => {
  it('exports each article in the seeds format with its sidecar, and imports it back identical', async () => {
    const articles = await two();
    const file = exportLibrary(articles, now);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-12-01T10:00:00.000Z' });
    expect(file.articles[0]).toMatchObject({ file: `${articles[1].id}.txt`, meta: {} });
    expect(file.articles[1].meta).toEqual({ title: 'Iraq budget talks', outlet: 'Example News', date: '2024-03-05', time: '10:15', url: 'https://news.example/story' });
    const back = await readImport([{ name: 'library.json', text: JSON.stringify(file) }], now);
    expect('articles' in back && [...back.articles].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...articles].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('imports .txt files in the seeds format, with their sidecars', async () => {
    const text = 'TEHRAN — Planning Minister Mohammed Tamim said the budget was ready.\n';
    const read = await readImport(
      [
        { name: 'a.txt', text },
        { name: 'a.meta.json', text: '{"date": "2020-01-02", "outlet": "Shafaq News"}' },
      ],
      now,
    );
    expect('articles' in read && read.articles.map((a) => [a.text, a.meta, a.savedAt])).toEqual([[text, { date: '2020-01-02', outlet: 'Shafaq News' }, '2026-12-01T10:00:00.000Z']]);
  });

  it.each([
    [[{ name: 'broken.json', text: '{"format": "iran-iraq-context-library", ' }], 'broken.json', /not valid JSON/],
    [[{ name: 'other.json', text: '{"hello": 1}' }], 'other.json', /not a library export/],
    [[{ name: 'future.json', text: `{"format": "${EXPORT_FORMAT}", "version": 9, "articles": []}` }], 'future.json', /version 9/],
    [[{ name: 'lib.json', text: `{"format": "${EXPORT_FORMAT}", "version": 1, "articles": [{"text": "Tamim said so.", "meta": {"date": "yesterday"}, "savedAt": "2026-01-01T00:00:00Z"}]}` }], 'lib.json, article 1', /"date" must be a real date/],
    [[{ name: 'lib.json', text: `{"format": "${EXPORT_FORMAT}", "version": 1, "articles": [{"text": "Tamim said so.", "meta": {}, "savedAt": "never"}]}` }], 'lib.json, article 1', /savedAt/],
    [[{ name: 'empty.txt', text: '   \n' }], 'empty.txt', /empty file/],
    [[{ name: 'binary.txt', text: 'a\u0000b' }], 'binary.txt', /binary/],
    [[{ name: 'page.html', text: '<p>hi</p>' }], 'page.html', /not a library export/],
    [[{ name: 'b.txt', text: 'Fine text about the budget.' }, { name: 'b.meta.json', text: '{"colour": "red"}' }], 'b.meta.json', /unknown field "colour"/],
    [[{ name: 'lonely.meta.json', text: '{}' }], 'lonely.meta.json', /without its article/],
  ])('refuses a bad file, naming it and what is wrong (%#)', async (files, file, problem) => {
    const read = await readImport(files, now);
    expect('problem' in read && read.file).toBe(file);
    expect('problem' in read && read.problem).toMatch(problem);
  });
});
