import { Select } from 'antd';
import { useRef } from 'react';
import type { ApiResponse, OrgRef } from '../../api/types.ts';
import { PickerOption } from '../../components/PickerOption.tsx';
import { usePickerSearch } from '../../components/usePickerSearch.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useLedgerLabels } from '../ledger/labels.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  /** The org as the record names it, so a value shows its name before any search. */
  initial?: OrgRef | null;
  /** An org that may not be picked (the org itself, as its own parent). */
  exclude?: number;
}

/** Picks a party organization by name (GET /api/orgs?q=…), the dissolved ones left out. */
export function OrgPicker({ value, onChange, id, initial, exclude }: Props) {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  const search = usePickerSearch<ApiResponse<'/api/orgs'>>('orgs', '/api/orgs', { status: 'active' });
  const known = useRef(new Map<number, string>());
  if (initial?.name) known.current.set(initial.id, initial.name);
  const found = (search.found.data?.items ?? []).filter((o) => o.id !== exclude);
  for (const o of found) known.current.set(o.id, o.name);
  const options = found.map((o) => ({ value: o.id, label: o.name, type: labels.code('orgType', o.type) }));
  if (value != null && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: known.current.get(value) ?? `#${value}`, type: '' });
  }
  return (
    <Select<number | null>
      id={id}
      {...search.select}
      value={value ?? undefined}
      placeholder={t('org.form.orgPlaceholder')}
      onChange={(v) => {
        search.picked();
        onChange?.(v ?? null);
      }}
      options={options}
      optionRender={(o) => <PickerOption label={o.label} detail={o.data.type} />}
      style={{ width: '100%' }}
    />
  );
}
