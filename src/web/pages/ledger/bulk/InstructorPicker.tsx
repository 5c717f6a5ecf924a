import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { ApiResponse } from '../../../api/types.ts';
import { api } from '../../../api.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useDebounced } from '../../orgs/useDebounced.ts';

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  id?: string;
}

/** Picks a serving instructor or liaison by name (GET /api/instructors?q=…), with their department. */
export function InstructorPicker({ value, onChange, id }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ['instructors', 'picker', q],
    queryFn: () => api.get<ApiResponse<'/api/instructors'>>('/api/instructors', { q, status: 'serving', pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const options = (query.data?.items ?? []).map((i) => ({
    value: i.id,
    label: i.name,
    detail: [i.kindLabel, i.sourceDepartmentName, i.post].filter(Boolean).join(' · '),
  }));
  return (
    <Select<number>
      id={id}
      allowClear
      value={value}
      placeholder={t('bulk.instructorPlaceholder')}
      loading={query.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search, autoClearSearchValue: true }}
      onChange={(v) => {
        setSearch('');
        onChange?.(v ?? undefined);
      }}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label} <span style={{ color: 'rgba(0,0,0,0.45)' }}>{o.data.detail}</span>
        </span>
      )}
      style={{ width: '100%' }}
    />
  );
}
