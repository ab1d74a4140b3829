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
const initial = Number.isInteger(rows) && rows > 0 ? demoWorkbook(lang, Date.now(), Math.min(rows, 1_048_575)) : undefined;
// ?pane=350 sets the task pane's width in pixels (Excel lets people resize it; tests try a narrow one).
const pane = Number(new URLSearchParams(window.location.search).get('pane'));
const paneWidth = Number.isInteger(pane) && pane >= 280 && pane <= 1200 ? pane : undefined;
const container = document.getElementById('root');
if (container) createRoot(container).render(<Workbench lang={lang} initial={initial} paneWidth={paneWidth} />);
