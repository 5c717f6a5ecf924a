import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { OrgDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';

/** The org page's 党员 section: the recorded members counted, and the way to its roster, mobile members, transfers and development board. */
export function OrgMembersCard({ detail }: { detail: OrgDetail }) {
  const { t } = useI18n();
  const can = useCan();
  if (!can('member.read')) return null;
  const { org, facts } = detail;
  const link = (to: string, label: string, testId: string) => (
    <Link to={to} data-testid={testId}>
      {label} <RightOutlined style={{ fontSize: 10 }} />
    </Link>
  );
  const figures = [
    { key: 'full', title: t('member.status.full'), value: facts.recordedFull },
    { key: 'probationary', title: t('member.status.probationary'), value: facts.recordedProbationary },
    { key: 'mobile', title: t('member.tag.mobile'), value: facts.mobile },
    { key: 'elsewhere', title: t('member.tag.relationElsewhere'), value: facts.relationElsewhere },
  ];
  return (
    <Card
      size="small"
      title={t('member.orgSection.title', {
        count: facts.recordedFull + facts.recordedProbationary + facts.relationElsewhere,
      })}
      style={{ marginBottom: 16 }}
      data-testid="org-members-card"
    >
      <Row gutter={[16, 8]} style={{ marginBottom: 8 }}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} sm={6}>
            <Statistic title={f.title} value={f.value} />
          </Col>
        ))}
      </Row>
      {!facts.membersRecorded && (
        <Typography.Paragraph type="secondary">{t('member.orgSection.notRecorded')}</Typography.Paragraph>
      )}
      <Flex wrap gap={16}>
        {link(`/members?orgId=${org.id}`, t('member.orgSection.roster'), 'org-roster-link')}
        {link(`/members?orgId=${org.id}&view=mobile`, t('member.view.mobile'), 'org-mobile-link')}
        {link(`/members/transfers?orgId=${org.id}`, t('nav.memberTransfers'), 'org-transfers-link')}
        {link(`/developments/orgs/${org.id}`, t('development.board'), 'org-development-link')}
      </Flex>
    </Card>
  );
}
