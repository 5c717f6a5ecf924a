import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { AnyBatch, Page } from '../../api/types.ts';
import { ListView } from '../../components/list/ListView.tsx';
import { oneOf } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { BatchStatusTag } from './BatchStatusTag.tsx';
import { KindSwitch } from './KindSwitch.tsx';
import { IMPORT_KINDS, type ImportKind, importHref, KIND_DEFS, visibleKinds } from './kinds.ts';

const BATCH_LIST = { kind: oneOf(IMPORT_KINDS, 'enterprises') };

/**
 * The imports in the user's scope, newest first, one kind at a time (enterprises, orgs or
 * members: each has its own batches and permission); each opens its preview or result. The
 * kind and page are in the URL (`?kind=orgs&page=2`); without a kind, the enterprise batches.
 */
export default function BatchesPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListState(BATCH_LIST);
  const offered = visibleKinds(can);
  const kind: ImportKind = offered.includes(list.filter.kind) ? list.filter.kind : 'enterprises';
  const def = KIND_DEFS[kind];
  const query = usePagedQuery<Page<AnyBatch>>(['ledger', 'batches', kind], def.list, {}, list);

  const columns: TableColumnsType<AnyBatch> = [
    {
      title: t('batches.col.id'),
      dataIndex: 'id',
      render: (id: number) => <Link to={def.page(id)}>#{id}</Link>,
    },
    // Only the enterprise file is filed under a period and a source.
    ...(def.labelled
      ? [
          { title: t('batch.period'), dataIndex: 'period' },
          { title: t('batch.source'), dataIndex: 'source' },
        ]
      : []),
    {
      title: t('batch.fileName'),
      dataIndex: 'fileName',
      render: (name: string, b) => <Link to={def.page(b.id)}>{name}</Link>,
    },
    { title: t('batch.actor'), dataIndex: 'actorName' },
    {
      title: t('batch.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    { title: t('users.col.status'), dataIndex: 'status', render: (_, b) => <BatchStatusTag status={b.status} /> },
    {
      title: t('batches.col.result'),
      key: 'counts',
      render: (_, b) => {
        // A failed batch wrote nothing: its reason, not the counts its read had reached.
        if (b.status === 'failed') return <Typography.Text type="danger">{b.failure}</Typography.Text>;
        if (b.status === 'discarded') return null;
        const c = b.counts;
        if (c.rows === undefined) return null;
        const counts = t('batches.counts', {
          added: c.added ?? 0,
          changed: c.changed ?? 0,
          unchanged: c.unchanged ?? 0,
        });
        return c.errors ? `${counts} · ${t('batches.errors', { errors: c.errors })}` : counts;
      },
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          can(def.permission) && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate(importHref(kind))}>
              {t('nav.ledgerImport')}
            </Button>
          )
        }
      >
        {t('batches.title')}
      </PageTitle>
      <Card size="small">
        {offered.length > 1 && (
          <div style={{ marginBottom: 12 }}>
            <KindSwitch offered={offered} value={kind} onChange={(k) => list.set({ kind: k })} />
          </div>
        )}
        <ListView<AnyBatch>
          query={query}
          columns={columns}
          empty={t('batches.empty')}
          paging={list}
          totalText={(total) => t('common.total', { total })}
        />
      </Card>
    </>
  );
}
