import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Input, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useIsPhone } from '../useIsPhone.ts';

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
