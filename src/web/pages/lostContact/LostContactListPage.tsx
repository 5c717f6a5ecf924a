// 失联党员: the region's lost-contact members (a secretary: the org's), open cases first, with
// the 失联情形, since when, the searches made and the outcome; a name opens the member, where the
// case is worked. Phone: one line per member. A link opens 年报表43 for whoever reads reports.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { LostContactList } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserRegionSelect } from '../../components/RegionTreeSelect.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';
import { circumstanceKey, outcomeKey } from './labels.ts';

type Item = LostContactList['items'][number];
const STATES = ['open', 'closed', 'all'] as const;

export default function LostContactListPage() {
  const { t } = useI18n();
  const can = useCan();
  const user = useUser();
  const isPhone = useIsPhone();
  const [region, setRegion] = useState(user.regionCode);
  const [state, setState] = useState<(typeof STATES)[number]>('open');
  const query = useQuery({
    queryKey: ['lost-contacts', region, state],
    queryFn: () => api.get<LostContactList>('/api/lost-contacts', { region, state }),
  });
  const status = (x: Item) =>
    x.outcome ? (
      <Tag>{`${t(outcomeKey(x.outcome))} · ${x.outcomeOn}`}</Tag>
    ) : (
      <Tag color="red">{t('lost.searching')}</Tag>
    );
  const member = (x: Item) => <Link to={`/members/${x.memberId}`}>{x.memberName}</Link>;
  const columns: TableColumnsType<Item> = isPhone
    ? [
        {
          key: 'phone',
          render: (_, x) => (
            <Flex vertical gap={2}>
              <Flex justify="space-between" gap={8}>
                {member(x)}
                {status(x)}
              </Flex>
              <Typography.Text type="secondary">
                {`${t(circumstanceKey(x.circumstance))} · ${t('lost.field.since')} ${x.outOfContactSince}`}
              </Typography.Text>
              <Typography.Text type="secondary">{`${x.orgName} · ${t('lost.field.searches')} ${x.searchCount}`}</Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('lost.field.state'), key: 'state', render: (_, x) => status(x) },
        { title: t('member.field.name'), key: 'member', render: (_, x) => member(x) },
        {
          title: t('lost.field.org'),
          key: 'org',
          render: (_, x) => <Link to={`/orgs/${x.orgId}`}>{x.orgName}</Link>,
        },
        { title: t('lost.field.circumstance'), key: 'c', render: (_, x) => t(circumstanceKey(x.circumstance)) },
        { title: t('lost.field.since'), dataIndex: 'outOfContactSince' },
        { title: t('lost.field.recordedOn'), dataIndex: 'recordedOn' },
        { title: t('lost.field.searches'), dataIndex: 'searchCount', align: 'right' },
        { title: t('lost.field.lastSearch'), key: 'last', render: (_, x) => x.lastSearchOn ?? '—' },
      ];
  return (
    <>
      <PageTitle
        extra={
          can('report.read') && (
            <Link to={`/reports/nb43?region=${region}`}>
              <Button data-testid="lost-nb43">{t('lost.table43')}</Button>
            </Link>
          )
        }
      >
        {t('lost.listTitle')}
      </PageTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          {user.orgId === null && (
            <Form.Item label={t('report.regionCol')} style={{ marginBottom: 0, minWidth: 220 }}>
              <UserRegionSelect value={region} onChange={(v) => setRegion(v ?? user.regionCode)} />
            </Form.Item>
          )}
          <Segmented
            value={state}
            onChange={(v) => setState(v as (typeof STATES)[number])}
            options={STATES.map((s) => ({ value: s, label: t(`lost.state.${s}`) }))}
            data-testid="lost-state"
          />
        </Flex>
      </Card>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : (
        <Table<Item>
          rowKey="id"
          size="small"
          loading={!query.data}
          dataSource={query.data?.items ?? []}
          columns={columns}
          showHeader={!isPhone}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={isPhone ? undefined : { x: 'max-content' }}
          locale={{ emptyText: t('lost.empty') }}
          data-testid="lost-list"
        />
      )}
    </>
  );
}
