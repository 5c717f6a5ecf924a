import { EditOutlined, IdcardOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { MemberDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { routeIdPage } from '../../components/routeIdPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { MemberHonoursCard } from '../honours/HonoursCard.tsx';
import { afterToday, datePickerProps, fromDay, toDay } from '../orgs/dates.ts';
import { AwayCard } from './AwayCard.tsx';
import { LEAVE_CODES, useCodeLabels } from './labels.ts';
import { MemberEditDrawer } from './MemberEditDrawer.tsx';
import { MemberProfile } from './MemberProfile.tsx';
import { MemberFlags, StatusTag } from './MemberTags.tsx';
import { TransfersCard } from './TransfersCard.tsx';
import { useReveal } from './useReveal.ts';

/** One member: profile (numbers masked unless revealed here), edit, leave, transfers, the card. */
export default routeIdPage(MemberView);

function MemberView({ id }: { id: number }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const labels = useCodeLabels();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [leaving, setLeaving] = useState(false);
  const reveal = useReveal(id);
  const query = useQuery({
    queryKey: ['members', 'detail', id],
    queryFn: () => api.get<MemberDetail>(`/api/members/${id}`),
  });

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const detail = query.data;
  const m = detail.member;
  const write = can('member.write') && detail.writable && m.leftOn === null;
  const editing = params.get('edit') === '1' && write;
  // Members move org counts, the ledger's member counts and with them its categories.
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['members'] });
    void client.invalidateQueries({ queryKey: ['orgs'] });
    void client.invalidateQueries({ queryKey: ['ledger'] });
    void client.invalidateQueries({ queryKey: ['dashboard'] });
  };

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
          onDone={() => {
            void message.success(t('member.left', { name: m.name }));
            changed();
          }}
        >
          <Form.Item name="reason" label={t('member.field.leaveReason')} rules={[{ required: true }]}>
            <Select
              options={labels
                .options('member.leaveReason', LEAVE_CODES)
                .filter((o) => o.value !== 'probation_cancelled' || m.status === 'probationary')}
            />
          </Form.Item>
          <Form.Item name="leftOn" label={t('member.field.leftOn')} rules={[{ required: true }]}>
            <DatePicker
              {...datePickerProps}
              disabledDate={(d) => afterToday(d) || d.isBefore(fromDay(m.joinedOn), 'day')}
            />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
