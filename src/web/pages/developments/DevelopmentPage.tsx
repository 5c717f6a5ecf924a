import { StopOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { closeReasonsFor } from '../../../domain/org/development.ts';
import type { Development } from '../../api/types.ts';
import { api } from '../../api.ts';
import { BackButton } from '../../components/BackButton.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { routeIdPage } from '../../components/routeIdPage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { useCodeLabels } from '../members/labels.ts';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';
import { DevelopmentForm } from './DevelopmentForm.tsx';
import { EarlyTag, StageTag } from './DevelopmentTags.tsx';

/** One development record: who, where they stand, what is due or overdue, the stage form; 结束 for a record that ends. */
export default routeIdPage(DevelopmentView);

function DevelopmentView({ id }: { id: number }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const labels = useCodeLabels();
  const { message } = App.useApp();
  const [closing, setClosing] = useState(false);
  // The form starts again from the saved record after each save.
  const [version, setVersion] = useState(0);
  const key = ['developments', 'detail', id];
  const query = useQuery({ queryKey: key, queryFn: () => api.get<Development>(`/api/developments/${id}`) });
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const d = query.data;
  const write = can('member.write') && d.closedOn === null;
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['developments'] });
    void client.invalidateQueries({ queryKey: ['members'] });
    void client.invalidateQueries({ queryKey: ['orgs'] });
  };
  // A record with a member behind it was admitted: only the probation can be cancelled then.
  const closeReasons = closeReasonsFor(d.memberId !== null);
  // What is still to come: a date once its step is done says nothing more.
  const open = d.closedOn === null;
  const due = [
    ['talkDue', !d.talkedOn && !d.activistOn && d.due.talkDue],
    ['candidateEarliest', !d.candidateOn && d.due.candidateEarliest],
    ['approvalDue', !d.approvedOn && d.due.approvalDue],
    ['approvalLimit', !d.approvedOn && d.due.approvalLimit],
    ['probationEnd', !d.fullApprovedOn && d.due.probationEnd],
    ['fullApprovalDue', !d.fullApprovedOn && d.due.fullApprovalDue],
  ] as const;

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <BackButton fallback={`/developments/orgs/${d.orgId}`} />
            {d.memberId !== null && (
              <Button icon={<UserOutlined />} onClick={() => navigate(`/members/${d.memberId}`)}>
                {t('development.memberRecord')}
              </Button>
            )}
            {write && !d.fullApprovedOn && (
              <Button danger icon={<StopOutlined />} onClick={() => setClosing(true)}>
                {t('development.close')}
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap size={8}>
          {d.name}
          <StageTag development={d} />
          <EarlyTag development={d} />
        </Space>
      </PageTitle>
      {d.closedOn && (
        <Alert
          type="info"
          showIcon
          title={t('development.closedOn', {
            date: d.closedOn,
            reason: labels.label('development.closeReason', d.closedReason),
          })}
          style={{ marginBottom: 16 }}
        />
      )}
      {d.overdue.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('development.overdueTitle', { count: d.overdue.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {d.overdue.map((o) => (
                <li key={o.code}>{o.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="development-overdue"
        />
      )}
      {d.early.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('development.earlyTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {d.early.map((e) => (
                <li key={e.step}>
                  {e.message}。{t('development.earlyReasonShown', { reason: e.reason })}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="development-early"
        />
      )}
      <Card size="small" title={t('development.profile')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('member.field.idNumber')}>
            <span style={{ fontFamily: 'monospace' }} className="dj-break">
              {d.idNumber}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('member.field.birthDate')}>{d.birthDate}</Descriptions.Item>
          <Descriptions.Item label={t('member.field.sex')}>{labels.label('member.sex', d.sex)}</Descriptions.Item>
          <Descriptions.Item label={t('development.field.org')}>
            <Link to={`/developments/orgs/${d.orgId}`}>{d.orgName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('member.field.employerId')}>
            {d.employerId && d.employerName ? <Link to={`/ledger/${d.employerId}`}>{d.employerName}</Link> : '—'}
          </Descriptions.Item>
          {due
            .filter(([, date]) => open && date)
            .map(([k, date]) => (
              <Descriptions.Item key={k} label={t(`development.due.${k}`)}>
                {date}
              </Descriptions.Item>
            ))}
        </Descriptions>
      </Card>
      <DevelopmentForm
        key={version}
        development={d}
        readOnly={!write}
        onSaved={(next) => {
          client.setQueryData(key, next);
          setVersion((v) => v + 1);
          changed();
        }}
      />
      {closing && (
        <FormModal<{ reason?: string; closedOn?: Dayjs }, unknown>
          title={t('development.closeTitle', { name: d.name })}
          intro={<Alert type="warning" showIcon title={t('development.closeHint')} style={{ marginBottom: 16 }} />}
          onClose={() => setClosing(false)}
          initialValues={{ closedOn: dayjs(), reason: closeReasons.length === 1 ? closeReasons[0] : undefined }}
          okText={t('development.close')}
          danger
          submit={(v) => api.post(`/api/developments/${d.id}/close`, { reason: v.reason, closedOn: toDay(v.closedOn) })}
          onDone={() => {
            void message.success(t('development.closedDone', { name: d.name }));
            changed();
          }}
        >
          <Form.Item name="reason" label={t('development.field.closeReason')} rules={[{ required: true }]}>
            <Select options={labels.options('development.closeReason', closeReasons)} />
          </Form.Item>
          <Form.Item name="closedOn" label={t('development.field.closedOn')} rules={[{ required: true }]}>
            <DatePicker {...datePickerProps} disabledDate={afterToday} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
