import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { LedgerList } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useDebounced } from '../orgs/useDebounced.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  /** The employer as the record names it, so the value shows its name before any search. */
  initial?: { id: number; name: string | null } | null;
}

/** Picks one enterprise of the ledger (a member's 工作单位) by name or credit code. */
export function EmployerPicker({ value, onChange, id, initial }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const known = useRef(new Map<number, { name: string; uscc: string }>());
  if (initial?.name && !known.current.has(initial.id)) known.current.set(initial.id, { name: initial.name, uscc: '' });
  const query = useQuery({
    queryKey: ['ledger', 'picker', q],
    queryFn: () => api.get<LedgerList>('/api/enterprises', { q, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  for (const e of query.data?.items ?? []) known.current.set(e.id, { name: e.name, uscc: e.uscc });
  const options = (query.data?.items ?? []).map((e) => ({ value: e.id, label: e.name, uscc: e.uscc }));
  if (value != null && !options.some((o) => o.value === value)) {
    const k = known.current.get(value);
    options.unshift({ value, label: k?.name ?? `#${value}`, uscc: k?.uscc ?? '' });
  }
  return (
    <Select<number | null>
      id={id}
      allowClear
      value={value ?? undefined}
      placeholder={t('org.form.enterprisePlaceholder')}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? undefined : t('ledger.empty')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search, autoClearSearchValue: true }}
      onChange={(v) => {
        setSearch('');
        onChange?.(v ?? null);
      }}
      options={options}
      optionRender={(o) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{o.label}</Typography.Text>
          {o.data.uscc && (
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {o.data.uscc}
            </Typography.Text>
          )}
        </Flex>
      )}
      style={{ width: '100%' }}
    />
  );
}
