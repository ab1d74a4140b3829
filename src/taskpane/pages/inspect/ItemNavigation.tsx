import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { useT } from '../../shell/LanguageContext';

const useStyles = makeStyles({
  jump: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1 },
});

/**
 * Go to an item by its ID or its row in the inspection sheet. `onJump` answers whether it found
 * one; when not, the field says what to enter.
 */
export function JumpToItem(props: {
  disabled: boolean;
  lastRow: number;
  onJump(text: string): Promise<boolean>;
}): ReactElement {
  const t = useT();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<string>();
  const go = async () => {
    const wanted = text.trim();
    if (!wanted) return;
    const found = await props.onJump(wanted);
    setMissing(found ? undefined : wanted);
    if (found) setText('');
  };
  return (
    <div className={styles.jump}>
      <Field
        className={styles.field}
        label={t('inspect.jump')}
        validationState={missing ? 'error' : 'none'}
        validationMessage={missing ? t('inspect.jumpNotFound', { text: missing, last: props.lastRow }) : undefined}
      >
        <Input
          value={text}
          onChange={(_, d) => setText(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              void go();
            }
          }}
        />
      </Field>
      <Button disabled={props.disabled || !text.trim()} onClick={() => void go()}>
        {t('inspect.jumpGo')}
      </Button>
    </div>
  );
}
