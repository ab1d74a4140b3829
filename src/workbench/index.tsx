import { createRoot } from 'react-dom/client';
import { languageFromLocale } from '../i18n';
import { demoWorkbook } from './files';
import { Workbench } from './Workbench';

// The language: ?lang=ja or ?lang=en, else the browser's.
const requested = new URLSearchParams(window.location.search).get('lang');
const lang = languageFromLocale(requested ?? navigator.language);
document.documentElement.lang = lang;
document.title = lang === 'ja' ? 'モデレーション QA ワークベンチ' : 'Moderation QA workbench';
// ?rows=100000 starts on a bigger demo sheet (to try scrolling and the flows on a large lot).
const rows = Number(new URLSearchParams(window.location.search).get('rows'));
const initial =
  Number.isInteger(rows) && rows > 0 ? demoWorkbook(lang, Date.now(), Math.min(rows, 1_048_575)) : undefined;
// ?pane=350 sets the task pane's width in pixels (Excel's narrowest is about 320), to check a narrow pane.
const paneWidth = Number(new URLSearchParams(window.location.search).get('pane'));
if (Number.isInteger(paneWidth) && paneWidth >= 200)
  document.documentElement.style.setProperty('--pane-width', `${paneWidth}px`);
const container = document.getElementById('root');
if (container) createRoot(container).render(<Workbench lang={lang} initial={initial} />);
