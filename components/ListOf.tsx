import { type ComponentChildren, Fragment } from 'preact';
import { uiLang } from './ui-lang';

const lists = new Map<string, Intl.ListFormat>();

/**
 * Items listed as the interface's language lists them ("Tehran و Rouhani"),
 * the separators the language's and each item the caller's own element: give
 * each name an isolated run (`EntityName`, `<bdi>`), and a Latin name inside a
 * Persian sentence keeps its place in the sentence's order instead of taking
 * its neighbours along into its own direction.
 */
export function ListOf({ items }: { items: readonly ComponentChildren[] }) {
  const lang = uiLang();
  let format = lists.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'unit', style: 'short' });
    lists.set(lang, format);
  }
  // Placeholders stand for the items, so the language decides the separators and their order.
  const parts = format.formatToParts(items.map((_, i) => `\ue000${i}`));
  return (
    <>
      {parts.map((part, i) =>
        part.type === 'literal' ? (
          part.value
        ) : (
          // An item never moves within one list: its position is its identity.
          <Fragment key={i}>{items[Number(part.value.slice(1))]}</Fragment>
        ),
      )}
    </>
  );
}
