import { Button, Link, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import type { Rate } from '../../core/stats/summarizeInspection';
import { listBatches, type BatchInfo } from '../../flows/batches';
import { reportFlow, reportStatus, type ReportResult, type ReportStatus } from '../../flows/reportFlow';
import { quoteSheetName } from '../../excelSpec';
import { BatchPicker } from '../shell/BatchPicker';
import { CalibrationPanel } from './CalibrationPanel';
import { EmptyState } from '../shell/EmptyState';
import { FlowStatus } from '../shell/FlowStatus';
import { DataTable } from '../shell/DataTable';
import { Notice } from '../shell/Notice';
import { usePage } from '../shell/usePage';

/** Report: build or refresh the report sheet; the key figures with their intervals; a way to the sheet. */
export default function ReportPage(): ReactElement {
  const { t, lang, styles, session, flow } = usePage();
  const [batches, setBatches] = useState<BatchInfo[]>();
  const [result, setResult] = useState<ReportResult>();
  const batch = session.batch ?? batches?.find((b) => b.hasSheet)?.batch;
  const info = batches?.find((b) => b.batch === batch);

  useEffect(() => {
    void flow.run(() => listBatches(session.host.runner)).then((list) => list && setBatches(list));
  }, [session.host.runner, flow.run]);

  // Whether the report still matches the inspection sheet: checked
  // on arrival and after every edit the session's watch sees.
  const [status, setStatus] = useState<ReportStatus>();
  useEffect(() => {
    if (!batch) return;
    const check = () => void reportStatus(session.host.runner, batch).then(setStatus, () => setStatus(undefined));
    check();
    return session.watcher.subscribe((change) => change.batch === batch && check());
  }, [batch, session.host.runner, session.watcher, result]);

  const build = async () => {
    if (!batch) return;
    const done = await flow.run(() => reportFlow(session.host.runner, { batch, lang }));
    if (done) {
      setResult(done);
      setBatches((list) => list?.map((b) => (b.batch === batch ? { ...b, hasReport: true } : b)));
    }
  };

  // The ribbon's Refresh report (or its shortcut) refreshes at once, once the batches are known.
  useEffect(() => {
    if (batches && session.start?.page === 'report') {
      session.consumeStart();
      void build();
    }
  });

  if (batches && !batches.some((b) => b.hasSheet)) {
    return (
      <div className={styles.page}>
        <EmptyState titleKey="empty.report.title" bodyKey="empty.report.body" />
        <Notice intent="info">{t('inspect.noBatches')}</Notice>
      </div>
    );
  }

  const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
  const withInterval = (r: Rate) =>
    r.of ? t('report.percentWithInterval', { value: pct(r.rate), low: pct(r.wilson[0]), high: pct(r.wilson[1]) }) : '—';
  const summary = result?.summary;
  const decision = summary?.lotDecision;
  const rows: [string, string][] = summary
    ? [
        [
          t(result.lotUnit === 'decision' ? 'report.lotSizeDecisions' : 'report.lotSize'),
          result.lotSize.toLocaleString(lang),
        ],
        [t('report.sampleSize'), summary.sampleSize.toLocaleString(lang)],
        [t('report.inspected'), summary.inspected.toLocaleString(lang)],
        [t('report.pending'), summary.pending.toLocaleString(lang)],
        [t('report.escalated'), result.escalations.toLocaleString(lang)],
        ...(result.weightedHeadline
          ? ([
              [
                `${t('report.accuracyWeightedHeadline')} · ${t('report.weightedInterval')}`,
                t('report.percentWithInterval', {
                  value: pct(summary.weighted.estimate),
                  low: pct(summary.weighted.interval[0]),
                  high: pct(summary.weighted.interval[1]),
                }),
              ],
              [t('report.accuracyUnweighted'), withInterval(summary.accuracy)],
            ] as [string, string][])
          : ([[`${t('report.accuracy')} · ${t('report.interval')}`, withInterval(summary.accuracy)]] as [
              string,
              string,
            ][])),
        [t('report.overEnforcement'), withInterval(summary.errorRates.over_enforcement)],
        [t('report.underEnforcement'), withInterval(summary.errorRates.under_enforcement)],
        [t('report.wrongPolicy'), withInterval(summary.errorRates.wrong_policy)],
        [t('report.wrongAction'), withInterval(summary.errorRates.wrong_action)],
        [t('report.kappa'), Number.isFinite(summary.kappa) ? summary.kappa.toFixed(3) : '—'],
        [
          t('report.kappaWithPolicy'),
          Number.isFinite(summary.kappaWithPolicy) ? summary.kappaWithPolicy.toFixed(3) : '—',
        ],
        ...(decision
          ? ([
              [
                t('report.decision'),
                decision.decision === 'undecided'
                  ? t('report.decision.undecided', { defects: decision.defects })
                  : t(decision.decision === 'accept' ? 'report.decision.accept' : 'report.decision.reject'),
              ],
            ] as [string, string][])
          : []),
        [t('report.disputed'), result.disputed.toLocaleString(lang)],
        [t('report.overturned'), result.overturned.toLocaleString(lang)],
      ]
    : [];

  return (
    <div className={styles.page}>
      {!result && <EmptyState titleKey="empty.report.title" bodyKey="empty.report.body" />}
      <div className={styles.row}>
        <BatchPicker
          batches={batches}
          value={batch}
          onChange={(b) => {
            session.update({ batch: b });
            setResult(undefined);
          }}
        />
        <Button appearance="primary" disabled={flow.running || !batch} onClick={() => void build()}>
          {t(info?.hasReport ? 'report.refresh' : 'report.build')}
        </Button>
      </div>
      <FlowStatus flow={flow} />
      {status === 'stale' && !flow.running && (
        <Notice intent="warning" testId="report-stale">
          {t('report.status.stale')}
        </Notice>
      )}
      {result && summary && (
        <section className={styles.section} aria-labelledby="figures-title">
          {status !== 'stale' && <Notice intent="success">{t('report.built', { sheet: result.sheet })}</Notice>}
          <Subtitle2 as="h2" id="figures-title">
            {t('report.figures')}
          </Subtitle2>
          {summary.inspected === 0 && <Notice intent="info">{t('report.notInspected')}</Notice>}
          {result.repeatedRows > 0 && (
            <Notice intent="warning">
              {t('report.repeatedRows', { count: result.repeatedRows, sheet: `QA ${batch}` })}
            </Notice>
          )}
          <DataTable
            aria-labelledby="figures-title"
            rows={rows.map(([label, value]) => ({ key: label, cells: [label, <strong key="value">{value}</strong>] }))}
          />
          <Link as="button" onClick={() => void session.host.selectCell(`${quoteSheetName(result.sheet)}!A1`)}>
            {t('report.goTo')}
          </Link>
        </section>
      )}
      <CalibrationPanel batches={batches} />
    </div>
  );
}
