import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Divider, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';
import { createBody, MemberFormFields, type MemberFormValues } from './MemberFormFields.tsx';

type Values = MemberFormValues & {
  counterpart?: string;
  letterNo?: string;
  issuedOn?: Dayjs | null;
  receivedOn?: Dayjs | null;
};

interface Props {
  /** create: 新增党员; transferIn: 组织关系转入 (the member with the letter that brought them). */
  mode: 'create' | 'transferIn';
  /** The org to record in, when the page is about one. */
  orgId?: number;
  onClose: () => void;
}

/** 新增党员 or 组织关系转入: every field of the record, the server's messages under the fields. */
export function MemberCreateDrawer({ mode, orgId, onClose }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const transferIn = mode === 'transferIn';

  const save = (v: Values) => {
    const member = createBody(v);
    if (!transferIn) return api.post<ApiResponse<'/api/members', 'post'>>('/api/members', member);
    return api
      .post<ApiResponse<'/api/member-transfers', 'post'>>('/api/member-transfers', {
        ...member,
        relationOrgName: null,
        counterpart: v.counterpart?.trim() ?? '',
        letterNo: v.letterNo?.trim() || null,
        issuedOn: toDay(v.issuedOn),
        receivedOn: toDay(v.receivedOn),
      })
      .then((r) => ({ id: r.memberId, referred: r.referred, message: r.message }));
  };

  return (
    <FormDrawer<Values, { id: number | null; referred?: boolean; message?: string | null }>
      title={t(transferIn ? 'transfer.in.title' : 'member.create')}
      width={720}
      onClose={onClose}
      // Its own field ids: the page may have a form with fields of the same names.
      name={transferIn ? 'transferIn' : 'memberCreate'}
      initialValues={{
        status: 'full',
        cultivation: [],
        orgId,
        issuedOn: transferIn ? dayjs() : undefined,
        receivedOn: transferIn ? dayjs() : undefined,
      }}
      submit={save}
      onDone={({ id, referred, message: passedOn }, v) => {
        // Held elsewhere: passed on to the holder, nothing recorded here, nothing said about them.
        if (referred) {
          modal.info({ title: t('member.referred.title'), content: passedOn });
          return;
        }
        void client.invalidateQueries({ queryKey: ['members'] });
        void client.invalidateQueries({ queryKey: ['orgs'] });
        void client.invalidateQueries({ queryKey: ['ledger'] });
        void message.success(t(transferIn ? 'transfer.in.done' : 'member.created', { name: v.name?.trim() ?? '' }));
        if (transferIn) navigate(`/members/${id}`);
      }}
    >
      {transferIn && (
        <>
          <Alert type="info" showIcon title={t('transfer.in.hint')} style={{ marginBottom: 16 }} />
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item
                name="counterpart"
                label={t('transfer.field.fromOrg')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="letterNo" label={t('transfer.field.letterNo')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="issuedOn" label={t('transfer.field.issuedOn')} rules={[{ required: true }]}>
                <DatePicker {...datePickerProps} disabledDate={afterToday} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="receivedOn" label={t('transfer.field.arrivedOn')} rules={[{ required: true }]}>
                <DatePicker {...datePickerProps} disabledDate={afterToday} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain>
            {t('transfer.in.member')}
          </Divider>
        </>
      )}
      <MemberFormFields mode={mode} />
    </FormDrawer>
  );
}
