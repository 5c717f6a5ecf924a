import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useDebounced } from '../orgs/useDebounced.ts';

/** Picks a member on the roster by name (GET /api/members?q=…). */
export function MemberPicker({
  value,
  onChange,
  id,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () => api.get<ApiResponse<'/api/members'>>('/api/members', { q, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<number | null>
      id={id}
      allowClear
      value={value ?? undefined}
      loading={query.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search, autoClearSearchValue: true }}
      onChange={(v) => {
        setSearch('');
        onChange?.(v ?? null);
      }}
      options={(query.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
    />
  );
}
