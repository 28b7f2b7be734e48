/**
 * Every message between the extension's contexts, typed in one place. The
 * background handles `BackgroundRequest`s (one handler each); the content
 * script handles `ContentRequest`s from the popup. Validators reject anything
 * that is not exactly one of these shapes.
 */
import type { AssignedShortcuts, NameDirection } from './commands';
import type { ArticleRef, EntityView } from './engine/lookup';
import type { EntityType } from './engine/types';
import type { ArticleWithStatements, RelatedArticleView, SearchAnswer, TimelinePoint } from './engine/views';

export type { ArticleWithStatements, RelatedArticleView, TimelinePoint } from './engine/views';

export type BackgroundRequest =
  | { type: 'lookup-entity'; id: string; limit?: number }
  | { type: 'search'; query: string }
  | { type: 'related-articles'; text: string }
  | { type: 'get-article'; id: string }
  | { type: 'list-articles' }
  | { type: 'timeline'; id: string }
  | { type: 'page-mentions'; distinct: number }
  | { type: 'open-reader'; article: string; statement?: string }
  /** Every statement about an entity, filterable, with its timeline: the reader's entity page. */
  | { type: 'open-entity-page'; id: string }
  /** The keys the browser holds for the next/previous-name commands (content scripts cannot read `browser.commands`). */
  | { type: 'name-shortcuts' };

export interface BackgroundResponses {
  'lookup-entity': EntityView | null;
  search: SearchAnswer;
  'related-articles': RelatedArticleView[];
  'get-article': ArticleWithStatements | null;
  'list-articles': ArticleRef[];
  timeline: TimelinePoint[];
  'page-mentions': null;
  'open-reader': null;
  'open-entity-page': null;
  'name-shortcuts': AssignedShortcuts;
}

export interface PageName {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

export interface PageState {
  host: string;
  enabled: boolean;
  names: PageName[];
  /** The page's visible text (capped), for related-article ranking. */
  text: string;
}

export type ContentRequest =
  | { type: 'page-state' }
  | { type: 'reveal-mention'; id: string }
  /** A keyboard command, relayed by the background: move to the next or previous name and open its card. */
  | { type: 'step-name'; direction: NameDirection };

export interface ContentResponses {
  'page-state': PageState;
  'reveal-mention': boolean;
  /** false when nothing moved: no names, or the reader is typing in a field. */
  'step-name': boolean;
}

const isString = (v: unknown, max = 100_000): v is string => typeof v === 'string' && v.length <= max;

/** Accepts exactly the known request shapes; everything else is null. */
export function parseBackgroundRequest(value: unknown): BackgroundRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'lookup-entity':
      return isString(m.id, 200) && (m.limit === undefined || (Number.isInteger(m.limit) && (m.limit as number) > 0))
        ? { type: m.type, id: m.id, limit: m.limit as number | undefined }
        : null;
    case 'search':
      return isString(m.query, 500) ? { type: m.type, query: m.query } : null;
    case 'related-articles':
      return isString(m.text, 500_000) ? { type: m.type, text: m.text } : null;
    case 'get-article':
    case 'timeline':
    case 'open-entity-page':
      return isString(m.id, 200) ? { type: m.type, id: m.id } : null;
    case 'list-articles':
    case 'name-shortcuts':
      return { type: m.type };
    case 'page-mentions':
      return Number.isInteger(m.distinct) && (m.distinct as number) >= 0 ? { type: m.type, distinct: m.distinct as number } : null;
    case 'open-reader':
      return isString(m.article, 200) && (m.statement === undefined || isString(m.statement, 220))
        ? { type: m.type, article: m.article, statement: m.statement as string | undefined }
        : null;
    default:
      return null;
  }
}

export function parseContentRequest(value: unknown): ContentRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (m.type === 'page-state') return { type: 'page-state' };
  if (m.type === 'reveal-mention' && isString(m.id, 200)) return { type: 'reveal-mention', id: m.id };
  if (m.type === 'step-name' && (m.direction === 'next' || m.direction === 'previous')) return { type: 'step-name', direction: m.direction };
  return null;
}
