import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useContext, type ReactElement } from 'react';
import type { FlowState } from './useFlow';
import { LanguageContext, useT } from './LanguageContext';
import { Notice } from './Notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  progress: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

/** A running flow's progress bar with Cancel, or its failure as a message bar. */
export function FlowStatus(props: { flow: FlowState & { cancel(): void; clearError(): void } }): ReactElement | null {
  const t = useT();
  const lang = useContext(LanguageContext);
  const styles = useStyles();
  const { running, progress, error } = props.flow;
  if (!running && !error) return null;
  return (
    <div className={styles.root}>
      {running && (
        <div className={styles.progress}>
          <Field
            className={styles.bar}
            label={t('ui.working')}
            validationState="none"
            validationMessage={
              progress
                ? t('ui.progress', {
                    done: progress.done.toLocaleString(lang),
                    total: progress.total.toLocaleString(lang),
                  })
                : undefined
            }
          >
            <ProgressBar
              value={progress && progress.total ? progress.done / progress.total : undefined}
              aria-label={t('ui.working')}
            />
          </Field>
          <Button onClick={props.flow.cancel}>{t('ui.cancel')}</Button>
        </div>
      )}
      {error && (
        <Notice
          intent="error"
          role="alert"
          title={t('ui.errorTitle')}
          actions={[{ label: t('ui.dismiss'), onClick: props.flow.clearError }]}
        >
          {error.render(lang)}
        </Notice>
      )}
    </div>
  );
}
