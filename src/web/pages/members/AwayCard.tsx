import { Button, DatePicker, Descriptions, Flex, Form, Input, Space, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiResponse, MemberDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { DetailCard } from '../../components/CardTable.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { datePickerProps, fromDay, toDay } from '../orgs/dates.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';

interface AwayValues {
  place?: string;
  workOrgId?: number | null;
  since?: Dayjs | null;
  until?: Dayjs | null;
  fixedPlace?: boolean;
}

/**
 * 外出（流出）: where and since when the member works away, and what follows from the dates
 * (流动党员 after 6 months; 应转接组织关系 at a fixed place). The org holding the relation records
 * the period, corrects it and records the return.
 */
export function AwayCard({ detail, onChanged }: { detail: MemberDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);
  const m = detail.member;
  const away = m.away;
  const write = detail.writable && m.leftOn === null;
  return (
    <DetailCard
      title={t('member.away.title')}
      testId="member-away"
      extra={
        write && (
          <Space wrap>
            <Button size="small" onClick={() => setEditing(true)} data-testid="away-record">
              {away ? t('member.away.edit') : t('member.away.record')}
            </Button>
            {away && (
              <Button size="small" onClick={() => setEnding(true)} data-testid="away-end">
                {t('member.away.end')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {away ? (
        <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('member.away.place')}>
            {away.place ?? <Typography.Text type="secondary">{t('member.away.placeUnknown')}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('member.away.workOrg')}>
            {m.workOrgId === null ? (
              '—'
            ) : m.workOrgName === null ? (
              t('member.outOfScope')
            ) : (
              <Link to={`/orgs/${m.workOrgId}`}>{m.workOrgName}</Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('member.away.since')}>{away.since}</Descriptions.Item>
          <Descriptions.Item label={t('member.away.until')}>{away.until ?? t('member.away.noUntil')}</Descriptions.Item>
          <Descriptions.Item label={t('member.away.fixedPlace')}>
            {away.fixedPlace ? t('common.yes') : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('member.away.standing')}>
            <Flex wrap gap={4}>
              <Tag color={away.mobile ? 'purple' : 'default'} style={{ marginInlineEnd: 0 }}>
                {away.mobile ? t('member.tag.mobile') : t('member.away.notYetMobile')}
              </Tag>
              {away.shouldTransfer && (
                <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="away-should-transfer">
                  {t('member.away.shouldTransfer')}
                </Tag>
              )}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('member.away.none')}</Typography.Text>
      )}
      {editing && (
        <FormDrawer<AwayValues, ApiResponse<'/api/members/{id}/away', 'put'>>
          title={t('member.away.drawerTitle', { name: m.name })}
          name="memberAway"
          onClose={() => setEditing(false)}
          intro={<p>{t('member.away.intro')}</p>}
          initialValues={
            away
              ? {
                  place: away.place ?? '',
                  workOrgId: m.workOrgId,
                  since: fromDay(away.since),
                  until: fromDay(away.until),
                  fixedPlace: away.fixedPlace,
                }
              : { fixedPlace: false }
          }
          submit={(v) =>
            api.put(`/api/members/${m.id}/away`, {
              place: v.place?.trim() ?? '',
              workOrgId: v.workOrgId ?? null,
              since: toDay(v.since),
              until: toDay(v.until),
              fixedPlace: Boolean(v.fixedPlace),
            })
          }
          saved={t('member.away.saved')}
          onDone={onChanged}
        >
          {(form) => (
            <>
              <Form.Item
                name="place"
                label={t('member.away.place')}
                rules={[{ required: true, whitespace: true }]}
                extra={t('member.away.placeHint')}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="workOrgId" label={t('member.away.workOrg')} extra={t('member.form.workOrgHint')}>
                <OrgPicker
                  exclude={m.orgId}
                  initial={m.workOrgId ? { id: m.workOrgId, name: m.workOrgName } : undefined}
                />
              </Form.Item>
              <PastDayItem name="since" label={t('member.away.since')} />
              <Form.Item name="until" label={t('member.away.until')} extra={t('member.away.untilHint')}>
                <DatePicker
                  {...datePickerProps}
                  disabledDate={(d) => {
                    const since = form.getFieldValue('since') as Dayjs | null | undefined;
                    return since ? !d.isAfter(since, 'day') : false;
                  }}
                />
              </Form.Item>
              <Form.Item
                name="fixedPlace"
                label={t('member.away.fixedPlace')}
                valuePropName="checked"
                extra={t('member.away.fixedPlaceHint')}
              >
                <Switch />
              </Form.Item>
            </>
          )}
        </FormDrawer>
      )}
      {ending && away && (
        <FormModal<{ returnedOn?: Dayjs }, unknown>
          title={t('member.away.endTitle', { name: m.name })}
          onClose={() => setEnding(false)}
          initialValues={{ returnedOn: dayjs() }}
          okText={t('member.away.end')}
          submit={(v) => api.post(`/api/members/${m.id}/away/end`, { returnedOn: toDay(v.returnedOn) })}
          saved={t('member.away.ended')}
          onDone={onChanged}
        >
          <PastDayItem name="returnedOn" label={t('member.away.returnedOn')} notBefore={away.since} />
        </FormModal>
      )}
    </DetailCard>
  );
}
