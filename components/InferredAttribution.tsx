import { useId } from 'preact/hooks';
import type { StatementView } from '../lib/engine/lookup';
import { EntityName } from './EntityName';
import { Message } from './Message';

type QuoteView = StatementView['quotes'][number];

/**
 * A speaker the text does not name in the sentence itself but points back to
 * ("he added", "the top diplomat said", a paragraph that goes on from the quote
 * before): marked as inferred, with the text's own cue on hover or focus, so a
 * reader can check why the words are given to them. Stated speakers get no mark.
 */
export function InferredAttribution({ quotes }: { quotes: QuoteView[] }) {
  const tipId = useId();
  const seen = new Set<string>();
  const inferred = quotes.filter((q): q is QuoteView & { speaker: NonNullable<QuoteView['speaker']>; cue: NonNullable<QuoteView['cue']> } => {
    if (!q.speaker || q.confidence !== 'inferred' || !q.cue) return false;
    const key = `${q.speaker.id}\u0000${q.cue.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (inferred.length === 0) return null;
  return (
    <>
      {inferred.map((q, i) => (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so a keyboard reader can see the cue, as a pointer does on hover
        <span key={q.speaker.id + q.cue.text} class="iic-inferred" tabIndex={0} aria-describedby={`${tipId}-${i}`} data-cue-kind={q.cue.kind}>
          {q.cue.kind === 'continuation' ? (
            <Message id="attributionContinues" args={[<EntityName key="n" id={q.speaker.id} name={q.speaker.name} />]} />
          ) : (
            <Message id="attributionInferred" args={[<EntityName key="n" id={q.speaker.id} name={q.speaker.name} />]} />
          )}
          <span class="iic-cue" role="tooltip" id={`${tipId}-${i}`}>
            <Message id={q.cue.kind === 'continuation' ? 'attributionCueContinues' : 'attributionCue'} args={[<bdi key="c">{q.cue.text}</bdi>]} />
          </span>
        </span>
      ))}
      <span aria-hidden="true"> · </span>
    </>
  );
}
