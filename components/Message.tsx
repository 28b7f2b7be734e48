import type { ComponentChildren } from 'preact';
import { type MessageKey, t } from '../lib/i18n';

// Private-use characters never occur in a catalogue, so they can stand in for elements.
const slot = (i: number) => `\ue000${i}\ue001`;
const SLOT = /\ue000(\d+)\ue001/;

/**
 * A catalogue message whose $1, $2… are elements (a date, a name with its own
 * direction), so translators still order the sentence.
 */
export function Message({ id, args }: { id: MessageKey; args: ComponentChildren[] }) {
  const parts = t(id, ...args.map((_, i) => slot(i))).split(SLOT);
  // split() with a capture group alternates text and slot numbers.
  return <>{parts.map((part, i) => (i % 2 === 0 ? part : args[Number(part)]))}</>;
}
