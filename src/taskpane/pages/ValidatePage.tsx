import { Body1, Button, Caption1, Link, MessageBar, MessageBarBody, Subtitle2, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useContext, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { FindingSeverity } from '../../core/model';
import type { FindingCode } from '../../core/validation/finding';
import { findingTitle, renderFinding } from '../../excel/renderFinding';
import { validateFlow, type ValidateResult } from '../../excel/validateFlow';
import { EmptyState } from '../shell/EmptyState';
import { FlowStatus } from '../shell/FlowStatus';
import { LanguageContext, useT } from '../shell/LanguageContext';
import { useSession } from '../shell/Session';
import { usePageStyles } from '../shell/styles';
import { useFlow } from '../shell/useFlow';

/** Findings listed at once; the rest are in the QA Findings sheet (a list of 200,000 buttons helps nobody). */
const SHOWN = 300;
const SEVERITIES: FindingSeverity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  finding: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', textAlign: 'start', gap: tokens.spacingVerticalXXS },
  group: { marginTop: tokens.spacingVerticalS },
  suggestion: { color: tokens.colorNeutralForeground3 },
});

/** Validate: counts per rule, findings grouped by rule and filtered by severity; a finding selects its cell. */
export default function ValidatePage(): ReactElement {
  const t = useT();
  const lang = useContext(LanguageContext);
  const page = usePageStyles();
  const styles = useStyles();
  const session = useSession();
  const flow = useFlow();
  const [result, setResult] = useState<ValidateResult>();
  const [severity, setSeverity] = useState<FindingSeverity | 'all'>('all');
  const [rule, setRule] = useState<FindingCode | undefined>();

  const validate = async () => {
    const done = await flow.run((control) => validateFlow(session.host.runner, { ...control, sheet: session.sheet, mapping: session.mapping, lang }));
    if (done) {
      setResult(done);
      setRule(undefined);
    }
  };

  // The ribbon's Validate (or its shortcut) validates at once.
  useEffect(() => {
    if (session.start?.page === 'validate') {
      session.consumeStart();
      void validate();
    }
  });

  const counts = useMemo(() => {
    if (!result) return [];
    return (Object.entries(result.counts) as [FindingCode, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  }, [result]);
  const severityCount = (s: FindingSeverity) => result?.findings.filter((f) => f.severity === s).length ?? 0;
  const filtered = useMemo(() => (result ? result.findings.filter((f) => (severity === 'all' || f.severity === severity) && (!rule || f.code === rule)) : []), [result, severity, rule]);
  const groups = useMemo(() => {
    const byCode = new Map<FindingCode, typeof filtered>();
    for (const f of filtered.slice(0, SHOWN)) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
    return [...byCode.entries()];
  }, [filtered]);

  return (
    <div className={page.page}>
      {!result && <EmptyState titleKey="empty.validate.title" bodyKey="empty.validate.body" />}
      <div className={page.row}>
        <Button appearance="primary" disabled={flow.running} onClick={() => void validate()}>
          {t(result ? 'validate.again' : 'validate.run')}
        </Button>
      </div>
      <FlowStatus flow={flow} />
      {result && (
        <>
          <MessageBar intent={result.findings.length ? 'warning' : 'success'}>
            <MessageBarBody>
              {t('validate.checked', { rows: result.rowsChecked.toLocaleString(lang), sheet: result.sheet, findings: result.findings.length.toLocaleString(lang) })}
              {result.findings.length === 0 ? ` ${t('validate.clean')}` : ''}
            </MessageBarBody>
          </MessageBar>
          {counts.length > 0 && (
            <section className={page.section} aria-labelledby="rules-title">
              <Subtitle2 as="h2" id="rules-title">
                {t('validate.byRule')}
              </Subtitle2>
              <Table size="small" aria-labelledby="rules-title">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('validate.rule')}</TableHeaderCell>
                    <TableHeaderCell>{t('validate.count')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {counts.map(([code, n]) => (
                    <TableRow key={code} aria-selected={rule === code}>
                      <TableCell>
                        <Link as="button" onClick={() => setRule(rule === code ? undefined : code)} aria-pressed={rule === code}>
                          {findingTitle(code, lang)}
                        </Link>
                      </TableCell>
                      <TableCell>{n.toLocaleString(lang)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          )}
          {result.findings.length > 0 && (
            <section className={page.section} aria-labelledby="findings-title">
              <Subtitle2 as="h2" id="findings-title">
                {t('validate.list')}
              </Subtitle2>
              <TabList size="small" selectedValue={severity} onTabSelect={(_, data) => setSeverity(data.value as FindingSeverity | 'all')} aria-label={t('validate.filter')}>
                <Tab value="all">
                  {t('severity.all')} ({result.findings.length.toLocaleString(lang)})
                </Tab>
                {SEVERITIES.filter((s) => severityCount(s) > 0).map((s) => (
                  <Tab key={s} value={s}>
                    {t(`severity.${s}`)} ({severityCount(s).toLocaleString(lang)})
                  </Tab>
                ))}
              </TabList>
              {filtered.length > SHOWN && <Caption1 className={page.muted}>{t('validate.shown', { shown: SHOWN, total: filtered.length.toLocaleString(lang) })}</Caption1>}
              {groups.map(([code, findings]) => (
                <div key={code} className={styles.group}>
                  <Body1 as="h3">
                    <strong>{findingTitle(code, lang)}</strong>
                  </Body1>
                  <ul className={styles.list}>
                    {findings.map((f) => (
                      <li key={`${f.address}-${f.code}`}>
                        <Button
                          appearance="subtle"
                          className={styles.finding}
                          onClick={() => void session.host.selectCell(f.address)}
                        >
                          <span>{renderFinding(f, lang, f.sheet)}</span>
                          {f.suggestion && <Caption1 className={styles.suggestion}>{t('validate.suggestion', { value: f.suggestion })}</Caption1>}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}
