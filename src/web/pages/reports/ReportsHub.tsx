import {
  BarChartOutlined,
  CloudUploadOutlined,
  ExclamationCircleOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

const REPORTS = [
  { path: 'quarterly', icon: <TableOutlined /> },
  { path: 'annual', icon: <BarChartOutlined /> },
  { path: 'lagging', icon: <ExclamationCircleOutlined /> },
  { path: 'nb27', icon: <TableOutlined /> },
  { path: 'nb30', icon: <TableOutlined /> },
  { path: 'nb43', icon: <TableOutlined /> },
  { path: 'orglife', icon: <TeamOutlined /> },
  { path: 'achievements', icon: <TrophyOutlined /> },
  { path: 'deployments', icon: <CloudUploadOutlined /> },
] as const;

/** The three forms of reports.md §1, §2, §4, the 年报 tables 27, 30 and 43, and the two of organisational life (issue #15). */
export default function ReportsHub() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('report.hub.title')}</PageTitle>
      <Row gutter={[16, 16]}>
        {REPORTS.map((r) => (
          <Col key={r.path} xs={24} md={8}>
            <Link to={`/reports/${r.path}`} data-testid={`report-link-${r.path}`}>
              <Card hoverable>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24 }}>{r.icon}</span>}
                  title={t(`report.hub.${r.path}` as MessageKey)}
                  description={
                    <Typography.Text type="secondary">{t(`report.hub.${r.path}Hint` as MessageKey)}</Typography.Text>
                  }
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
