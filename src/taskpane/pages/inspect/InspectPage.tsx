import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { VERDICTS, isEnforcing } from '../../../core/model';
import type { ErrorReason } from '../../../core/reasons';
import { classifyOutcome } from '../../../core/stats/classifyOutcome';
import { policyLabel, resolvePolicyText } from '../../../core/taxonomy/policySearch';
import type { Taxonomy } from '../../../core/taxonomy/types';
import { listBatches, type BatchInfo } from '../../../flows/batches';
import { FlowError } from '../../../flows/host';
import {
  findItem,
  followItem,
  inspectionState,
  saveQaDecision,
  watchSelection,
  type InspectionState,
  type ItemTarget,
} from '../../../flows/inspectFlow';
import type { InspectionRow } from '../../../flows/inspectionRows';
import { loadReasons } from '../../../flows/reasonsFlow';
import { loadTaxonomy } from '../../../flows/taxonomyFlow';
import { BatchPicker } from '../../shell/BatchPicker';
import { EmptyState } from '../../shell/EmptyState';
import { FlowStatus } from '../../shell/FlowStatus';
import { useBreakReminder } from './BreakReminder';
import { DecisionForm } from './DecisionForm';
import { formChanged, itemFormFor, type ItemForm } from './itemForm';
import { ItemFacts } from './ItemFacts';
import { JumpToItem } from './ItemNavigation';
import { Notice } from '../../shell/Notice';
import { usePage } from '../../shell/usePage';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  // The next action stays in view however long the item: a bar stuck to the pane's bottom edge.
  actions: {
    position: 'sticky',
    bottom: 0,
    zIndex: 5,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalL})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
const EMPTY_FORM: ItemForm = { policyText: '', comment: '', escalate: false, reason: '' };

/**
 * Inspect: one item at a time, verdict by number key, a policy picker that searches whatever it
 * holds, Save and next always in view; Previous, a jump by ID or row, the grid following the item
 * and a row clicked in the sheet opening its item. Which item comes next is the flow's rule (itemFor).
 */
