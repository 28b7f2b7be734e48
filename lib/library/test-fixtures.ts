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

/** A page about something else entirely: nobody of Iran–Iraq affairs, a new person (Hori Parata) all the same. */
export const WHALE_PAGE: ExtractedPage = {
  url: 'https://nature.example/whales',
  title: 'Tribes fearful over whale strandings',
  byline: null,
  siteName: 'Nature Example',
  published: '2019-01-03',
  paragraphs: [
    'WHANGAREI — Maori elder Hori Parata said on Thursday that the strandings were a warning, as rangers counted the whales on the beach.',
    '"Man\'s greed in the ocean is hurting the whales," Hori Parata told reporters.',
    'The Department of Conservation said it would study the strandings with local tribes.',
  ],
};

/** What the background reads from corpus/names.json, here from the seeds. */
export function seedNameContext(): NameContext {
  return seedCorpus().entities.map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases }));
}
