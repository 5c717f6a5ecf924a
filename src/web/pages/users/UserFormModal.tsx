import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { User, UserWithPassword } from '../../api/types.ts';
import { api } from '../../api.ts';
import { coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { LinkFields } from './LinkFields.tsx';

interface Values {
  username: string;
  displayName: string;
  regionCode: string;
  orgId?: number | null;
  instructorId?: number | null;
}

const FIELDS = ['username', 'displayName', 'regionCode', 'orgId', 'instructorId'] as const;

interface Props {
  /** null: a new account. */
  user: User | null;
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
}

/**
 * Creates an account (its one-time password goes to onCreated) or edits its name, region and
 * what it is tied to: a secretary's org, an instructor's record.
 */
export function UserFormModal({ user, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const self = useUser();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const regionCode = Form.useWatch('regionCode', form);
  const links = { orgId: user?.orgId ?? null, instructorId: user?.instructorId ?? null };

  const save = useMutation({
    mutationFn: (v: Values): Promise<User | UserWithPassword> =>
      user
        ? api.patch<User>(`/api/users/${user.id}`, {
            displayName: v.displayName,
            regionCode: v.regionCode,
            orgId: v.orgId ?? null,
            instructorId: v.instructorId ?? null,
          })
        : api.post<UserWithPassword>('/api/users', {
            username: v.username,
            displayName: v.displayName,
            regionCode: v.regionCode,
            ...(v.orgId ? { orgId: v.orgId } : {}),
            ...(v.instructorId ? { instructorId: v.instructorId } : {}),
          }),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      if ('oneTimePassword' in result) onCreated(result);
      else onClose();
    },
    onError: (error) => showFieldErrors(form, error, FIELDS),
  });

  return (
    <Modal
      open
      title={user ? t('users.form.editTitle', { name: user.displayName }) : t('users.form.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? { displayName: user.displayName, regionCode: user.regionCode, ...links }
            : { regionCode: self.regionCode }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {save.isError && !coversFields(save.error, FIELDS) && (
          <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
        )}
        {!user && (
          <Form.Item
            name="username"
            label={t('users.col.username')}
            extra={t('users.form.usernameHint')}
            normalize={(v: string) => v.toLowerCase()}
            rules={[
              { required: true, message: t('users.form.usernameRequired') },
              { pattern: /^[a-z0-9_.-]{3,32}$/, message: t('users.form.usernamePattern') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.col.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('users.col.region')}
          rules={[{ required: true, message: t('users.form.regionRequired') }]}
        >
          <RegionTreeSelect root={{ code: self.regionCode, name: self.regionName }} />
        </Form.Item>
        <LinkFields regionCode={regionCode} current={links} />
        {!user && <Typography.Text type="secondary">{t('users.form.rolesLater')}</Typography.Text>}
      </Form>
    </Modal>
  );
}
