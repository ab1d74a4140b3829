import { createRoot } from 'react-dom/client';
import { languageFromLocale } from '../i18n';
import { Workbench } from './Workbench';

// The language: ?lang=ja or ?lang=en, else the browser's.
const requested = new URLSearchParams(window.location.search).get('lang');
const lang = languageFromLocale(requested ?? navigator.language);
document.documentElement.lang = lang;
document.title = lang === 'ja' ? 'モデレーション QA ワークベンチ' : 'Moderation QA workbench';
const container = document.getElementById('root');
if (container) createRoot(container).render(<Workbench lang={lang} />);
