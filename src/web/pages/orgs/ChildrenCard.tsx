import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { OrgDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useLedgerLabels } from '../ledger/labels.ts';
import { DissolvedTag } from './OrgTags.tsx';

/** The orgs whose parent this one is. */
export function ChildrenCard({ detail }: { detail: OrgDetail }) {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  return (
    <Card size="small" title={t('org.children', { count: detail.children.length })} style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={detail.children}
        locale={{ emptyText: t('org.noChildren') }}
        renderItem={(c) => (
          <List.Item>
            <span>
              <Link to={`/orgs/${c.id}`}>{c.name}</Link>{' '}
              <Typography.Text type="secondary">{labels.code('orgType', c.type)}</Typography.Text>{' '}
              <DissolvedTag dissolvedOn={c.dissolvedOn} />
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
