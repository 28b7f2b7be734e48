/** A saved page for the library's tests: a new person (Mohammed Tamim) and a bundled one (Zarif). */
import { seedCorpus } from '../../tests/seeds';
import type { NameContext } from './derive';
import type { ExtractedPage } from './format';

export const TAMIM_PAGE: ExtractedPage = {
  url: 'https://news.example/story?utm_source=feed#top',
  title: 'Iraq budget talks',
  byline: 'By A. Writer',
  siteName: 'Example News',
  published: '2024-03-05T10:15:00+03:00',
  paragraphs: [
    'BAGHDAD — Iraqi Planning Minister Mohammed Tamim said on Tuesday that the federal budget would be sent to parliament within days.',
    '"The budget protects salaries and the ration card," Tamim told reporters in Baghdad.',
    'Iranian Foreign Minister Mohammad Javad Zarif said "Iran stands with the Iraqi people" during a call with his Iraqi counterpart.',
  ],
};

/** What the background reads from corpus/meta.json, here from the seeds. */
export function seedNameContext(): NameContext {
  return seedCorpus().entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases }));
}
