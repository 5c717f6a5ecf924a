import { Typography } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { useLedgerLabels } from './labels.ts';

interface Props {
  field: string;
  before: unknown;
  after: unknown;
  /** How a value reads (a region by its name); the ledger's labels by default. */
  value?: (field: string, value: unknown) => string;
}

/** One field's change as the user reads it: 从业人员数：12 → 150. */
export function FieldChange({ field, before, after, value }: Props) {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  const shown = value ?? labels.value;
  return (
    <>
      {t('history.field', { field: labels.field(field) })}
      <Typography.Text delete>{shown(field, before)}</Typography.Text>
      {' → '}
      <Typography.Text strong>{shown(field, after)}</Typography.Text>
    </>
  );
}
