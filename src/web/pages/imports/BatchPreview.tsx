import { Card, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { AnyBatch } from '../../api/types.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { BatchIssuesTable } from './BatchIssuesTable.tsx';
import { BatchMissingTable } from './BatchMissingTable.tsx';
import { BatchRowsTable } from './BatchRowsTable.tsx';
import { KindRowsTable } from './KindRowsTable.tsx';
import { KIND_DEFS, type KindDef } from './kinds.ts';

interface TabDef {
  key: string;
  label: MessageKey;
  /** A key of the batch's counts. */
  count: string;
  list: (batchId: number) => ReactNode;
}

const issues = (kind: KindDef, severity: 'error' | 'warning') => (id: number) => (
  <BatchIssuesTable path={kind.api(id)} severity={severity} />
);

// Each count of the reconciliation is a tab listing its rows.
const ENTERPRISE_TABS: TabDef[] = [
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
  { key: 'errors', label: 'batch.tab.errors', count: 'errors', list: issues(KIND_DEFS.enterprises, 'error') },
  { key: 'warnings', label: 'batch.tab.warnings', count: 'warnings', list: issues(KIND_DEFS.enterprises, 'warning') },
];

/** An org or member file: what it adds, changes and leaves, and its errors and warnings (no missing rows, no discrepancies). */
function kindTabs(kind: KindDef): TabDef[] {
  const rows = (outcome: 'added' | 'changed' | 'unchanged') => (id: number) => (
    <KindRowsTable kind={kind} batchId={id} outcome={outcome} />
  );
  return [
    { key: 'added', label: 'batch.tab.added', count: 'added', list: rows('added') },
    { key: 'changed', label: 'batch.tab.changed', count: 'changed', list: rows('changed') },
    { key: 'unchanged', label: 'batch.tab.unchanged', count: 'unchanged', list: rows('unchanged') },
    { key: 'errors', label: 'batch.tab.errors', count: 'errors', list: issues(kind, 'error') },
    { key: 'warnings', label: 'batch.tab.warnings', count: 'warnings', list: issues(kind, 'warning') },
  ];
}

const tabsOf = (kind: KindDef): TabDef[] => (kind.kind === 'enterprises' ? ENTERPRISE_TABS : kindTabs(kind));

/** The tab to open first: the errors when there are any, else the first list with something in it. */
function firstTab(tabs: TabDef[], counts: AnyBatch['counts']): string {
  if ((counts.errors ?? 0) > 0) return 'errors';
  return tabs.find((tab) => (counts[tab.count] ?? 0) > 0)?.key ?? 'added';
}

/** What the batch would do (or did), count by count, each with its rows. */
export function BatchPreview({ batch, kind }: { batch: AnyBatch; kind: KindDef }) {
  const { t } = useI18n();
  const tabs = tabsOf(kind);
  // The open tab is in the URL, so a reload or a shared link shows the same list.
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const active = asked && tabs.some((tab) => tab.key === asked) ? asked : firstTab(tabs, batch.counts);
  const c = batch.counts;

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Typography.Text strong data-testid="batch-rows">
        {t('batch.summary', { rows: (c.rows ?? 0).toLocaleString() })}
      </Typography.Text>
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={tabs.map((tab) => ({
          key: tab.key,
          label: `${t(tab.label)} ${(c[tab.count] ?? 0).toLocaleString()}`,
          children: tab.list(batch.id),
        }))}
      />
    </Card>
  );
}
