import { Card, Col, Descriptions, Row, Tag } from 'antd';
import dayjs from 'dayjs';
import type { EnterpriseDetail, EnterprisePageDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CategoryTag, FlagTags } from './EnterpriseTags.tsx';
import { useLedgerLabels } from './labels.ts';

/** What the ledger knows of one enterprise: labels, not codes; the phone as the server masked it. */
export function EnterpriseProfile({
  detail,
  roster,
}: {
  detail: EnterpriseDetail;
  /** The members recorded one by one with the enterprise as employer, shown beside the ledger's counts. */
  roster?: EnterprisePageDetail['roster'];
}) {
  const { t } = useI18n();
  const labels = useLedgerLabels();
  const { enterprise: e, regionPath, industry } = detail;
  const yesNo = (v: boolean | null) => labels.shown('', v);
  const column = { xs: 1, sm: 2 } as const;
  // Labels stay on one line; the values wrap.
  const styles = { label: { whiteSpace: 'nowrap' as const } };

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={12}>
        <Card title={t('enterprise.profile')} size="small" style={{ height: '100%' }}>
          <Descriptions column={column} size="small" styles={styles}>
            <Descriptions.Item label={t('enterprise.field.uscc')} span={column}>
              <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{e.uscc}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.kind')}>{labels.code('kind', e.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.region')} span={column}>
              {regionPath.length ? regionPath.map((r) => r.name).join(' / ') : e.regionCode}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.industry')} span={column}>
              {industry
                ? `${industry.section}${industry.code === industry.section ? '' : ` ${industry.code}`} ${industry.name}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.employees')}>
              {e.employees.toLocaleString()}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.aboveScale')}>{yesNo(e.aboveScale)}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.registrationStatus')}>
              {labels.code('regStatus', e.registrationStatus)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.foundedOn')}>
              {labels.shown('foundedOn', e.foundedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.ownerName')}>
              {labels.shown('ownerName', e.ownerName)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.ownerPoliticalStatus')}>
              {labels.shown('ownerPoliticalStatus', e.ownerPoliticalStatus)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.phone')}>{labels.shown('phone', e.phone)}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.cluster')}>
              {labels.shown('cluster', e.cluster)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.legalPerson')}>
              {e.legalPerson === null ? t(e.kind === 'individual' ? 'common.no' : 'common.yes') : yesNo(e.legalPerson)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.staffOnPost')}>
              {labels.shown('staffOnPost', e.staffOnPost)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.ownership')}>
              {labels.shown('ownership', e.ownership)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.intermediaryKind')}>
              {labels.shown('intermediaryKind', e.intermediaryKind)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('enterprise.party')} size="small" style={{ height: '100%' }}>
          <Descriptions column={column} size="small" styles={styles}>
            <Descriptions.Item label={t('ledger.col.category')} span={column}>
              <CategoryTag enterprise={e} />
            </Descriptions.Item>
            <Descriptions.Item label={t('ledger.col.flags')} span={column}>
              {/* An estimated full-member count is marked beside the count itself. */}
              <FlagTags enterprise={e} only={['key_watch', 'needs_instructor', 'missing']} />
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.memberCount')}>{e.memberCount}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.fullMemberCount')}>
              {e.fullMemberCount}
              {e.fullMemberEstimated && <Tag style={{ marginInlineStart: 8 }}>{t('enterprise.estimated')}</Tag>}
            </Descriptions.Item>
            {roster && (
              <Descriptions.Item label={t('enterprise.roster')} span={column}>
                <span data-testid="enterprise-roster">
                  {t('enterprise.rosterValue', { recorded: roster.recorded, full: roster.full })}
                </span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('enterprise.orgCoverage')}>
              {t(e.orgCoverage ? `coverage.${e.orgCoverage}` : 'coverage.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.instructor')}>
              {t(e.hasInstructor ? 'enterprise.instructorYes' : 'enterprise.instructorNo')}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.reportedHasOrg')}>
              {yesNo(e.reportedHasOrg)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.reportedFormation')}>
              {labels.shown('reportedFormation', e.reportedFormation)}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.hasUnion')}>{yesNo(e.hasUnion)}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.field.hasLeague')}>{yesNo(e.hasLeague)}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.updatedAt')}>
              {dayjs(e.updatedAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
    </Row>
  );
}
