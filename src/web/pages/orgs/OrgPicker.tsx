import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useRef, useState } from 'react';
import type { ApiResponse, OrgRef } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useLedgerLabels } from '../ledger/labels.ts';
import { useDebounced } from './useDebounced.ts';

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
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const known = useRef(new Map<number, string>());
  if (initial?.name) known.current.set(initial.id, initial.name);
  const query = useQuery({
    queryKey: ['orgs', 'picker', q],
    queryFn: () => api.get<ApiResponse<'/api/orgs'>>('/api/orgs', { q, status: 'active', pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const found = (query.data?.items ?? []).filter((o) => o.id !== exclude);
  for (const o of found) known.current.set(o.id, o.name);
  const options = found.map((o) => ({ value: o.id, label: o.name, type: labels.code('orgType', o.type) }));
  if (value != null && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: known.current.get(value) ?? `#${value}`, type: '' });
  }
  return (
    <Select<number | null>
      id={id}
      allowClear
      value={value ?? undefined}
      placeholder={t('org.form.orgPlaceholder')}
      loading={query.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search, autoClearSearchValue: true }}
      onChange={(v) => {
        setSearch('');
        onChange?.(v ?? null);
      }}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label} <span style={{ color: 'rgba(0,0,0,0.45)' }}>{o.data.type}</span>
        </span>
      )}
      style={{ width: '100%' }}
    />
  );
}
