import { render } from 'preact';
import { uiLang } from '../../components/ui-lang';
import { uiDirection } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';
import { loadSettings, onSettingsChanged } from '../../lib/settings-store';
import { browserReaderApi } from './api';
import { ReaderApp } from './App';
import './reader.css';

document.documentElement.lang = uiLang();
document.documentElement.dir = uiDirection();

// Names are underlined in the style the reader chose for pages (reader.css reads the attribute), for the
// entity types chosen there, and open their cards after the same hover delay.
const show = (settings: Settings) => {
  document.documentElement.dataset.underline = settings.underline;
  render(<ReaderApp api={browserReaderApi} settings={settings} />, document.getElementById('app') as HTMLElement);
};
loadSettings().then(({ settings }) => show(settings));
onSettingsChanged(show);
