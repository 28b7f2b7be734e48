import { useEffect, useState } from 'preact/hooks';
import { uiLang } from '../../components/ui-lang';
import type { UnderlineType } from '../../lib/engine/types';
import { type MessageKey, t, uiDirection } from '../../lib/i18n';
import type { Settings, UnderlineStyle } from '../../lib/settings';
import { loadSettings, onSettingsChanged, saveSettings, takeSettingsNotice } from '../../lib/settings-store';
import { DelayField } from './DelayField';
import { DisabledSites } from './DisabledSites';
import { PageOptions } from './PageOptions';
import { Library } from './Library';
import type { LibraryApi } from './library-api';
import { Shortcuts, type ShortcutsApi } from './Shortcuts';

const TYPES: { type: UnderlineType; label: MessageKey }[] = [
  { type: 'person', label: 'typesPeople' },
  { type: 'organization', label: 'typesOrganizations' },
  { type: 'place', label: 'typesPlaces' },
];
const STYLES: { style: UnderlineStyle; label: MessageKey }[] = [
  { style: 'solid', label: 'underlineSolid' },
  { style: 'dotted', label: 'underlineDotted' },
  { style: 'wavy', label: 'underlineWavy' },
];

/** Every setting saves the moment it changes; there is no Save button to forget. */
export function OptionsApp({ shortcutsApi, libraryApi }: { shortcutsApi?: ShortcutsApi; libraryApi?: LibraryApi } = {}) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    loadSettings()
      .then((read) => {
        setSettings(read.settings);
        return takeSettingsNotice();
      })
      .then(setNotice, () => undefined);
    // The popup changes the site list too; follow it while this page is open.
    return onSettingsChanged(setSettings);
  }, []);

  const update = (next: Settings) => {
    setSettings(next);
    saveSettings(next).then(
      () => setStatus(t('saved')),
      () => setStatus(t('saveFailed')),
    );
  };

  return (
    <div class="iic-theme options" dir={uiDirection()} lang={uiLang()}>
      <main class="options-main" aria-busy={settings === null}>
        <h1>{t('optionsTitle')}</h1>
        {notice && (
          <p class="notice" id="settings-notice" role="status">
            {notice}
          </p>
        )}
        {settings && (
          <form class="form" onSubmit={(e) => e.preventDefault()}>
            <div class="group">
              <label class="switch">
                <input id="opt-enabled" type="checkbox" role="switch" checked={settings.enabled} aria-checked={settings.enabled} onChange={(e) => update({ ...settings, enabled: e.currentTarget.checked })} />
                <span class="switch-track" aria-hidden="true" />
                <span>{t('enabledLabel')}</span>
              </label>
            </div>
            <fieldset class="group">
              <legend>{t('typesLegend')}</legend>
              {TYPES.map(({ type, label }) => (
                <label key={type} class="check">
                  <input
                    id={`opt-type-${type}`}
                    type="checkbox"
                    checked={settings.types[type]}
                    onChange={(e) => update({ ...settings, types: { ...settings.types, [type]: e.currentTarget.checked } })}
                  />
                  {t(label)}
                </label>
              ))}
            </fieldset>
            <fieldset class="group">
              <legend>{t('underlineLegend')}</legend>
              {STYLES.map(({ style, label }) => (
                <label key={style} class="check">
                  <input id={`opt-underline-${style}`} type="radio" name="underline" value={style} checked={settings.underline === style} onChange={() => update({ ...settings, underline: style })} />
                  {t(label)}
                  <span class={`sample sample-${style}`} aria-hidden="true">
                    {t('underlineSample')}
                  </span>
                </label>
              ))}
            </fieldset>
            <PageOptions settings={settings} onChange={(next) => update({ ...settings, ...next })} />
            <DelayField value={settings.hoverDelayMs} onChange={(ms) => update({ ...settings, hoverDelayMs: ms })} />
            <div class="group">
              <label class="check">
                <input id="opt-card-key-hints" type="checkbox" checked={settings.cardKeyHints} onChange={(e) => update({ ...settings, cardKeyHints: e.currentTarget.checked })} />
                {t('cardKeyHintsLabel')}
              </label>
            </div>
            <DisabledSites sites={settings.disabledSites} onRemove={(host) => update({ ...settings, disabledSites: settings.disabledSites.filter((h) => h !== host) })} />
            <Shortcuts api={shortcutsApi} />
          </form>
        )}
        <p class="save-status iic-muted" role="status" id="save-status">
          {status}
        </p>
        <Library api={libraryApi} />
      </main>
    </div>
  );
}
