import { Fragment } from 'preact';
import type { NameDirection, Shortcut } from '../lib/commands';
import { Message } from './Message';

/**
 * A key combination as the browser writes it ("Alt+Shift+N"), one <kbd> per
 * key. Always left to right: in a Persian or Arabic sentence the keys would
 * otherwise read in reverse.
 */
export function Keys({ keys }: { keys: string }) {
  const parts = keys.split('+');
  return (
    <bdi dir="ltr" class="iic-keys">
      {parts.map((part, i) => (
        // The parts of one combination never change order, so their position is their identity.
        <Fragment key={i}>
          {i > 0 && '+'}
          <kbd>{part}</kbd>
        </Fragment>
      ))}
    </bdi>
  );
}

/** The card's footer line, one line only: which keys reach the next and previous names (the options can hide it). */
export function ShortcutHint({ shortcuts }: { shortcuts: Record<NameDirection, Shortcut> }) {
  return (
    <p class="iic-shortcuts">
      <Message id="cardKeysHint" args={[<Keys key="n" keys={shortcuts.next.keys} />, <Keys key="p" keys={shortcuts.previous.keys} />]} />
    </p>
  );
}
