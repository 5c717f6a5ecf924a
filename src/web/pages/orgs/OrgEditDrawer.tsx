import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import type { ApiResponse, OrgDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { clearChangedErrors, coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { type MessageKey, useErrorText, useI18n } from '../../i18n/index.tsx';
import { normalProfile, OrgProfileFields, PROFILE_FIELDS, type ProfileValues } from './OrgProfileFields.tsx';

interface Props {
  detail: OrgDetail;
  onClose: () => void;
  onSaved: () => void;
}

/** Correcting an org's profile (PATCH): only the fields changed are sent; formation and coverage have their own actions. */
export function OrgEditDrawer({ detail, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<ProfileValues>();
  const { org } = detail;
  const before = normalProfile(org);

  const save = useMutation({
    mutationFn: (patch: ProfileValues) =>
      api.patch<ApiResponse<'/api/orgs/{id}', 'patch'>>(`/api/orgs/${org.id}`, patch),
    onSuccess: ({ changed }) => {
      void message.success(
        changed.length
          ? t('org.saved', {
              fields: changed.map((f) => t(`org.field.${f}` as MessageKey)).join(t('common.listSeparator')),
            })
          : t('enterprise.noChanges'),
      );
      onSaved();
      onClose();
    },
    onError: (error) => showFieldErrors(form, error, PROFILE_FIELDS),
  });

  const submit = (v: ProfileValues) => {
    const after = normalProfile(v);
    const patch: ProfileValues = {};
    for (const k of PROFILE_FIELDS) if (after[k] !== before[k]) patch[k] = after[k];
    if (Object.keys(patch).length === 0) {
      void message.info(t('enterprise.noChanges'));
      onClose();
      return;
    }
    save.mutate(patch);
  };

  return (
    <Drawer
      open
      title={t('org.editTitle', { name: org.name })}
      size={isPhone ? '100%' : 600}
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
      {save.isError && !coversFields(save.error, PROFILE_FIELDS) && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<ProfileValues>
        form={form}
        layout="vertical"
        initialValues={before}
        onFinish={submit}
        onValuesChange={clearChangedErrors(form)}
        disabled={save.isPending}
      >
        <OrgProfileFields
          joint={org.formation === 'joint'}
          self={org.id}
          parent={detail.parent}
          managingOrg={detail.managingOrg}
        />
      </Form>
    </Drawer>
  );
}
