import { render } from 'preact';
import { uiLang } from '../../components/ui-lang';
import { uiDirection } from '../../lib/i18n';
import { browserReaderApi } from './api';
import { ReaderApp } from './App';
import './reader.css';

document.documentElement.lang = uiLang();
document.documentElement.dir = uiDirection();
render(<ReaderApp api={browserReaderApi} />, document.getElementById('app') as HTMLElement);
