/**
 * The shape of every file the packaged corpus is read from (`layout.ts`),
 * checked as it is read (valibot): a damaged or foreign file fails the request
 * that reads it with the file's name and what is wrong, instead of a view
 * throwing "e.statements is not iterable" somewhere later. Objects are loose
 * (a field a later build adds is let through); what the views read is checked.
 */
import * as v from 'valibot';

const text = v.string();
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const nullable = <T extends v.GenericSchema>(schema: T) => v.nullable(schema);
const entityType = v.picklist(['person', 'organization', 'media', 'place']);
const source = v.looseObject({ name: text });

const articleDate = v.looseObject({ iso: text, time: v.optional(text), zone: v.optional(text), text: v.optional(text) });
const articleRef = v.looseObject({
  id: text,
  title: text,
  outlet: nullable(text),
  sources: v.array(source),
  date: nullable(articleDate),
  url: nullable(text),
  origin: v.optional(v.literal('library')),
});

const quote = v.looseObject({ start: count, end: count, text: v.optional(text), speaker: nullable(text), partial: v.optional(v.boolean()) });
const statement = v.looseObject({
  id: text,
  article: text,
  paragraph: count,
  start: count,
  end: count,
  text: v.optional(text),
  entities: v.array(text),
  voice: v.optional(text),
  quotes: v.array(quote),
});

const person = v.looseObject({ id: text, name: text });
const statementView = v.looseObject({
  id: text,
  article: articleRef,
  text,
  relation: v.picklist(['said', 'quoted', 'partial', 'about', 'match']),
  quotes: v.array(v.looseObject({ text, speaker: nullable(person), partial: v.optional(v.boolean()) })),
  voice: v.optional(person),
});

const timelinePoint = v.looseObject({ date: nullable(text), said: count, about: count });

export const corpusMetaShape = v.looseObject({
  version: v.number(),
  articles: v.array(articleRef),
  problems: v.array(v.unknown()),
  statements: count,
});

export const namesFileShape = v.looseObject({
  version: v.number(),
  entities: v.array(v.looseObject({ id: text, name: text, type: entityType, aliases: v.array(text), role: nullable(text) })),
  // MiniSearch's own form, which MiniSearch checks as it loads it; here only that it is one.
  index: v.looseObject({ serializationVersion: v.number(), documentCount: count, index: v.array(v.unknown()) }),
});

export const entityFileShape = v.looseObject({
  view: v.looseObject({
    id: text,
    name: text,
    type: entityType,
    aliases: v.array(text),
    roles: v.array(v.looseObject({ text, statement: text, article: articleRef })),
    counts: v.looseObject({ said: count, partial: count, about: count }),
    basis: v.looseObject({ articles: count, corpusArticles: count, first: nullable(text), last: nullable(text), undated: count }),
    statements: v.array(statementView),
  }),
  said: v.array(text),
  partial: v.array(text),
  about: v.array(text),
  timeline: v.array(timelinePoint),
});

export const articleFileShape = v.looseObject({
  article: v.looseObject({
    id: text,
    title: text,
    date: nullable(articleDate),
    outlet: nullable(v.looseObject({ name: text })),
    url: nullable(text),
    paragraphs: v.array(text),
    sources: v.array(source),
  }),
  statements: v.array(statement),
  mentions: v.array(v.looseObject({ paragraph: count, start: count, end: count, entity: text })),
  names: v.record(v.string(), text),
});

export const relatedFileShape = v.looseObject({ named: v.array(v.array(v.pipe(v.number(), v.integer()))) });


/** The first thing wrong with `value` as `schema`, said with where it is ("articles.3.title: expected string"); null when it fits. */
export function shapeProblem(schema: v.GenericSchema, value: unknown): string | null {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return null;
  const issue = result.issues[0];
  const where = v.getDotPath(issue);
  return `${where ? `${where}: ` : ''}${issue.message}`;
}
