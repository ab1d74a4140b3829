import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from './LanguageContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** What a page will do, shown until it has something to show. */
export function EmptyState(props: { titleKey: MessageKey; bodyKey: MessageKey }): ReactElement {
  const t = useT();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="empty-title">
      <Subtitle2 as="h2" id="empty-title">
        {t(props.titleKey)}
      </Subtitle2>
      <Body1>{t(props.bodyKey)}</Body1>
      <Caption1 className={styles.hint}>{t('empty.notYet')}</Caption1>
    </section>
  );
}
