import { Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { useLedgerLabels } from './labels.ts';

/** One field's change as the user reads it: 从业人员数：12 → 150. */
export function FieldChange({ field, before, after }: { field: string; before: unknown; after: unknown }) {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  return (
    <>
      {t('history.field', { field: labels.field(field) })}
      <Typography.Text delete>{labels.value(field, before)}</Typography.Text>
      {' → '}
      <Typography.Text strong>{labels.value(field, after)}</Typography.Text>
    </>
  );
}
