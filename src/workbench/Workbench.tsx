import {
  Badge,
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  ToolbarGroup,
  Tooltip,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type ReactElement } from 'react';
import { COMMAND_LIST, executeCommand } from '../commands/registry';
import { commandForKeyPress } from '../commands/shortcuts';
import { columnLetter } from '../excelSpec';
import type { Lang } from '../i18n';
import type { EmulatedWorkbook } from '../emulator';
import { t as translate, type MessageKey } from '../i18n';
import { App } from '../taskpane/App';
import { PaneController } from '../taskpane/paneController';
import { dropDraft, keepDraft, readDraft, type Draft } from './draftStore';
import { OpenFileError, demoWorkbook, download, openWorkbookFile, saveWorkbookBytes, type OpenFailure } from './files';
import { Grid } from './Grid';
import { UnsavedWork, workbookFingerprint } from './unsaved';
import { workbenchHost } from './workbenchHost';

/** Quiet time after the last change before the browser's copy of an unsaved workbook is refreshed. */
const DRAFT_DELAY_MS = 800;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  top: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  sheetArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  formulaBar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  address: { width: '96px' },
  content: { flexGrow: 1 },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
  },
  pane: {
    width: 'var(--pane-width, 420px)',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropping: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  hidden: { display: 'none' },
});

export interface WorkbenchProps {
  lang: Lang;
  /** The workbook to start with (the demo by default). */
  initial?: EmulatedWorkbook;
}

/**
 * The workbench: the embedded workbook as a grid with sheet tabs and a formula bar, a ribbon-like
 * toolbar from the command registry, and the real task pane beside it running against the same
 * workbook. Opens .xlsx and .csv by picker or drop; saves .xlsx.
 */
