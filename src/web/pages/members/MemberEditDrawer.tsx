import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import type { ApiResponse, Member } from '../../api/types.ts';
import { api } from '../../api.ts';
import { clearChangedErrors, coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { fromDay } from '../orgs/dates.ts';
import { editBody, editValues, MEMBER_FIELDS, MemberFormFields, type MemberFormValues } from './MemberFormFields.tsx';

/** 修改党员信息: the record's fields but the org (which moves by a transfer); the numbers only when retyped. */
export function MemberEditDrawer({
  member,
  onSaved,
  onClose,
}: {
  member: Member;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<MemberFormValues>();
  const save = useMutation({
    mutationFn: (v: MemberFormValues) =>
      api.patch<ApiResponse<'/api/members/{id}', 'patch'>>(`/api/members/${member.id}`, editBody(v)),
    onSuccess: ({ changed }) => {
      void message.success(changed.length ? t('member.saved') : t('member.unchanged'));
      onSaved();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error, MEMBER_FIELDS),
  });
  return (
    <Drawer
      open
      title={t('member.editTitle', { name: member.name })}
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
      {save.isError && !coversFields(save.error, MEMBER_FIELDS) && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<MemberFormValues>
        name="memberEdit"
        form={form}
        layout="vertical"
        initialValues={editValues(member, fromDay)}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={clearChangedErrors(form)}
        disabled={save.isPending}
      >
        <MemberFormFields mode="edit" member={member} />
      </Form>
    </Drawer>
  );
}
