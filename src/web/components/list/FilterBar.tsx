import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Input, Select, type SelectProps, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { UserRegionSelect } from '../RegionTreeSelect.tsx';
import { useIsPhone } from '../useIsPhone.ts';
import type { Param } from './params.ts';
import type { ListState } from './useListState.ts';

interface SearchProps {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  label?: string;
  /** Its width on a desktop; on a phone it takes a line of its own. */
  width?: number;
  enterButton?: ReactNode;
}

/** A list's text search, sent on Enter or the button; it shows what the URL holds (a reload, back). */
export function SearchBox({ value, onSearch, placeholder, label, width = 420, enterButton = true }: SearchProps) {
  const isPhone = useIsPhone();
  return (
    <Input.Search
      key={value ?? ''}
      defaultValue={value}
      allowClear
      enterButton={enterButton}
      placeholder={placeholder}
      aria-label={label}
      onSearch={(v) => onSearch(v.trim() || undefined)}
      style={{ maxWidth: isPhone ? undefined : width, flex: isPhone ? '1 1 100%' : undefined }}
    />
  );
}

/**
 * The search of a list whose URL state has a text `q` (useListState with `q: text()`): the box
 * shows the URL's `q`, and a search sets it (back to page 1).
 */
export function qSearch(
  list: ListState<{ q: Param<string | undefined> }>,
  texts: Omit<SearchProps, 'value' | 'onSearch'>,
): SearchProps {
  return { value: list.filter.q, onSearch: (q) => list.set({ q }), ...texts };
}

interface Props {
  /** What stands before the search (a view switch). */
  before?: ReactNode;
  search?: SearchProps;
  /** The filter form; on a phone it folds away behind a button, so the list itself starts on screen. */
  filters?: ReactNode;
  /** How many filters are set: the badge on that button. */
  count?: number;
  filtersLabel?: string;
  children?: ReactNode;
}

/** The bar above a list: a view switch, the search, more filters (folded on a phone) and any other controls. */
export function FilterBar({ before, search, filters, count = 0, filtersLabel, children }: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  return (
    <>
      {(before || search || children || (isPhone && filters)) && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          {before}
          {search && <SearchBox {...search} />}
          {isPhone && filters && (
            <Badge count={count} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)}>
                {filtersLabel ?? t('ledger.filters')}
              </Button>
            </Badge>
          )}
          {children}
        </Flex>
      )}
      {(!isPhone || open) && filters}
    </>
  );
}

/** What a filter form applies: each of `keys` as chosen, a cleared one (null, '') as no filter. */
export function chosenFilters<V extends object, K extends keyof V>(values: V, keys: readonly K[]): Pick<V, K> {
  return Object.fromEntries(keys.map((k) => [k, values[k] || undefined])) as Pick<V, K>;
}

/** 查询 and 重置 under a filter form. */
export function FilterButtons({ onReset }: { onReset: () => void }) {
  const { t } = useI18n();
  return (
    <Space style={{ marginBottom: 12 }}>
      <Button type="primary" htmlType="submit">
        {t('common.search')}
      </Button>
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Space>
  );
}

interface FilterSelectProps<V> extends SelectProps<V> {
  label: string;
  width?: number;
  /** A whole line on a phone, not half. */
  wide?: boolean;
}

/** A filter bar's select (a department, a kind), which may be emptied: half a line on a phone. */
export function FilterSelect<V>({ label, width = 140, wide, ...props }: FilterSelectProps<V>) {
  const isPhone = useIsPhone();
  return (
    <Select<V>
      allowClear
      aria-label={label}
      style={{ minWidth: width, flex: isPhone ? (wide ? '1 1 100%' : '1 1 45%') : undefined }}
      {...props}
    />
  );
}

/** A filter bar's region, under the user's own; half a line on a phone, or a whole one (`wide`). */
export function RegionFilter({
  value,
  onChange,
  placeholder,
  wide,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  placeholder?: string;
  wide?: boolean;
}) {
  const isPhone = useIsPhone();
  return (
    <div style={{ minWidth: 200, flex: isPhone ? (wide ? '1 1 100%' : '1 1 45%') : undefined }}>
      <UserRegionSelect value={value} onChange={onChange} allowClear placeholder={placeholder} />
    </div>
  );
}
