import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MemberDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { useCodeLabels } from './labels.ts';
import { StatusTag } from './MemberTags.tsx';
import { RevealButton } from './RevealButton.tsx';
import type { useReveal } from './useReveal.ts';

const mono = { fontFamily: 'monospace' } as const;

/** 基本情况: the record in labels, the numbers masked unless revealed on this page. */
export function MemberProfile({ detail, reveal }: { detail: MemberDetail; reveal: ReturnType<typeof useReveal> }) {
  const { t } = useI18n();
  const can = useCan();
  const labels = useCodeLabels();
  const m = detail.member;
  const shown = reveal.numbers;
  const canReveal = can('member.reveal') && detail.writable;
  const ref = (to: string, id: number | null, name: string | null) =>
    id === null ? '—' : name === null ? t('member.outOfScope') : <Link to={`${to}/${id}`}>{name}</Link>;
  return (
    <Card
      size="small"
      title={t('member.profile')}
      style={{ marginBottom: 16 }}
      extra={canReveal && <RevealButton reveal={reveal} />}
      data-testid="member-profile"
    >
      {shown && <Alert type="warning" showIcon title={t('member.reveal.shown')} style={{ marginBottom: 12 }} />}
      <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('member.field.name')}>{m.name}</Descriptions.Item>
        <Descriptions.Item label={t('member.field.sex')}>{labels.label('member.sex', m.sex)}</Descriptions.Item>
        <Descriptions.Item label={t('member.field.birthDate')}>
          <span data-testid="member-birth-date">{shown ? shown.birthDate : m.birthDate}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('member.field.idNumber')}>
          <span style={mono} data-testid="member-id-number" className="dj-break">
            {shown ? shown.idNumber : m.idNumber}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('member.field.phone')}>
          <span style={mono} data-testid="member-phone">
            {(shown ? shown.phone : m.phone) ?? '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('member.field.ethnicity')}>{m.ethnicity ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('member.field.education')}>
          {labels.label('member.education', m.education)}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.field.status')}>
          <StatusTag status={m.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('member.field.joinedOn')}>{m.joinedOn}</Descriptions.Item>
        <Descriptions.Item label={t('member.field.fullOn')}>{m.fullOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('member.field.orgId')}>{ref('/orgs', m.orgId, m.orgName)}</Descriptions.Item>
        <Descriptions.Item label={t('member.field.employerId')}>
          {ref('/ledger', m.employerId, m.employerName)}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.field.position')}>{m.position ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('member.field.mobile')}>
          {m.mobile ? (
            <Flex wrap gap={4} align="center">
              <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                {t('member.tag.mobile')}
              </Tag>
              {m.workOrgId !== null && (
                <Typography.Text type="secondary">
                  {t('member.workOrgShort')} {ref('/orgs', m.workOrgId, m.workOrgName)}
                </Typography.Text>
              )}
            </Flex>
          ) : (
            t('common.no')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.field.relationOrgName')}>{m.relationOrgName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('member.field.cultivation')}>
          {m.cultivation.length === 0 ? (
            '—'
          ) : (
            <Flex wrap gap={4}>
              {m.cultivation.map((c) => (
                <Tag key={c} style={{ marginInlineEnd: 0 }}>
                  {labels.label('member.cultivation', c)}
                </Tag>
              ))}
            </Flex>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
