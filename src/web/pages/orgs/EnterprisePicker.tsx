import { Flex, Select, Tag, Typography } from 'antd';
import { useRef } from 'react';
import type { Enterprise, LedgerList } from '../../api/types.ts';
import { usePickerSearch } from '../../components/usePickerSearch.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CATEGORY_COLORS, useLedgerLabels } from '../ledger/labels.ts';

type Value = number | number[] | undefined;

interface Props {
  /** One enterprise (standalone) or several (joint). */
  multiple: boolean;
  value?: Value;
  onChange?: (value: Value, picked: Enterprise[]) => void;
  id?: string;
}

/** Picks enterprises of the ledger by name or credit code (GET /api/enterprises?q=…), showing each one's category. */
export function EnterprisePicker({ multiple, value, onChange, id }: Props) {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  const search = usePickerSearch<LedgerList>('ledger', '/api/enterprises');
  const query = search.found;
  // The enterprises seen so far, so a chosen one keeps its name when the search moves on.
  const known = useRef(new Map<number, Enterprise>());
  for (const e of query.data?.items ?? []) known.current.set(e.id, e);
  const chosen = (Array.isArray(value) ? value : value == null ? [] : [value])
    .map((v) => known.current.get(v))
    .filter((e): e is Enterprise => e !== undefined);
  const shown = [...chosen, ...(query.data?.items ?? []).filter((e) => !chosen.some((c) => c.id === e.id))];

  return (
    <Select<Value>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      {...search.select}
      value={value}
      placeholder={t('org.form.enterprisePlaceholder')}
      notFoundContent={query.isFetching ? undefined : t('ledger.empty')}
      onChange={(v) => {
        search.picked();
        const ids = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
        onChange?.(
          v ?? undefined,
          ids.map((i) => known.current.get(i)).filter((e): e is Enterprise => e !== undefined),
        );
      }}
      options={shown.map((e) => ({
        value: e.id,
        label: e.name,
        title: e.name,
        render: e,
      }))}
      optionRender={(option) => {
        const e = option.data.render as Enterprise;
        return (
          <Flex justify="space-between" align="center" gap={8}>
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text ellipsis>{e.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {e.uscc}
              </Typography.Text>
            </Flex>
            {e.category && (
              <Tag color={CATEGORY_COLORS[e.category]} style={{ marginInlineEnd: 0 }}>
                {labels.code('category', e.category)}
              </Tag>
            )}
          </Flex>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
