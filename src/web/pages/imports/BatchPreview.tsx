import { Card, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import type { BatchCounts, ImportBatch } from '../../types.ts';
import { BatchIssuesTable } from './BatchIssuesTable.tsx';
import { BatchMissingTable } from './BatchMissingTable.tsx';
import { BatchRowsTable } from './BatchRowsTable.tsx';

interface TabDef {
  key: string;
  label: MessageKey;
  count: keyof BatchCounts;
  list: (batchId: number) => ReactNode;
}

// Each count of the reconciliation is a tab listing its rows.
const TABS: TabDef[] = [
  {
    key: 'added',
    label: 'batch.tab.added',
    count: 'added',
    list: (id) => <BatchRowsTable batchId={id} outcome="added" />,
  },
  {
    key: 'changed',
    label: 'batch.tab.changed',
    count: 'changed',
    list: (id) => <BatchRowsTable batchId={id} outcome="changed" />,
  },
  {
    key: 'unchanged',
    label: 'batch.tab.unchanged',
    count: 'unchanged',
    list: (id) => <BatchRowsTable batchId={id} outcome="unchanged" />,
  },
  { key: 'missing', label: 'batch.tab.missing', count: 'missing', list: (id) => <BatchMissingTable batchId={id} /> },
  {
    key: 'discrepancy',
    label: 'batch.tab.discrepancy',
    count: 'discrepancies',
    list: (id) => <BatchRowsTable batchId={id} outcome="discrepancy" />,
  },
  {
    key: 'errors',
    label: 'batch.tab.errors',
    count: 'errors',
    list: (id) => <BatchIssuesTable batchId={id} severity="error" />,
  },
  {
    key: 'warnings',
    label: 'batch.tab.warnings',
    count: 'warnings',
    list: (id) => <BatchIssuesTable batchId={id} severity="warning" />,
  },
];

/** The tab to open first: the errors when there are any, else the first list with something in it. */
function firstTab(counts: ImportBatch['counts']): string {
  if ((counts.errors ?? 0) > 0) return 'errors';
  return TABS.find((tab) => (counts[tab.count] ?? 0) > 0)?.key ?? 'added';
}

/** What the batch would do (or did) to the ledger, count by count, each with its rows. */
export function BatchPreview({ batch }: { batch: ImportBatch }) {
  const { t } = useI18n();
  // The open tab is in the URL, so a reload or a shared link shows the same list.
  const [params, setParams] = useSearchParams();
  const active = params.get('tab') ?? firstTab(batch.counts);
  const c = batch.counts;

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Typography.Text strong data-testid="batch-rows">
        {t('batch.summary', { rows: (c.rows ?? 0).toLocaleString() })}
      </Typography.Text>
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={TABS.map((tab) => ({
          key: tab.key,
          label: `${t(tab.label)} ${(c[tab.count] ?? 0).toLocaleString()}`,
          children: tab.list(batch.id),
        }))}
      />
    </Card>
  );
}
