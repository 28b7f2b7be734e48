import { render } from 'preact';
import { uiLang } from '../../components/ui-lang';
import { t, uiDirection } from '../../lib/i18n';
import { browserPopupApi } from './api';
import { App } from './App';
import './popup.css';

document.documentElement.lang = uiLang();
document.documentElement.dir = uiDirection();
document.title = t('extName');
render(<App api={browserPopupApi()} />, document.getElementById('app') as HTMLElement);
