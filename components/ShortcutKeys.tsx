import { Fragment } from 'preact';
import type { NameDirection, Shortcut } from '../lib/commands';
import { t } from '../lib/i18n';

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

/** The card's footer line: which keys reach the next and previous names. */
export function ShortcutHint({ shortcuts }: { shortcuts: Record<NameDirection, Shortcut> }) {
  return (
    <p class="iic-shortcuts">
      <span>
        <Keys keys={shortcuts.next.keys} /> {t('shortcutNextName')}
      </span>
      <span>
        <Keys keys={shortcuts.previous.keys} /> {t('shortcutPreviousName')}
      </span>
    </p>
  );
}
