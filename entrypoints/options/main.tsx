import { render } from 'preact';
import { uiLang } from '../../components/ui-lang';
import { t, uiDirection } from '../../lib/i18n';
import { OptionsApp } from './App';
import './options.css';

document.documentElement.lang = uiLang();
document.documentElement.dir = uiDirection();
document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app') as HTMLElement);
