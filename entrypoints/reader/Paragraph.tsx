import type { MentionRange, SentenceRange } from './pieces';
import { pieces, runs } from './pieces';

interface Props {
  text: string;
  sentences: SentenceRange[];
  mentions: MentionRange[];
  /** The statement the address points at. */
  target: string | null;
}

/**
 * One body paragraph built from text slices: each sentence a span carrying its
 * statement id, each name the corpus knows underlined inside it.
 */
export function Paragraph({ text, sentences, mentions, target }: Props) {
  return (
    <p dir="auto">
      {runs(pieces(text, sentences, mentions), (p) => p.sentence).map(({ key: sentence, items }) => {
        const inner = runs(items, (p) => p.mention).map(({ key: mention, items: run }) => {
          const slice = run.map((p) => p.text).join('');
          return mention ? (
            // Focus, hover, Enter or Space show the name's card (name-cards.ts). A <button> would not wrap across lines in running text:
            // biome-ignore lint/a11y/useSemanticElements: a span with the button role keeps the name flowing in its sentence.
            <span key={run[0].start} class="mention" data-entity={mention.entity} data-type={mention.type} tabIndex={0} role="button" aria-haspopup="dialog">
              {slice}
            </span>
          ) : (
            slice
          );
        });
        if (!sentence) return inner;
        const isTarget = sentence.id === target;
        return (
          <span
            key={sentence.id}
            class={isTarget ? 'sentence is-target' : 'sentence'}
            data-statement={sentence.id}
            aria-current={isTarget ? 'true' : undefined}
            tabIndex={isTarget ? -1 : undefined}
          >
            {inner}
          </span>
        );
      })}
    </p>
  );
}
