import type { ArticleSource } from '../lib/engine/types';
import { sourcesBesidesPublisher } from '../lib/outlets';
import { ListOf } from './ListOf';
import { Message } from './Message';

/**
 * The outlets an article cites or credits, set apart from its publisher:
 * " · according to Mehr", " · with reporting from IRNA, Press TV". Nothing when
 * there are none, and never the publisher itself ("Reuters · according to
 * Reuters"). Names are text in their own direction, never markup.
 */
export function SourcesText({ sources: all, publisher }: { sources: readonly ArticleSource[]; publisher: string | null }) {
  const sources = sourcesBesidesPublisher(all, publisher);
  const groups = [
    { id: 'sourcesCited' as const, kind: 'cited', names: sources.filter((s) => s.how !== 'contributed').map((s) => s.name) },
    { id: 'sourcesContributed' as const, kind: 'contributed', names: sources.filter((s) => s.how === 'contributed').map((s) => s.name) },
  ].filter((g) => g.names.length > 0);
  return (
    <>
      {groups.map((g) => (
        <span key={g.id} class="iic-sources" data-sources={g.kind}>
          <span aria-hidden="true"> · </span>
          <Message
            id={g.id}
            args={[
              <ListOf
                key="n"
                items={g.names.map((name) => (
                  <bdi key={name} dir="auto">
                    {name}
                  </bdi>
                ))}
              />,
            ]}
          />
        </span>
      ))}
    </>
  );
}
