import {
  Dropdown,
  FluentProvider,
  Option,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { InspectionWatcher } from '../flows/inspectionWatcher';
import { PAGE_IDS, type PageId } from '../commands/types';
import type { Lang } from '../i18n';
import type { MessageKey } from '../i18n';
import type { PaneHost } from './host';
import { PaneController } from './paneController';
import { LanguageContext, useT } from './shell/LanguageContext';
import { SessionContext, type Session, type SessionState } from './shell/Session';

// Each page loads on first visit, so the pane's first JavaScript stays small.
const PAGES: Record<PageId, { label: MessageKey; Component: ReturnType<typeof lazy> }> = {
  map: { label: 'page.map', Component: lazy(() => import('./pages/MapPage')) },
  validate: { label: 'page.validate', Component: lazy(() => import('./pages/ValidatePage')) },
  sample: { label: 'page.sample', Component: lazy(() => import('./pages/SamplePage')) },
  inspect: { label: 'page.inspect', Component: lazy(() => import('./pages/inspect/InspectPage')) },
  report: { label: 'page.report', Component: lazy(() => import('./pages/ReportPage')) },
  trends: { label: 'page.trends', Component: lazy(() => import('./pages/TrendsPage')) },
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  language: { minWidth: '120px' },
  // Six tabs do not fit a 350-px pane: they wrap onto a second line rather than scroll out of sight.
  tabs: { flexWrap: 'wrap' },
});

const INSPECTOR_KEY = 'moderation-qa.inspector';
function rememberedInspector(): string {
  try {
    return globalThis.localStorage?.getItem(INSPECTOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export interface AppProps {
  host: PaneHost;
  initialPage?: PageId;
  /** How commands (ribbon functions, shortcuts, the workbench toolbar) turn the pane to a page. */
  controller?: PaneController;
}

function Shell(props: AppProps & { lang: Lang; setLang(lang: Lang): void }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const [page, setPage] = useState<PageId>(props.initialPage ?? 'map');
  const [start, setStart] = useState<{ page: PageId; id: number }>();
  const [state, setState] = useState<SessionState>(() => ({ inspector: rememberedInspector() }));
  const controller = useMemo(() => props.controller ?? new PaneController(), [props.controller]);
  // Grid edits are inspections while the pane is open, whichever page shows: the watch is the session's.
  const inspector = useRef(state.inspector);
  inspector.current = state.inspector.trim();
  const watcher = useMemo(
    () => new InspectionWatcher(props.host.runner, () => ({ inspector: inspector.current, now: Date.now() })),
    [props.host.runner],
  );
  useEffect(() => () => void watcher.stop(), [watcher]);
  useEffect(() => {
    watcher.sync().catch(() => undefined);
  }, [watcher, page, state.batch]);
  useEffect(
    () =>
      controller.attach((request) => {
        setPage(request.page);
        if (request.start) setStart({ page: request.page, id: request.id });
      }),
    [controller],
  );
  const session: Session = useMemo(
    () => ({
      ...state,
      host: props.host,
      controller,
      watcher,
      start,
      consumeStart: () => setStart(undefined),
      go: setPage,
      update: (patch) => {
        if (patch.inspector !== undefined) {
          try {
            globalThis.localStorage?.setItem(INSPECTOR_KEY, patch.inspector);
          } catch {
            // private mode: the name is simply not remembered
          }
        }
        setState((s) => ({ ...s, ...patch }));
      },
    }),
    [state, props.host, controller, watcher, start],
  );
  const Page = PAGES[page].Component;
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{t('app.title')}</Title3>
        <Dropdown
          className={styles.language}
          aria-label={t('app.language')}
          value={t(props.lang === 'ja' ? 'app.language.ja' : 'app.language.en')}
          selectedOptions={[props.lang]}
          onOptionSelect={(_, data) => props.setLang(data.optionValue === 'ja' ? 'ja' : 'en')}
        >
          <Option value="en">{t('app.language.en')}</Option>
          <Option value="ja">{t('app.language.ja')}</Option>
        </Dropdown>
      </header>
      <nav aria-label={t('nav.label')}>
        <TabList className={styles.tabs} selectedValue={page} onTabSelect={(_, data) => setPage(data.value as PageId)}>
          {PAGE_IDS.map((id) => (
            <Tab key={id} value={id}>
              {t(PAGES[id].label)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main>
        <SessionContext.Provider value={session}>
          <Suspense fallback={<Spinner size="small" />}>
            <Page />
          </Suspense>
        </SessionContext.Provider>
      </main>
    </div>
  );
}

/** The task pane: Fluent UI following Office's theme, navigation for the five steps, English or Japanese. */
export function App(props: AppProps): ReactElement {
  const [lang, setLang] = useState<Lang>(props.host.displayLanguage);
  return (
    <FluentProvider theme={props.host.theme === 'dark' ? webDarkTheme : webLightTheme} lang={lang}>
      <LanguageContext.Provider value={lang}>
        <Shell {...props} lang={lang} setLang={setLang} />
      </LanguageContext.Provider>
    </FluentProvider>
  );
}
