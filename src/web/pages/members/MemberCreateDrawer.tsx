import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Divider, Drawer, Form, Input, Row, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { clearChangedErrors, coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { afterToday, datePickerProps, toDay } from '../orgs/dates.ts';
import { createBody, MEMBER_FIELDS, MemberFormFields, type MemberFormValues } from './MemberFormFields.tsx';

type Values = MemberFormValues & {
  counterpart?: string;
  letterNo?: string;
  issuedOn?: Dayjs | null;
  receivedOn?: Dayjs | null;
};

const LETTER_FIELDS = ['counterpart', 'letterNo', 'issuedOn', 'receivedOn'] as const;

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
  const errorText = useErrorText();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const transferIn = mode === 'transferIn';
  const fields: readonly string[] = transferIn ? [...MEMBER_FIELDS, ...LETTER_FIELDS] : MEMBER_FIELDS;

  const save = useMutation({
    mutationFn: (v: Values) => {
      const member = createBody(v);
      if (!transferIn) return api.post<ApiResponse<'/api/members', 'post'>>('/api/members', member);
      return api
        .post<{ memberId: number; late: boolean }>('/api/member-transfers', {
          ...member,
          relationOrgName: null,
          counterpart: v.counterpart?.trim() ?? '',
          letterNo: v.letterNo?.trim() || null,
          issuedOn: toDay(v.issuedOn),
          receivedOn: toDay(v.receivedOn),
        })
        .then((r) => ({ id: r.memberId }));
    },
    onSuccess: ({ id }, v) => {
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['orgs'] });
      void client.invalidateQueries({ queryKey: ['ledger'] });
      void message.success(t(transferIn ? 'transfer.in.done' : 'member.created', { name: v.name?.trim() ?? '' }));
      onClose();
      if (transferIn) navigate(`/members/${id}`);
    },
    onError: (error) => showFieldErrors(form, error, fields),
  });

  return (
    <Drawer
      open
      title={t(transferIn ? 'transfer.in.title' : 'member.create')}
      size={isPhone ? '100%' : 720}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {save.isError && !coversFields(save.error, fields) && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        // Its own field ids: the page may have a form with fields of the same names.
        name={transferIn ? 'transferIn' : 'memberCreate'}
        form={form}
        layout="vertical"
        initialValues={{
          status: 'full',
          mobile: false,
          cultivation: [],
          orgId,
          issuedOn: transferIn ? dayjs() : undefined,
          receivedOn: transferIn ? dayjs() : undefined,
        }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={clearChangedErrors(form)}
        disabled={save.isPending}
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
      </Form>
    </Drawer>
  );
}
