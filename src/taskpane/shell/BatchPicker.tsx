import { Field, Select } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { BatchInfo } from '../../flows/batches';
import { useT } from './LanguageContext';

/** Picks one of the workbook's batches that still has its inspection sheet (Inspect and Report). */
export function BatchPicker(props: {
  batches: BatchInfo[] | undefined;
  value: string | undefined;
  onChange(batch: string): void;
}): ReactElement {
  const t = useT();
  return (
    <Field label={t('inspect.batch')}>
      <Select value={props.value ?? ''} onChange={(_, d) => props.onChange(d.value)}>
        {(props.batches ?? [])
          .filter((b) => b.hasSheet)
          .map((b) => (
            <option key={b.batch} value={b.batch}>
              {b.batch}
            </option>
          ))}
      </Select>
    </Field>
  );
}
