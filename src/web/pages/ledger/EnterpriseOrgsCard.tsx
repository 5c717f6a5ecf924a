import { Flex, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { EnterpriseOrg } from '../../api/types.ts';
import { DateSpan, SubLine, TableCard } from '../../components/CardTable.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';

/**
 * The party organizations that cover the enterprise, and those that did: the current first,
 * each linking to its page. One registered above the user's scope is named only as 上级党组织.
 */
export function EnterpriseOrgsCard({ orgs }: { orgs: EnterpriseOrg[] }) {
  const { t, has } = useI18n();
  const can = useCan();
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
    <DateSpan from={o.startOn} to={o.endOn} current={o.endOn === null ? t('org.current') : undefined} />
  );

  // On a phone one column tells it all; on a desktop, the name, kind and period side by side.
  const phone: TableColumnsType<EnterpriseOrg>[number] = {
    title: t('enterprise.orgs.org'),
    key: 'org',
    render: (_, o) => (
      <Flex vertical gap={2}>
        {name(o)}
        <SubLine>{kind(o)}</SubLine>
        <SubLine>{period(o)}</SubLine>
      </Flex>
    ),
  };
  const columns: TableColumnsType<EnterpriseOrg> = [
    { title: t('enterprise.orgs.org'), key: 'org', render: (_, o) => name(o) },
    { title: t('enterprise.orgs.kind'), key: 'kind', render: (_, o) => kind(o) },
    { title: t('org.coverage.period'), key: 'period', render: (_, o) => period(o) },
  ];

  return (
    <TableCard<EnterpriseOrg>
      title={t('enterprise.orgs.title', { count: current })}
      testId="enterprise-orgs"
      rowKey="coverageId"
      rows={orgs}
      empty={t('enterprise.orgs.empty')}
      columns={columns}
      phone={phone}
      past={(o) => o.endOn !== null}
    />
  );
}