export function Workbench(props: WorkbenchProps): ReactElement {
  const styles = useStyles();
  const lang = props.lang;
  const t = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(key, params, lang),
    [lang],
  );
  const [book, setBook] = useState(() => props.initial ?? demoWorkbook(lang));
  const [bookId, setBookId] = useState(1);
  const [fileName, setFileName] = useState(lang === 'ja' ? 'moderation-qa-デモ.xlsx' : 'moderation-qa-demo.xlsx');
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error' | 'warning'; text: string }>();
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const controller = useMemo(() => new PaneController(), []);
  const host = useMemo(() => workbenchHost(book, { lang }), [book, lang]);
  // Unsaved work: changes not yet downloaded with Save, kept in the browser until saved or discarded.
  const unsaved = useMemo(() => {
    const work = new UnsavedWork<EmulatedWorkbook>((b) => workbookFingerprint(b.model));
    work.opened(book);
    return work;
    // The first workbook only: later ones are announced with opened().
  }, []);
  const [dirty, setDirty] = useState(false);
  const dirtyRef = useRef(false);
  const markDirty = (on: boolean) => {
    dirtyRef.current = on;
    setDirty(on);
  };
  /** What waits for the analyst's answer to "Discard unsaved changes?". */
  const [asking, setAsking] = useState<() => void>();
  const [offer, setOffer] = useState<Draft>();
  const fileNameRef = useRef(fileName);
  fileNameRef.current = fileName;
  const draftTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const drafting = useRef<Promise<unknown>>(Promise.resolve());

  // Keeps the browser's copy of an unsaved workbook current, after a quiet moment (one copy per burst of changes).
  const scheduleDraft = useCallback(
    (b: EmulatedWorkbook) => {
      clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(() => {
        if (!unsaved.draftStale) return;
        // Never in the middle of a flow: copying a big workbook would stall it; its end notifies again.
        if (b.running > 0) return;
        unsaved.drafted();
        drafting.current = drafting.current
          .then(async () =>
            keepDraft({ bytes: await saveWorkbookBytes(b), fileName: fileNameRef.current, savedAt: Date.now() }),
          )
          .then(() => exposeForTests(b, { draftedAt: Date.now() }))
          .catch(() => undefined);
      }, DRAFT_DELAY_MS);
    },
    [unsaved],
  );

  // Redraw after every batch the pane runs and every edit; a burst of syncs is one repaint.
  useEffect(() => {
    let frame = 0;
    return book.subscribe(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        setVersion((v) => v + 1);
        markDirty(unsaved.changed(book));
        if (unsaved.draftStale) scheduleDraft(book);
      });
    });
  }, [book, unsaved, scheduleDraft]);

  // Reload or closing the tab with unsaved work: the browser asks (its own words; the draft is kept anyway).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  // On load: an unsaved workbook kept from before a reload is offered back.
  useEffect(() => {
    readDraft().then(setOffer, () => undefined);
  }, []);

  const replaceBook = (next: EmulatedWorkbook, name: string, restored = false) => {
    clearTimeout(draftTimer.current);
    unsaved.opened(next, restored);
    markDirty(restored);
    // A workbook opened from a file or a new demo replaces any kept copy: the old work was discarded.
    if (!restored) drafting.current = drafting.current.then(dropDraft).catch(() => undefined);
    setBook(next);
    setBookId((id) => id + 1);
    setFileName(name.replace(/\.(csv|txt)$/i, '.xlsx'));
    exposeForTests(next);
  };

  /** Runs `then` at once, or after the analyst agreed to discard unsaved changes. */
  const unlessUnsaved = (then: () => void) => {
    if (dirtyRef.current) setAsking(() => then);
    else then();
  };

  const restore = async (draft: Draft) => {
    setOffer(undefined);
    const time = new Date(draft.savedAt).toLocaleString(lang);
    try {
      const next = await openWorkbookFile(draft.fileName, draft.bytes);
      replaceBook(next, draft.fileName, true);
      setNotice({ intent: 'success', text: t('wb.restored', { file: draft.fileName, time }) });
    } catch {
      setNotice({ intent: 'warning', text: t('wb.restoreFailed', { time }) });
    }
  };

  const discardOffer = () => {
    setOffer(undefined);
    drafting.current = drafting.current.then(dropDraft).catch(() => undefined);
  };

  const open = async (file: File) => {
    try {
      const next = await openWorkbookFile(file.name, new Uint8Array(await file.arrayBuffer()));
      replaceBook(next, file.name);
      setNotice({ intent: 'success', text: t('wb.opened', { file: file.name }) });
    } catch (error) {
      const reason: OpenFailure = error instanceof OpenFileError ? error.reason : 'unreadable';
      setNotice({ intent: 'error', text: t('wb.openFailed', { file: file.name, reason: t(`wb.reason.${reason}`) }) });
    }
  };

  const save = async () => {
    const bytes = await saveWorkbookBytes(book);
    download(fileName, bytes);
    // Saved as the file the analyst now has: nothing to ask about, nothing to keep in the browser.
    unsaved.saved(book);
    markDirty(false);
    clearTimeout(draftTimer.current);
    drafting.current = drafting.current.then(dropDraft).catch(() => undefined);
    setNotice({ intent: 'success', text: t('wb.saved', { file: fileName }) });
  };

  const run = useCallback(
    (id: (typeof COMMAND_LIST)[number]['id'], source: 'toolbar' | 'shortcut') =>
      void executeCommand(
        id,
        source,
        controller.commandContext(lang, async () => undefined),
      ),
    [controller, lang],
  );

  // The registry's shortcuts work anywhere in the workbench, as they do in Excel.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKeyPress(e, /Mac/.test(navigator.platform));
      if (!command) return;
      e.preventDefault();
      run(command.id, 'shortcut');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  useEffect(() => exposeForTests(book), [book]);
  useEffect(() => exposeForTests(book, { dirty }), [book, dirty]);

  const sheets = book.model.sheets.filter((s) => s.visibility === 'Visible');
  const sheet = book.model.activeSheet && sheets.includes(book.model.activeSheet) ? book.model.activeSheet : sheets[0];
  const selection = book.model.selection?.sheet === sheet ? book.model.selection.rect : undefined;
  const selectedAddress = selection ? `${columnLetter(selection.column)}${selection.row + 1}` : '';
  const selectedContent =
    selection && sheet
      ? (sheet.formula(selection.row, selection.column) ?? String(sheet.value(selection.row, selection.column)))
      : '';

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (file) unlessUnsaved(() => void open(file));
  };

  return (
    // Layout lives on an inner element: Fluent copies the provider's class onto its portals (tooltips).
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div
        className={`${styles.root} ${dropping ? styles.dropping : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDropping(true))}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        {/* A plain element, not <header>: the pane's header is the page's one banner. */}
        <div className={styles.top}>
          <h1 className={styles.title}>{t('wb.title')}</h1>
          {dirty && (
            <Badge appearance="tint" color="warning" data-testid="unsaved">
              {t('wb.unsaved')}
            </Badge>
          )}
          <Toolbar aria-label={t('wb.toolbar')} size="small">
            <ToolbarGroup>
              <ToolbarButton onClick={() => unlessUnsaved(() => fileInput.current?.click())}>
                {t('wb.open')}
              </ToolbarButton>
              <ToolbarButton onClick={() => void save()}>{t('wb.save')}</ToolbarButton>
              <ToolbarButton
                onClick={() =>
                  unlessUnsaved(() =>
                    replaceBook(
                      demoWorkbook(lang),
                      lang === 'ja' ? 'moderation-qa-デモ.xlsx' : 'moderation-qa-demo.xlsx',
                    ),
                  )
                }
              >
                {t('wb.demo')}
              </ToolbarButton>
            </ToolbarGroup>
            <ToolbarDivider />
            <ToolbarGroup>
              {COMMAND_LIST.map((c) => (
                <Tooltip
                  key={c.id}
                  content={`${t(c.tooltipKey)} ${t('command.shortcut', { keys: c.shortcut.default })}`}
                  relationship="description"
                >
                  <ToolbarButton data-command={c.id} onClick={() => run(c.id, 'toolbar')}>
                    {t(c.labelKey)}
                  </ToolbarButton>
                </Tooltip>
              ))}
            </ToolbarGroup>
          </Toolbar>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".xlsx,.csv"
            aria-label={t('wb.open')}
            data-testid="open-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void open(file);
            }}
          />
        </div>
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setNotice(undefined)}>
                {t('ui.dismiss')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <div className={styles.body}>
          <div className={styles.sheetArea}>
            <div className={styles.formulaBar}>
              <ShownValue className={styles.address} value={selectedAddress} label={t('wb.address')} testId="address" />
              <Divider vertical />
              <ShownValue className={styles.content} value={selectedContent} label={t('wb.formula')} testId="formula" />
            </div>
            {sheet ? (
              <Grid
                key={`${bookId}-${sheet.id}`}
                book={book}
                sheet={sheet}
                version={version}
                labels={{ grid: t('wb.grid', { sheet: sheet.name }), edit: (cell) => t('wb.edit', { cell }) }}
                onEditError={(error) =>
                  setNotice({
                    intent: 'warning',
                    text:
                      (error as { code?: string }).code === 'AccessDenied'
                        ? t('wb.protected', { sheet: sheet.name })
                        : String((error as Error).message),
                  })
                }
              />
            ) : (
              <Body1>{t('wb.drop')}</Body1>
            )}
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={sheet?.id}
              aria-label={t('wb.sheets')}
              onTabSelect={(_, d) => {
                const next = book.model.sheets.find((s) => s.id === d.value);
                if (!next) return;
                book.model.activeSheet = next;
                book.model.selection = { sheet: next, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
                book.notify();
              }}
            >
              {sheets.map((s) => (
                <Tab key={s.id} value={s.id}>
                  {s.name}
                </Tab>
              ))}
            </TabList>
          </div>
          {/* Not a landmark: the pane's own <main> is the page's main content, as it is inside Excel. */}
          <div className={styles.pane} id="pane">
            <App key={bookId} host={host} controller={controller} />
          </div>
        </div>
      </div>
      <Dialog open={asking !== undefined} modalType="alert" onOpenChange={(_, d) => !d.open && setAsking(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('wb.discard.title')}</DialogTitle>
            <DialogContent>{t('wb.discard.body', { file: fileName })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void save().then(() => (setAsking(undefined), asking?.()))}>
                {t('wb.discard.save')}
              </Button>
              <Button onClick={() => (setAsking(undefined), asking?.())}>{t('wb.discard.confirm')}</Button>
              <Button onClick={() => setAsking(undefined)}>{t('ui.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={offer !== undefined} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('wb.restore.title')}</DialogTitle>
            <DialogContent>
              {offer &&
                t('wb.restore.body', { file: offer.fileName, time: new Date(offer.savedAt).toLocaleString(lang) })}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => offer && void restore(offer)}>
                {t('wb.restore.confirm')}
              </Button>
              <Button onClick={discardOffer}>{t('wb.restore.discard')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}

/** Browser tests reach the embedded workbook here (the workbench is a development tool, never shipped). */
/** A read-only box of the formula bar (the selected cell's address, or its content). */
function ShownValue(props: { className: string; value: string; label: string; testId: string }): ReactElement {
  return (
    <Input
      className={props.className}
      size="small"
      readOnly
      value={props.value}
      aria-label={props.label}
      data-testid={props.testId}
    />
  );
}

function exposeForTests(book: EmulatedWorkbook, state: { dirty?: boolean; draftedAt?: number } = {}): void {
  const g = globalThis as { __workbench?: { book: EmulatedWorkbook; dirty?: boolean; draftedAt?: number } };
  g.__workbench = { ...(g.__workbench?.book === book ? g.__workbench : {}), ...state, book };
}
