import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

const MAX = 3000;

/**
 * The hover delay. What is typed stays as typed (an empty box while editing is
 * fine); only whole numbers in range are saved.
 */
export function DelayField({ value, onChange }: { value: number; onChange(ms: number): void }) {
  const [text, setText] = useState(String(value));
  const previous = useRef(value);
  useEffect(() => {
    // Follow a value changed elsewhere, but never undo typing: this also runs once after mount.
    if (previous.current === value) return;
    previous.current = value;
    setText((current) => (Number(current) === value && current.trim() !== '' ? current : String(value)));
  }, [value]);
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(parsed) && parsed >= 0 && parsed <= MAX;
  return (
    <div class="group field">
      <label for="opt-delay">{t('delayLabel')}</label>
      <div class="field-row">
        <input
          id="opt-delay"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX}
          step={50}
          value={text}
          aria-invalid={!valid}
          aria-describedby="opt-delay-help"
          onInput={(event) => {
            const next = event.currentTarget.value;
            setText(next);
            const ms = Number(next);
            if (next.trim() !== '' && Number.isInteger(ms) && ms >= 0 && ms <= MAX) onChange(ms);
          }}
        />
        <span aria-hidden="true">{t('msUnit')}</span>
      </div>
      <p id="opt-delay-help" class={valid ? 'iic-muted help' : 'help error'}>
        {valid ? t('delayHelp') : t('delayInvalid')}
      </p>
    </div>
  );
}
