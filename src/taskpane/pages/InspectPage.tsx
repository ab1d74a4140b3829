import {
  Badge, Body1, Button, Caption1, Card, Checkbox, Combobox, Field, Input, Link, MessageBar, MessageBarActions, MessageBarBody, Option, ProgressBar, Select, SpinButton, Subtitle2, Switch, Textarea, ToggleButton, makeStyles, tokens,
} from '@fluentui/react-components';
import { useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { VERDICTS, isEnforcing, type Lang, type Verdict } from '../../core/model';
import { foldKana } from '../../core/text/foldKana';
import { normalizeKey } from '../../core/text/normalizeKey';
import type { Policy, Taxonomy } from '../../core/taxonomy/types';
import { listBatches, type BatchInfo } from '../../excel/batches';
import { FlowError } from '../../excel/host';
import { inspectionState, saveQaDecision, type InspectionState } from '../../excel/inspectFlow';
import type { InspectionRow } from '../../excel/inspectionRows';
import { loadTaxonomy } from '../../excel/taxonomyFlow';
import { loadReasons } from '../../excel/reasonsFlow';
import type { ErrorReason } from '../../core/reasons';
import { classifyOutcome } from '../../core/stats/classifyOutcome';
import { isOpenableUrl } from '../host';
import { BatchPicker } from '../shell/BatchPicker';
import { EmptyState } from '../shell/EmptyState';
import { FlowStatus } from '../shell/FlowStatus';
import { LanguageContext, useT } from '../shell/LanguageContext';
import { useSession } from '../shell/Session';
import { usePageStyles } from '../shell/styles';
import { useFlow } from '../shell/useFlow';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  verdicts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  heading: { margin: 0 },
  plain: { overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace },
});

