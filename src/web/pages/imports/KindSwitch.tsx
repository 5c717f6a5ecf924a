import { Radio } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { type ImportKind, KIND_DEFS } from './kinds.ts';

/** The choice between the files the user may import (or whose batches they may see). */
export function KindSwitch({
  offered,
  value,
  onChange,
}: {
  offered: readonly ImportKind[];
  value: ImportKind;
  onChange: (kind: ImportKind) => void;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      value={value}
      onChange={(e) => onChange(e.target.value as ImportKind)}
      options={offered.map((k) => ({ value: k, label: t(KIND_DEFS[k].label) }))}
      aria-label={t('import.kind')}
    />
  );
}