export default function InspectPage(): ReactElement {
  const { t, lang, styles: page, session, flow } = usePage();
  const styles = useStyles();
  const runner = session.host.runner;
  const [batches, setBatches] = useState<BatchInfo[]>();
  const [taxonomy, setTaxonomy] = useState<Taxonomy>();
  const [state, setState] = useState<InspectionState>();
  const [form, setForm] = useState<ItemForm>(EMPTY_FORM);
  const [reasons, setReasons] = useState<ErrorReason[]>([]);
  const [saved, setSaved] = useState<string>();
  const [recomputed, setRecomputed] = useState(0);
  // Leaving an item with unsaved input (another row, Previous, a jump, Skip, another batch) asks first.
  const [leaving, setLeaving] = useState<{ where: string; proceed(): void }>();
  const breaks = useBreakReminder();
  const cardHeading = useRef<HTMLHeadingElement>(null);
  const policyPickerId = useId();
  const batch = session.batch ?? batches?.find((b) => b.hasSheet)?.batch;
  const info = batches?.find((b) => b.batch === batch);

  // Loaded once per visit (the language only changes names, which come from the same taxonomy);
  // the states are set after the flow ends, so the item's load that follows can run.
  useEffect(() => {
    void flow
      .run(() => Promise.all([listBatches(runner), loadTaxonomy(runner, lang), loadReasons(runner)]))
      .then((loaded) => {
        if (!loaded) return;
        setBatches(loaded[0]);
        setTaxonomy(loaded[1].taxonomy);
        setReasons(loaded[2]);
      });
  }, [runner]);

  const byCode = useMemo(
    () => new Map((taxonomy?.policies ?? []).map((p) => [p.code.toUpperCase(), p] as const)),
    [taxonomy],
  );
  const describe = useCallback(
    (code: string) => {
      // A code, or a name or alias written in the sheet's policy column.
      const p = byCode.get(code.toUpperCase()) ?? (taxonomy && resolvePolicyText(taxonomy, code));
      return p ? policyLabel(p, lang) : code;
    },
    [byCode, taxonomy, lang],
  );

  const row: InspectionRow | undefined = state?.next;
  // Blind review hides the moderator's verdict and policy until this item has the inspector's own.
  const hidden = Boolean(info?.blind && row && row.qaVerdict === null);

  // A new item on screen (saved, skipped, opened, or done in the sheet meanwhile) starts from its
  // own QA input, or from the moderator's policy: never from the previous item's form.
  const [start, setStart] = useState<ItemForm>(EMPTY_FORM);
  const shownIndex = row?.index;
  useEffect(() => {
    const fresh = itemFormFor(row, { blind: Boolean(info?.blind), label: describe });
    setStart(fresh);
    setForm(fresh);
    setLeaving(undefined);
  }, [batch, shownIndex, info?.blind]);

  // The latest of what handlers registered once (sheet selection, the Next item command) need.
  const latest = useRef({ row, start, form, wasPending: row?.qaVerdict === null });
  latest.current = {
    row,
    start,
    form,
    wasPending: latest.current.row?.index === row?.index ? latest.current.wasPending : row?.qaVerdict === null,
  };

  // A calibration sheet names its inspector: picking it puts that name in the inspector field.
  useEffect(() => {
    if (info?.assignedInspector && session.inspector !== info.assignedInspector)
      session.update({ inspector: info.assignedInspector });
  }, [info?.batch, info?.assignedInspector]);

  const show = useCallback(
    (next: InspectionState) => {
      setState(next);
      requestAnimationFrame(() => cardHeading.current?.focus());
      // The grid follows: the item's row is selected (nothing happens when it already is).
      if (batch && next.next) followItem(runner, batch, next.next.index).catch(() => undefined);
    },
    [batch, runner],
  );

  const load = useCallback(
    async (target: ItemTarget) => {
      if (!batch) return;
      const next = await flow.run(() => inspectionState(runner, batch, target));
      if (next) show(next);
    },
    [batch, runner, flow.run, show],
  );

  useEffect(() => {
    if (taxonomy) void load({ pendingFrom: 0 });
  }, [load, taxonomy]);

  // The selection handler is registered once a batch: it reads the language and the form through refs.
  const tRef = useRef(t);
  tRef.current = t;
  const leaveTo = useCallback((where: string, proceed: () => void) => {
    const { row: shown, start: from, form: now } = latest.current;
    if (shown && formChanged(from, now)) {
      setLeaving({ where, proceed });
      return;
    }
    setLeaving(undefined);
    proceed();
  }, []);

  // Typing or pasting into the QA columns is brought up to date by the session's watch; the progress follows.
  const watcher = session.watcher;
  useEffect(() => {
    if (!batch) return;
    return watcher.subscribe((change) => {
      if (change.batch !== batch || !change.changed) return;
      setRecomputed(change.changed);
      const shown = latest.current.row;
      void inspectionState(
        runner,
        batch,
        shown ? { stayOn: shown.index, wasPending: latest.current.wasPending } : { pendingFrom: 0 },
      )
        .then(setState)
        .catch(() => undefined);
    });
  }, [batch, runner, watcher]);

  // A row selected in the inspection sheet opens its item (asking first when this one has unsaved input).
  useEffect(() => {
    if (!batch) return;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    // Arrow keys walking down the sheet select row after row: the item of the row where they stop opens.
    let settle: ReturnType<typeof setTimeout> | undefined;
    watchSelection(runner, batch, (index) => {
      clearTimeout(settle);
      settle = setTimeout(() => {
        if (gone || latest.current.row?.index === index) return;
        leaveTo(tRef.current('inspect.leave.row', { row: index + 2 }), () => void load({ index }));
      }, 150);
    })
      .then((s) => (gone ? void s().catch(() => undefined) : (stop = s)))
      // Without ExcelApi 1.7 the pane simply does not follow the sheet.
      .catch(() => undefined);
    return () => {
      gone = true;
      clearTimeout(settle);
      stop?.().catch(() => undefined);
    };
  }, [batch, runner, load, leaveTo]);

  const chosen = taxonomy ? resolvePolicyText(taxonomy, form.policyText) : undefined;
  const needsPolicy = form.verdict !== undefined && (isEnforcing(form.verdict) || form.verdict === 'escalate');
  // The outcome the chosen verdict would give: an error asks for its reason.
  const wouldBe =
    row && form.verdict
      ? classifyOutcome(
          { verdict: row.verdict, policy: row.policy },
          { verdict: form.verdict, policy: needsPolicy ? (chosen?.code ?? '') : '' },
        )
      : undefined;
  const wouldBeError = wouldBe !== undefined && wouldBe !== 'correct' && wouldBe !== 'pending';

  const skip = useCallback(async () => {
    if (row) await load({ pendingFrom: row.index + 1 });
  }, [row, load]);

  // `then`: where to go once saved (the next pending item unless the inspector was leaving elsewhere).
  const save = async (then?: () => void) => {
    if (!row || !batch) return;
    if (!session.inspector.trim()) return flow.fail(new FlowError('inspect.needInspector'));
    const verdict = form.verdict;
    if (!verdict) return flow.fail(new FlowError('inspect.needVerdict'));
    const text = form.policyText.trim();
    // Only a policy the field names whole is recorded: partial text is never completed to a guess.
    if (needsPolicy && text && !chosen) return flow.fail(new FlowError('inspect.pickPolicy', { text }));
    const code = needsPolicy ? (chosen?.code ?? '') : '';
    if (isEnforcing(verdict) && !code) return flow.fail(new FlowError('inspect.needPolicy'));
    const outcome = await flow.run(() =>
      saveQaDecision(runner, batch, row.index, {
        qaVerdict: verdict,
        qaPolicy: code,
        comment: form.comment.trim(),
        escalate: form.escalate,
        inspector: session.inspector.trim(),
        now: Date.now(),
        reason: form.reason,
        blind: hidden,
      }),
    );
    if (!outcome) return;
    setSaved(outcome);
    breaks.counted(Number(row.severity));
    if (then) then();
    else await load({ pendingFrom: row.index + 1 });
  };

  // The Next item command (ribbon function or shortcut): what the inspector entered is saved
  // first (a save that cannot go through stays on the item and says why); nothing entered, it skips.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    session.controller.nextPendingItem = async () => {
      const { row: shown, start: from, form: now } = latest.current;
      if (shown && formChanged(from, now)) await saveRef.current();
      else await skip();
    };
    return () => {
      session.controller.nextPendingItem = undefined;
    };
  }, [session.controller, skip]);

  const previousIndex = row ? row.index - 1 : (state?.rows.length ?? 0) - 1;
  const jump = async (text: string) => {
    const found = state && findItem(state.rows, text);
    if (!found) return false;
    leaveTo(t('inspect.leave.row', { row: found.index + 2 }), () => void load({ index: found.index }));
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void save();
      return;
    }
    if (isTyping(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key === 'p' || e.key === 'P') {
      e.preventDefault();
      document.getElementById(policyPickerId)?.focus();
      return;
    }
    const digit = Number(e.key);
    if (digit >= 1 && digit <= VERDICTS.length) {
      e.preventDefault();
      setForm((f) => ({ ...f, verdict: VERDICTS[digit - 1] }));
    }
  };

  if (batches && batches.length === 0) {
    return (
      <div className={page.page}>
        <EmptyState titleKey="empty.inspect.title" bodyKey="empty.inspect.body" />
        <Notice intent="info" actions={[{ label: t('page.sample'), onClick: () => session.go('sample') }]}>
          {t('inspect.noBatches')}
        </Notice>
      </div>
    );
  }

  return (
    <div className={page.page} onKeyDown={onKeyDown}>
      <div className={page.row}>
        <BatchPicker
          batches={batches}
          value={batch}
          onChange={(b) => leaveTo(t('inspect.leave.batch', { batch: b }), () => session.update({ batch: b }))}
        />
        <Field
          label={t('inspect.inspector')}
          validationState={session.inspector.trim() ? 'none' : 'warning'}
          validationMessage={session.inspector.trim() ? undefined : t('inspect.needInspector')}
        >
          <Input value={session.inspector} onChange={(_, d) => session.update({ inspector: d.value })} />
        </Field>
      </div>
      {info?.assignedInspector && <Caption1>{t('inspect.assigned', { inspector: info.assignedInspector })}</Caption1>}
      {state && (
        <Field
          label={
            state.escalated
              ? t('inspect.progressEscalated', {
                  done: state.inspected,
                  total: state.total,
                  escalated: state.escalated,
                  awaiting: state.awaitingDecision,
                })
              : t('inspect.progress', { done: state.inspected, total: state.total })
          }
        >
          <ProgressBar
            value={state.total ? state.inspected / state.total : 0}
            aria-label={t('inspect.progress', { done: state.inspected, total: state.total })}
          />
        </Field>
      )}
      {recomputed > 0 && <Caption1 role="status">{t('inspect.refreshed', { count: recomputed })}</Caption1>}
      {breaks.notice}
      {state && !row && (
        <Notice intent="success" actions={[{ label: t('page.report'), onClick: () => session.go('report') }]}>
          {/* Escalated items await a lead's decision: "all inspected" alone would contradict the progress line. */}
          {state.awaitingDecision
            ? t('inspect.allDoneAwaiting', { awaiting: state.awaitingDecision })
            : t('inspect.allDone')}
        </Notice>
      )}
      {state && state.rows.length > 0 && (
        <JumpToItem disabled={flow.running} lastRow={state.rows.length + 1} onJump={jump} />
      )}
      {row && (
        <Card className={styles.card}>
          <h2 ref={cardHeading} tabIndex={-1} id="item-title" className={styles.heading}>
            <Subtitle2>{t('inspect.item', { id: row.itemId, row: row.index + 2 })}</Subtitle2>
          </h2>
          <ItemFacts row={row} hidden={hidden} describe={describe} openUrl={(url) => session.host.openUrl(url)} />
          <DecisionForm
            form={form}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
            taxonomy={taxonomy}
            lang={lang}
            reasons={reasons}
            askReason={wouldBeError}
            policyPickerId={policyPickerId}
          />
        </Card>
      )}
      <div className={styles.actions} role="group" aria-label={t('inspect.actions')} data-testid="inspect-actions">
        <FlowStatus flow={flow} />
        {leaving && row && (
          <Notice
            intent="warning"
            testId="inspect-leaving"
            actions={[
              {
                label: t('inspect.leave.save'),
                primary: true,
                disabled: flow.running,
                onClick: () => {
                  setLeaving(undefined);
                  void save(leaving.proceed);
                },
              },
              {
                label: t('inspect.leave.discard'),
                onClick: () => {
                  setLeaving(undefined);
                  leaving.proceed();
                },
              },
              { label: t('inspect.leave.stay'), onClick: () => setLeaving(undefined) },
            ]}
          >
            {t('inspect.leave.ask', { id: row.itemId, where: leaving.where })}
          </Notice>
        )}
        {saved && (
          <Caption1 role="status" aria-live="polite">
            {t('inspect.saved', { outcome: t(`outcome.${saved as 'correct'}`) })}
          </Caption1>
        )}
        {state && state.rows.length > 0 && (
          <div className={styles.buttons}>
            {row && (
              <Button
                appearance="primary"
                disabled={flow.running}
                onClick={() => void save()}
                aria-keyshortcuts="Control+Enter"
              >
                {t('inspect.save')}
              </Button>
            )}
            {row && (
              <Button disabled={flow.running} onClick={() => leaveTo(t('inspect.leave.next'), () => void skip())}>
                {t('inspect.skip')}
              </Button>
            )}
            <Button
              disabled={flow.running || previousIndex < 0}
              onClick={() =>
                leaveTo(t('inspect.leave.row', { row: previousIndex + 2 }), () => void load({ index: previousIndex }))
              }
            >
              {t('inspect.previous')}
            </Button>
          </div>
        )}
      </div>
      {breaks.settings}
    </div>
  );
}
