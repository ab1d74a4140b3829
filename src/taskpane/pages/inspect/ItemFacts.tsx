import { Badge, Body1, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { InspectionRow } from '../../../flows/inspectionRows';
import { isOpenableUrl } from '../../host';
import { useT } from '../../shell/LanguageContext';
import { Notice } from '../../shell/Notice';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  plain: { overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace },
});

/**
 * The moderator's decision on the item, its severity warning and its link. In blind review
 * (`hidden`) the verdict and policy stay hidden until the inspector saved their own.
 */
export function ItemFacts(props: {
  row: InspectionRow;
  hidden: boolean;
  describe(code: string): string;
  openUrl(url: string): void;
}): ReactElement {
  const t = useT();
  const styles = useStyles();
  const { row, hidden } = props;
  return (
    <>
      <Body1 as="h3">
        <strong>{t('inspect.original')}</strong>
      </Body1>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('field.moderator')}</dt>
        <dd className={styles.value}>{row.moderator}</dd>
        <dt className={styles.term}>{t('field.verdict')}</dt>
        <dd className={styles.value} data-blind={hidden ? 'hidden' : undefined}>
          {hidden ? t('inspect.blindHidden') : row.verdict ? t(`verdict.${row.verdict}`) : '—'}
        </dd>
        <dt className={styles.term}>{t('field.policy')}</dt>
        <dd className={styles.value} data-blind={hidden ? 'hidden' : undefined}>
          {hidden ? t('inspect.blindHidden') : row.policy ? props.describe(row.policy) : t('inspect.noPolicy')}
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
        <Notice intent="warning">{t('inspect.severe', { severity: row.severity })}</Notice>
      )}
      {row.url &&
        (isOpenableUrl(row.url) ? (
          <Link as="button" onClick={() => props.openUrl(row.url)}>
            {t('inspect.openLink')}
          </Link>
        ) : (
          <Caption1>
            {t('inspect.notOpenable')} <span className={styles.plain}>{row.url}</span>
          </Caption1>
        ))}
    </>
  );
}
