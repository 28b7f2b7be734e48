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
render(<ReaderApp api={browserReaderApi} />, document.getElementById('app') as HTMLElement);

// Names are underlined in the style the reader chose for pages (reader.css reads the attribute).
const applyUnderline = (settings: Settings) => {
  document.documentElement.dataset.underline = settings.underline;
};
loadSettings().then(({ settings }) => applyUnderline(settings));
onSettingsChanged(applyUnderline);
