import { Button, Field, Input, Link, Select, Subtitle2, Textarea } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import { quoteSheetName } from '../../excelSpec';
import type { Settlement } from '../../core/model';
import { coachingFlow, type CoachingSheet } from '../../flows/coachingFlow';
import { fileDispute, settleDispute } from '../../flows/disputeFlow';
import { nextPlanAdvice, trendFlow, type TrendResult } from '../../flows/trendFlow';
import type { MessageKey } from '../../i18n';
import { EmptyState } from '../shell/EmptyState';
import { FlowStatus } from '../shell/FlowStatus';
import { DataTable } from '../shell/DataTable';
import { Notice } from '../shell/Notice';
import { usePage } from '../shell/usePage';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A labelled choice among names (moderators, batches), with an optional first "all" entry. */
function NamePicker(props: {
  label: string;
  value: string;
  names: readonly string[];
  all?: string;
  onChange(value: string): void;
}): ReactElement {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {props.all !== undefined && <option value="">{props.all}</option>}
        {props.names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Trends: accuracy across batches with slips and switching states; coaching sheets; disputes settled by a lead. */
export default function TrendsPage(): ReactElement {
  const { t, lang, styles, session, flow } = usePage();
  const runner = session.host.runner;
  const [known, setKnown] = useState<{ batches: string[]; moderators: string[] }>();
  const [result, setResult] = useState<TrendResult>();
  const [coachModerator, setCoachModerator] = useState('');
  const [coachBatch, setCoachBatch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [coached, setCoached] = useState<CoachingSheet[]>();
  const [disputeBatch, setDisputeBatch] = useState('');
  const [item, setItem] = useState('');
  const [by, setBy] = useState('');
  const [why, setWhy] = useState('');
  const [lead, setLead] = useState(session.inspector);
  const [done, setDone] = useState<string>();

  useEffect(() => {
    void flow.run(() => nextPlanAdvice(runner)).then((r) => r && setKnown(r));
  }, [runner, flow.run]);

  const build = async () => {
    const r = await flow.run(() => trendFlow(runner, { lang }));
    if (r) setResult(r);
  };

  // The ribbon's Trends command (or its shortcut) builds at once.
  useEffect(() => {
    if (known && session.start?.page === 'trends') {
      session.consumeStart();
      void build();
    }
  });

  if (known && known.batches.length === 0) {
    return (
      <div className={styles.page}>
        <EmptyState titleKey="empty.trends.title" bodyKey="empty.trends.body" />
        <Notice intent="info">{t('trend.noBatches')}</Notice>
      </div>
    );
  }

  const writeCoaching = async () => {
    const sheets = await flow.run(() =>
      coachingFlow(runner, {
        moderator: coachModerator || undefined,
        batch: coachBatch || undefined,
        from: coachBatch ? undefined : from || undefined,
        to: coachBatch ? undefined : to || undefined,
        lang,
      }),
    );
    if (sheets) setCoached(sheets);
  };
  const batchForDispute = disputeBatch || known?.batches[known.batches.length - 1] || '';
  const record = async () => {
    const r = await flow.run(() => fileDispute(runner, batchForDispute, item.trim(), { by, comment: why }));
    if (r) setDone(t('dispute.filed', { item: item.trim() }));
  };
  const settle = async (settlement: Settlement) => {
    const outcome = await flow.run(() =>
      settleDispute(runner, batchForDispute, item.trim(), { settlement, by: lead, now: Date.now() }),
    );
    if (outcome)
      setDone(
        t('dispute.settled', {
          item: item.trim(),
          settlement: t(`dispute.settlement.${settlement}`),
          outcome: t(`outcome.${outcome}` as MessageKey),
        }),
      );
  };

  return (
    <div className={styles.page}>
      {!result && <EmptyState titleKey="empty.trends.title" bodyKey="empty.trends.body" />}
      <div className={styles.row}>
        <Button appearance="primary" disabled={flow.running} onClick={() => void build()}>
          {t('trend.build')}
        </Button>
      </div>
      <FlowStatus flow={flow} />
      {result && (
        <section className={styles.section} aria-labelledby="trend-title">
          <Notice intent="success">{t('trend.built', { sheet: result.sheet, batches: result.batches.length })}</Notice>
          <Subtitle2 as="h2" id="trend-title">
            {t('trend.flags')}
          </Subtitle2>
          {result.flagged.length === 0 ? (
            <p>{t('trend.noFlags')}</p>
          ) : (
            <ul aria-label={t('trend.flags')}>
              {result.flagged.map((s) => (
                <li key={`${s.dimension}:${s.key}`}>
                  {t('trend.flagged', {
                    group: s.key,
                    dimension: t(`trend.dimension.${s.dimension}`),
                    from: pct(s.slip!.from.accuracy),
                    to: pct(s.slip!.to.accuracy),
                    fromBatch: s.slip!.from.batch,
                    toBatch: s.slip!.to.batch,
                  })}
                </li>
              ))}
            </ul>
          )}
          <Subtitle2 as="h2" id="switching-title">
            {t('trend.switching')}
          </Subtitle2>
          <div className={styles.scroll}>
            <DataTable
              aria-labelledby="switching-title"
              className={styles.table}
              columns={[t('trend.col.moderator'), t('trend.col.state'), t('trend.col.rule')]}
              rows={result.moderators.map((m) => ({
                key: m.moderator,
                cells: [
                  m.moderator,
                  t(`trend.state.${m.state}`),
                  m.rule
                    ? `${t(`trend.rule.${m.rule}`)} (${m.movedAtBatch})`
                    : m.reducedEligible
                      ? t('trend.reducedEligible')
                      : '',
                ],
              }))}
            />
          </div>
          <Notice intent={result.next.inspection === 'tightened' ? 'warning' : 'info'}>
            {t('trend.next', { inspection: t(`trend.state.${result.next.inspection}`), aql: result.next.aql })}
          </Notice>
          <Link as="button" onClick={() => void session.host.selectCell(`${quoteSheetName(result.sheet)}!A1`)}>
            {result.sheet}
          </Link>
        </section>
      )}

      <section className={styles.section} aria-labelledby="coach-title">
        <Subtitle2 as="h2" id="coach-title">
          {t('coach.title')}
        </Subtitle2>
        <div className={styles.row}>
          <NamePicker
            label={t('coach.moderator')}
            value={coachModerator}
            names={known?.moderators ?? []}
            all={t('coach.all')}
            onChange={setCoachModerator}
          />
          <NamePicker
            label={t('coach.batch')}
            value={coachBatch}
            names={known?.batches ?? []}
            all={t('coach.allBatches')}
            onChange={setCoachBatch}
          />
        </div>
        {!coachBatch && (
          <div className={styles.row}>
            <Field label={t('coach.from')}>
              <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
            </Field>
            <Field label={t('coach.to')}>
              <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
            </Field>
          </div>
        )}
        <div className={styles.row}>
          <Button disabled={flow.running} onClick={() => void writeCoaching()}>
            {t('coach.write')}
          </Button>
        </div>
        {coached && (
          <>
            <Notice intent="success">
              {t('coach.written', { count: coached.length, sheets: coached.map((c) => c.sheet).join(', ') })}
            </Notice>
            <ul aria-label={t('coach.title')}>
              {coached.map((c) => (
                <li key={c.sheet}>
                  <Link as="button" onClick={() => void session.host.selectCell(`${quoteSheetName(c.sheet)}!A1`)}>
                    {c.sheet}
                  </Link>{' '}
                  ({t('coach.errors', { errors: c.errors, inspected: c.inspected })})
                  {session.host.saveSheetAsFile && (
                    <>
                      {' '}
                      <Button
                        size="small"
                        onClick={() => void session.host.saveSheetAsFile!(c.sheet, `${c.sheet}.xlsx`)}
                      >
                        {t('coach.download', { sheet: c.sheet })}
                      </Button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="dispute-title">
        <Subtitle2 as="h2" id="dispute-title">
          {t('dispute.title')}
        </Subtitle2>
        <div className={styles.row}>
          <NamePicker
            label={t('dispute.batch')}
            value={batchForDispute}
            names={known?.batches ?? []}
            onChange={setDisputeBatch}
          />
          <Field label={t('dispute.item')}>
            <Input value={item} onChange={(_, d) => setItem(d.value)} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={t('dispute.by')}>
            <Input value={by} onChange={(_, d) => setBy(d.value)} />
          </Field>
        </div>
        <Field label={t('dispute.comment')}>
          <Textarea value={why} onChange={(_, d) => setWhy(d.value)} resize="vertical" />
        </Field>
        <div className={styles.row}>
          <Button disabled={flow.running || !item.trim()} onClick={() => void record()}>
            {t('dispute.file')}
          </Button>
        </div>
        <div className={styles.row}>
          <Field label={t('dispute.settleBy')}>
            <Input value={lead} onChange={(_, d) => setLead(d.value)} />
          </Field>
          <Button disabled={flow.running || !item.trim()} onClick={() => void settle('upheld')}>
            {t('dispute.upheld')}
          </Button>
          <Button disabled={flow.running || !item.trim()} onClick={() => void settle('overturned')}>
            {t('dispute.overturned')}
          </Button>
        </div>
        {done && <Notice intent="success">{done}</Notice>}
      </section>
    </div>
  );
}
