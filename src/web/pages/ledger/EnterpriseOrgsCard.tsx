import { Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { EnterpriseOrg } from '../../api/types.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';

/**
 * The party organizations that cover the enterprise, and those that did: the current first,
 * each linking to its page. One registered above the user's scope is named only as 上级党组织.
 */
export function EnterpriseOrgsCard({ orgs }: { orgs: EnterpriseOrg[] }) {
  const { t, has } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const current = orgs.filter((o) => o.endOn === null).length;

  const coded = (prefix: string, code: string | null) => {
    if (code === null) return '—';
    const key = `${prefix}.${code}`;
    return has(key) ? t(key) : code;
  };
  const name = (o: EnterpriseOrg) =>
    o.name === null ? (
      <Typography.Text type="secondary">{t('enterprise.orgs.above')}</Typography.Text>
    ) : can('org.read') ? (
      <Link to={`/orgs/${o.orgId}`}>{o.name}</Link>
    ) : (
      o.name
    );
  const kind = (o: EnterpriseOrg) =>
    o.name === null ? '—' : `${coded('orgType', o.type)} · ${coded('formation', o.formation)}`;
  const period = (o: EnterpriseOrg) => (
    <span style={{ whiteSpace: 'nowrap' }}>
      {o.startOn} – {o.endOn ?? ''}
      {o.endOn === null && (
        <Tag color="green" style={{ marginInlineStart: 8 }}>
          {t('org.current')}
        </Tag>
      )}
    </span>
  );

  // On a phone one column tells it all; on a desktop, the name, kind and period side by side.
  const columns: TableColumnsType<EnterpriseOrg> = isPhone
    ? [
        {
          title: t('enterprise.orgs.org'),
          key: 'org',
          render: (_, o) => (
            <Flex vertical gap={2}>
              {name(o)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {kind(o)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {period(o)}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('enterprise.orgs.org'), key: 'org', render: (_, o) => name(o) },
        { title: t('enterprise.orgs.kind'), key: 'kind', render: (_, o) => kind(o) },
        { title: t('org.coverage.period'), key: 'period', render: (_, o) => period(o) },
      ];

  return (
    <Card
      size="small"
      title={t('enterprise.orgs.title', { count: current })}
      style={{ marginBottom: 16 }}
      data-testid="enterprise-orgs"
    >
      <Table<EnterpriseOrg>
        rowKey="coverageId"
        size="small"
        columns={columns}
        dataSource={orgs}
        pagination={false}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: t('enterprise.orgs.empty') }}
        rowClassName={(o) => (o.endOn === null ? '' : 'dj-row-past')}
      />
    </Card>
  );
}