const policyName = (p: Policy, lang: Lang) => (lang === 'ja' ? p.nameJa || p.nameEn : p.nameEn || p.nameJa);
const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/** Inspect: one item at a time, verdict by number key, a searchable policy picker, Save and next. */
export default function InspectPage(): ReactElement {
  const t = useT();
  const lang = useContext(LanguageContext);
  const page = usePageStyles();
  const styles = useStyles();
  const session = useSession();
  const runner = session.host.runner;
  const flow = useFlow();
  const [batches, setBatches] = useState<BatchInfo[]>();
  const [taxonomy, setTaxonomy] = useState<Taxonomy>();
  const [state, setState] = useState<InspectionState>();
  const [verdict, setVerdict] = useState<Verdict>();
  const [policy, setPolicy] = useState('');
  const [query, setQuery] = useState('');
  const [comment, setComment] = useState('');
  const [escalate, setEscalate] = useState(false);
  const [reasons, setReasons] = useState<ErrorReason[]>([]);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string>();
  const [recomputed, setRecomputed] = useState(0);
  const [breaks, setBreaks] = useState(false);
  const [breakMinutes, setBreakMinutes] = useState(50);
  const [breakSevere, setBreakSevere] = useState(10);
  const [breakDue, setBreakDue] = useState(false);
  const since = useRef({ at: Date.now(), severe: 0 });
  const cardHeading = useRef<HTMLHeadingElement>(null);
  const policyPickerId = useId();
  const batch = session.batch ?? batches?.find((b) => b.hasSheet)?.batch;
  const info = batches?.find((b) => b.batch === batch);

  // Loaded once per visit (the language only changes names, which come from the same taxonomy);
  // the states are set after the flow ends, so the item's load that follows can run.
  useEffect(() => {
    void flow.run(() => Promise.all([listBatches(runner), loadTaxonomy(runner, lang), loadReasons(runner)])).then((loaded) => {
      if (!loaded) return;
      setBatches(loaded[0]);
      setTaxonomy(loaded[1].taxonomy);
      setReasons(loaded[2]);
    });
  }, [runner]);

  const policies = useMemo(() => (taxonomy?.policies ?? []).filter((p) => p.parent !== '' && p.status === 'active'), [taxonomy]);
  const byCode = useMemo(() => new Map((taxonomy?.policies ?? []).map((p) => [p.code.toUpperCase(), p] as const)), [taxonomy]);
  const describe = (code: string) => {
    const p = byCode.get(code.toUpperCase());
    return p ? `${p.code} — ${policyName(p, lang)}` : code;
  };

  const show = useCallback((next: InspectionState) => {
    setState(next);
    requestAnimationFrame(() => cardHeading.current?.focus());
  }, []);

  // A new item on screen (saved, skipped, or done in the sheet meanwhile) starts from its own QA
  // input, or from the moderator's policy: never from the previous item's form.
  const shownIndex = state?.next?.index;
  useEffect(() => {
    const row = state?.next;
    setVerdict(row?.qaVerdict ?? undefined);
    // Blind review: the moderator's policy is no starting point either.
    setPolicy(row?.qaPolicy || (info?.blind ? '' : row?.policy) || '');
    setQuery('');
    setComment(row?.qaComment ?? '');
    setEscalate(row?.escalate ?? false);
    setReason(row?.reason ?? '');
  }, [batch, shownIndex, info?.blind]);

  // A calibration sheet names its inspector: picking it puts that name in the inspector field.
  useEffect(() => {
    if (info?.assignedInspector && session.inspector !== info.assignedInspector) session.update({ inspector: info.assignedInspector });
  }, [info?.batch, info?.assignedInspector]);

  const load = useCallback(
    async (from = 0) => {
      if (!batch) return;
      const next = await flow.run(() => inspectionState(runner, batch, from));
      if (next) show(next);
    },
    [batch, runner, flow.run, show],
  );

  useEffect(() => {
    if (taxonomy) void load(0);
  }, [load, taxonomy]);

  // Typing or pasting into the QA columns is brought up to date by the session's watch; the progress follows.
  const watcher = session.watcher;
  useEffect(() => {
    if (!batch) return;
    return watcher.subscribe((change) => {
      if (change.batch !== batch || !change.changed) return;
      setRecomputed(change.changed);
      // Progress follows what was typed in the sheet; the item on screen stays unless it was just done there.
      void inspectionState(runner, batch, 0)
        .then((fresh) =>
          setState((current) => {
            const shown = current?.next && fresh.rows.find((r) => r.index === current.next!.index);
            return { ...fresh, next: shown && shown.qaVerdict === null ? shown : fresh.rows.slice(current?.next?.index ?? 0).find((r) => r.qaVerdict === null) ?? fresh.next };
          }),
        )
        .catch(() => undefined);
    });
  }, [batch, runner, watcher]);

  const row: InspectionRow | undefined = state?.next;
  // Blind review hides the moderator's verdict and policy until this item has the inspector's own.
  const hidden = Boolean(info?.blind && row && row.qaVerdict === null);
  const skip = useCallback(async () => {
    if (row) await load(row.index + 1);
  }, [row, load]);

  // The Next item command (ribbon function or shortcut) moves this page on.
  useEffect(() => {
    session.controller.nextPendingItem = skip;
    return () => {
      session.controller.nextPendingItem = undefined;
    };
  }, [session.controller, skip]);

  const resolvePolicy = (): string => {
    const text = (query || policy).trim();
    if (!text) return '';
    const key = normalizeKey(text.split(' — ')[0]);
    const found = (taxonomy?.policies ?? []).find((p) => [p.code, p.nameEn, p.nameJa, ...(p.aliases ?? [])].some((n) => normalizeKey(n) === key));
    return found ? found.code : '';
  };

  // The outcome the chosen verdict would give: an error asks for its reason.
  const wouldBe = row && verdict ? classifyOutcome({ verdict: row.verdict, policy: row.policy }, { verdict, policy: isEnforcing(verdict) || verdict === 'escalate' ? resolvePolicy() : '' }) : undefined;
  const wouldBeError = wouldBe !== undefined && wouldBe !== 'correct' && wouldBe !== 'pending';

  const save = async () => {
    if (!row || !batch) return;
    if (!session.inspector.trim()) return flow.fail(new FlowError('inspect.needInspector'));
    if (!verdict) return flow.fail(new FlowError('inspect.needVerdict'));
    const code = isEnforcing(verdict) ? resolvePolicy() : verdict === 'escalate' ? resolvePolicy() : '';
    if (isEnforcing(verdict) && !code) return flow.fail(new FlowError('inspect.needPolicy'));
    const outcome = await flow.run(() => saveQaDecision(runner, batch, row.index, { qaVerdict: verdict, qaPolicy: code, comment: comment.trim(), escalate, inspector: session.inspector.trim(), now: Date.now(), reason, blind: hidden }));
    if (!outcome) return;
    setSaved(outcome);
    if (Number(row.severity) >= 3) since.current.severe++;
    if (breaks && (Date.now() - since.current.at >= breakMinutes * 60_000 || since.current.severe >= breakSevere)) setBreakDue(true);
    await load(row.index + 1);
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
      setVerdict(VERDICTS[digit - 1]);
    }
  };

  if (batches && batches.length === 0) {
    return (
      <div className={page.page}>
        <EmptyState titleKey="empty.inspect.title" bodyKey="empty.inspect.body" />
        <MessageBar intent="info">
          <MessageBarBody>{t('inspect.noBatches')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => session.go('sample')}>
              {t('page.sample')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </div>
    );
  }

  const filteredPolicies = policies.filter((p) => {
    const q = normalizeKey(query);
    // Codes, names and the taxonomy's aliases, kana and width folded (スパム, ｽﾊﾟﾑ and すぱむ alike).
    const f = foldKana(query);
    return !q || [p.code, p.nameEn, p.nameJa, ...(p.aliases ?? [])].some((n) => normalizeKey(n).includes(q) || (f !== '' && foldKana(n).includes(f)));
  });

  return (
    <div className={page.page} onKeyDown={onKeyDown}>
      <div className={page.row}>
        <BatchPicker batches={batches} value={batch} onChange={(b) => session.update({ batch: b })} />
        <Field label={t('inspect.inspector')} validationState={session.inspector.trim() ? 'none' : 'warning'} validationMessage={session.inspector.trim() ? undefined : t('inspect.needInspector')}>
          <Input value={session.inspector} onChange={(_, d) => session.update({ inspector: d.value })} />
        </Field>
      </div>
      {info?.assignedInspector && <Caption1>{t('inspect.assigned', { inspector: info.assignedInspector })}</Caption1>}
      {state && (
        <Field label={state.escalated ? t('inspect.progressEscalated', { done: state.inspected, total: state.total, escalated: state.escalated, awaiting: state.awaitingDecision }) : t('inspect.progress', { done: state.inspected, total: state.total })}>
          <ProgressBar value={state.total ? state.inspected / state.total : 0} aria-label={t('inspect.progress', { done: state.inspected, total: state.total })} />
        </Field>
      )}
      <FlowStatus flow={flow} />
      {saved && (
        <Caption1 role="status" aria-live="polite">
          {t('inspect.saved', { outcome: t(`outcome.${saved as 'correct'}`) })}
        </Caption1>
      )}
      {recomputed > 0 && <Caption1 role="status">{t('inspect.refreshed', { count: recomputed })}</Caption1>}
      {breakDue && (
        <MessageBar intent="info">
          <MessageBarBody>{t('inspect.breakNow')}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                setBreakDue(false);
                since.current = { at: Date.now(), severe: 0 };
              }}
            >
              {t('ui.dismiss')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state && !row && (
        <MessageBar intent="success">
          <MessageBarBody>{t('inspect.allDone')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => session.go('report')}>
              {t('page.report')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {row && (
        <Card className={styles.card}>
          <h2 ref={cardHeading} tabIndex={-1} id="item-title" className={styles.heading}>
            <Subtitle2>{t('inspect.item', { id: row.itemId, row: row.index + 2 })}</Subtitle2>
          </h2>
          <Body1 as="h3">
            <strong>{t('inspect.original')}</strong>
          </Body1>
          <dl className={styles.facts}>
            <dt className={styles.term}>{t('field.moderator')}</dt>
            <dd className={styles.value}>{row.moderator}</dd>
            <dt className={styles.term}>{t('field.verdict')}</dt>
            <dd className={styles.value} data-blind={hidden ? 'hidden' : undefined}>{hidden ? t('inspect.blindHidden') : row.verdict ? t(`verdict.${row.verdict}`) : '—'}</dd>
            <dt className={styles.term}>{t('field.policy')}</dt>
            <dd className={styles.value} data-blind={hidden ? 'hidden' : undefined}>
              {hidden ? t('inspect.blindHidden') : row.policy ? describe(row.policy) : t('inspect.noPolicy')}
              {!hidden && row.severity !== '' && (
                <>
                  {' '}
                  <Badge appearance="outline" color={Number(row.severity) >= 3 ? 'danger' : 'informative'}>
                    {row.severity}
                  </Badge>
                </>
              )}
            </dd>
            <dt className={styles.term}>{t('field.market')}</dt>
            <dd className={styles.value}>{[row.market, row.language, row.queue].filter(Boolean).join(' · ') || '—'}</dd>
            {row.notes && (
              <>
                <dt className={styles.term}>{t('field.notes')}</dt>
                <dd className={styles.value}>{row.notes}</dd>
              </>
            )}
          </dl>
          {!hidden && Number(row.severity) >= 3 && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('inspect.severe', { severity: row.severity })}</MessageBarBody>
            </MessageBar>
          )}
          {row.url &&
            (isOpenableUrl(row.url) ? (
              <Link as="button" onClick={() => session.host.openUrl(row.url)}>
                {t('inspect.openLink')}
              </Link>
            ) : (
              <Caption1>
                {t('inspect.notOpenable')} <span className={styles.plain}>{row.url}</span>
              </Caption1>
            ))}

          <Field label={t('inspect.yourVerdict')}>
            <div className={styles.verdicts} role="group" aria-label={t('inspect.yourVerdict')}>
              {VERDICTS.map((v, i) => (
                <ToggleButton key={v} checked={verdict === v} onClick={() => setVerdict(v)} aria-keyshortcuts={String(i + 1)}>
                  {i + 1} {t(`verdict.${v}`)}
                </ToggleButton>
              ))}
            </div>
          </Field>
          <Field label={t('inspect.yourPolicy')}>
            <Combobox
              key={row.index}
              id={policyPickerId}
              aria-keyshortcuts="P"
              freeform
              disabled={!verdict || verdict === 'approve'}
              value={query || (policy ? describe(policy) : '')}
              selectedOptions={policy ? [policy] : []}
              onChange={(e) => setQuery(e.target.value)}
              onOptionSelect={(_, d) => {
                if (d.optionValue) setPolicy(d.optionValue);
                setQuery('');
              }}
            >
              {filteredPolicies.map((p) => (
                <Option key={p.code} value={p.code} text={`${p.code} — ${policyName(p, lang)}`}>
                  {p.code} — {policyName(p, lang)}
                </Option>
              ))}
            </Combobox>
          </Field>
          <Field label={t('inspect.comment')}>
            <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
          </Field>
          {wouldBeError && (
            <Field label={t('reason.label')} validationState={reason ? 'none' : 'warning'} validationMessage={reason ? undefined : t('reason.needed')}>
              <Select value={reason} onChange={(_, d) => setReason(d.value)}>
                <option value="">{t('reason.none')}</option>
                {reasons.map((r) => (
                  <option key={r.code} value={r.code} title={lang === 'ja' ? r.definitionJa : r.definitionEn}>
                    {lang === 'ja' ? r.ja : r.en}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Checkbox label={t('inspect.escalate')} checked={escalate || verdict === 'escalate'} disabled={verdict === 'escalate'} onChange={(_, d) => setEscalate(Boolean(d.checked))} />
          <Caption1>{t('inspect.escalationHelp')}</Caption1>
          <div className={page.row}>
            <Button appearance="primary" disabled={flow.running} onClick={() => void save()} aria-keyshortcuts="Control+Enter">
              {t('inspect.save')}
            </Button>
            <Button disabled={flow.running} onClick={() => void skip()}>
              {t('inspect.skip')}
            </Button>
          </div>
        </Card>
      )}
      <div className={page.row}>
        <Switch label={t('inspect.breaks')} checked={breaks} onChange={(_, d) => setBreaks(d.checked)} />
        {breaks && (
          <>
            <Field label={t('inspect.breakMinutes')}>
              <SpinButton min={5} max={240} value={breakMinutes} onChange={(_, d) => setBreakMinutes(Number(d.value ?? d.displayValue) || 50)} />
            </Field>
            <Field label={t('inspect.breakSevere')}>
              <SpinButton min={1} max={100} value={breakSevere} onChange={(_, d) => setBreakSevere(Number(d.value ?? d.displayValue) || 10)} />
            </Field>
          </>
        )}
      </div>
    </div>
  );
}
