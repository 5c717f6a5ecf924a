import { Flex, Select, Typography } from 'antd';
import { useRef } from 'react';
import type { LedgerList } from '../../api/types.ts';
import { usePickerSearch } from '../../components/usePickerSearch.ts';
import { useI18n } from '../../i18n/index.tsx';

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
  const search = usePickerSearch<LedgerList>('ledger', '/api/enterprises');
  const query = search.found;
  const known = useRef(new Map<number, { name: string; uscc: string }>());
  if (initial?.name && !known.current.has(initial.id)) known.current.set(initial.id, { name: initial.name, uscc: '' });
  for (const e of query.data?.items ?? []) known.current.set(e.id, { name: e.name, uscc: e.uscc });
  const options = (query.data?.items ?? []).map((e) => ({ value: e.id, label: e.name, uscc: e.uscc }));
  if (value != null && !options.some((o) => o.value === value)) {
    const k = known.current.get(value);
    options.unshift({ value, label: k?.name ?? `#${value}`, uscc: k?.uscc ?? '' });
  }
  return (
    <Select<number | null>
      id={id}
      {...search.select}
      value={value ?? undefined}
      placeholder={t('org.form.enterprisePlaceholder')}
      notFoundContent={query.isFetching ? undefined : t('ledger.empty')}
      onChange={(v) => {
        search.picked();
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
