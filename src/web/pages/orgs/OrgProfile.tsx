import { Card, Descriptions } from 'antd';
import { Link } from 'react-router';
import type { OrgDetail, OrgRef } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useLedgerLabels } from '../ledger/labels.ts';
import { MemberCounts, TermEnd } from './OrgTags.tsx';

/** What the record says of an org: labels, not codes; its parent and managing org as links. */
export function OrgProfile({ detail }: { detail: OrgDetail }) {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  const { org, facts, findings, regionPath } = detail;
  const column = { xs: 1, sm: 2, xl: 3 } as const;
  const ref = (r: OrgRef | null) =>
    r === null ? '—' : r.name === null ? t('org.outOfScope') : <Link to={`/orgs/${r.id}`}>{r.name}</Link>;
  const code = (prefix: string, c: string | null) => (c === null ? '—' : labels.code(prefix, c));
  return (
    <Card title={t('org.profile')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={column} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('org.field.type')}>{labels.code('orgType', org.type)}</Descriptions.Item>
        <Descriptions.Item label={t('org.field.formation')}>
          {labels.code('formation', org.formation)}
          {org.jointBasis && ` · ${labels.code('jointBasis', org.jointBasis)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.field.orgCode')}>{org.orgCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.field.regionCode')}>
          {regionPath.length ? regionPath.map((r) => r.name).join(' / ') : org.regionCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.field.establishedOn')}>{org.establishedOn}</Descriptions.Item>
        {org.dissolvedOn && <Descriptions.Item label={t('org.field.dissolvedOn')}>{org.dissolvedOn}</Descriptions.Item>}
        <Descriptions.Item label={t('org.field.parentId')}>{ref(detail.parent)}</Descriptions.Item>
        <Descriptions.Item label={t('org.field.managingOrgId')}>{ref(detail.managingOrg)}</Descriptions.Item>
        <Descriptions.Item label={t('org.field.management')}>{code('management', org.management)}</Descriptions.Item>
        <Descriptions.Item label={t('org.field.approvedBy')}>{org.approvedBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.field.secretarySource')}>
          {code('secretarySource', org.secretarySource)}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.col.units')}>{facts.units}</Descriptions.Item>
        <Descriptions.Item label={t('org.col.members')}>
          <MemberCounts facts={facts} />
        </Descriptions.Item>
        <Descriptions.Item label={t('org.col.secretary')}>{facts.secretaryName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.col.termEnd')}>
          <TermEnd facts={facts} findings={findings} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
