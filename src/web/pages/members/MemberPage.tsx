import { EditOutlined, IdcardOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PastDayItem } from '../../components/PastDayItem.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { recordPage } from '../../components/recordPage.tsx';
import { useRefresh } from '../../components/useRefresh.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { MemberHonoursCard } from '../honours/HonoursCard.tsx';
import { LostContactCard } from '../lostContact/LostContactCard.tsx';
import { toDay } from '../orgs/dates.ts';
import { AwayCard } from './AwayCard.tsx';
import { LEAVE_CODES, useCodeLabels } from './labels.ts';
import { MemberEditDrawer } from './MemberEditDrawer.tsx';
import { MemberProfile } from './MemberProfile.tsx';
import { MemberFlags, StatusTag } from './MemberTags.tsx';
import { TransfersCard } from './TransfersCard.tsx';
import { useMemberDetail } from './useMemberDetail.ts';
import { useReveal } from './useReveal.ts';

// A new page per member: numbers revealed for one never show on the next.
export default recordPage(MemberView);

/** One member: profile (numbers masked unless revealed here), edit, leave, transfers, the card. */
function MemberView({ id }: { id: number }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const labels = useCodeLabels();
  const [params, setParams] = useSearchParams();
  const [leaving, setLeaving] = useState(false);
  const reveal = useReveal(id);
  const query = useMemberDetail(id);

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const detail = query.data;
  const m = detail.member;
  const write = can('member.write') && detail.writable && m.leftOn === null;
  const editing = params.get('edit') === '1' && write;
  // Members move org counts, the ledger's member counts and with them its categories.
  const changed = () => refresh('members', 'orgs', 'ledger', 'dashboard');

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <BackButton fallback="/members" />
            <Button icon={<IdcardOutlined />} onClick={() => navigate(`/members/${m.id}/card`)}>
              {t('member.card')}
            </Button>
            {write && (
              <Button icon={<EditOutlined />} onClick={() => setParams({ edit: '1' }, { replace: true })}>
                {t('member.edit')}
              </Button>
            )}
            {write && (
              <Button danger icon={<LogoutOutlined />} onClick={() => setLeaving(true)}>
                {t('member.leave')}
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap size={8}>
          {m.name}
          <StatusTag status={m.status} />
          <MemberFlags member={m} />
        </Space>
      </PageTitle>
      {m.leftOn && (
        <Alert
          type="info"
          showIcon
          title={t('member.leftOn', { date: m.leftOn, reason: labels.label('member.leaveReason', m.leaveReason) })}
          style={{ marginBottom: 16 }}
        />
      )}
      {!detail.writable && <Alert type="info" showIcon title={t('member.readOnly')} style={{ marginBottom: 16 }} />}
      <MemberProfile detail={detail} reveal={reveal} />
      <AwayCard detail={detail} onChanged={changed} />
      <LostContactCard detail={detail} />
      <MemberHonoursCard memberId={detail.member.id} />
      <TransfersCard detail={detail} onChanged={changed} />
      {editing && <MemberEditDrawer member={m} onSaved={changed} onClose={() => setParams({}, { replace: true })} />}
      {leaving && (
        <FormModal<{ reason?: string; leftOn?: Dayjs }, unknown>
          title={t('member.leaveTitle', { name: m.name })}
          intro={<Alert type="warning" showIcon title={t('member.leaveHint')} style={{ marginBottom: 16 }} />}
          onClose={() => setLeaving(false)}
          initialValues={{ leftOn: dayjs() }}
          okText={t('member.leaveConfirm')}
          danger
          submit={(v) => api.post(`/api/members/${m.id}/leave`, { reason: v.reason, leftOn: toDay(v.leftOn) })}
          saved={t('member.left', { name: m.name })}
          onDone={changed}
        >
          <Form.Item name="reason" label={t('member.field.leaveReason')} rules={[{ required: true }]}>
            <Select
              options={labels
                .options('member.leaveReason', LEAVE_CODES)
                .filter((o) => o.value !== 'probation_cancelled' || m.status === 'probationary')}
            />
          </Form.Item>
          <PastDayItem name="leftOn" label={t('member.field.leftOn')} notBefore={m.joinedOn} />
        </FormModal>
      )}
    </>
  );
}
