import { DownOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Flex, Typography } from 'antd';
import type { Key } from 'react';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import { useCan } from '../../../session.ts';
import { BulkModal, type BulkSelection } from './BulkModal.tsx';
import { BULK_KINDS, BULK_PERMISSION, type BulkKind, kindLabel } from './fields.tsx';

/** The bulk actions the user may take: none hides the ledger's row selection. */
export function useBulkKinds(): BulkKind[] {
  const can = useCan();
  return BULK_KINDS.filter((k) => can(BULK_PERMISSION[k]));
}

interface Props {
  kinds: BulkKind[];
  selected: Key[];
  /** The list's filters and how many enterprises match them, for “all matching”. */
  filter: Record<string, unknown>;
  total: number;
  allMatching: boolean;
  setAllMatching: (all: boolean) => void;
  onClear: () => void;
  onApplied: () => void;
}

/** Above the ledger: how many rows are selected, “all matching the filters”, and the bulk actions. */
export function BulkBar({ kinds, selected, filter, total, allMatching, setAllMatching, onClear, onApplied }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<BulkKind | null>(null);
  const count = allMatching ? total : selected.length;
  const selection: BulkSelection = allMatching ? { filter } : { enterpriseIds: selected.map(Number) };
  return (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 8 }} data-testid="bulk-bar">
      <Typography.Text>{t('bulk.selected', { n: count.toLocaleString() })}</Typography.Text>
      <Checkbox checked={allMatching} onChange={(e) => setAllMatching(e.target.checked)}>
        {t('bulk.allMatching', { n: total.toLocaleString() })}
      </Checkbox>
      <Dropdown
        trigger={['click']}
        disabled={count === 0}
        menu={{
          items: kinds.map((k) => ({ key: k, label: t(kindLabel(k)) })),
          onClick: ({ key }) => setOpen(key as BulkKind),
        }}
      >
        <Button disabled={count === 0}>
          {t('bulk.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      {count > 0 && (
        <Button type="link" onClick={onClear} style={{ padding: 0 }}>
          {t('bulk.clear')}
        </Button>
      )}
      {open && (
        <BulkModal
          kind={open}
          selection={selection}
          onClose={() => setOpen(null)}
          onApplied={() => {
            onClear();
            onApplied();
          }}
        />
      )}
    </Flex>
  );
}
