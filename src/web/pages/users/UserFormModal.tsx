import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Typography } from 'antd';
import type { User, UserWithPassword } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.ts';
import { LinkFields } from './LinkFields.tsx';

interface Values {
  username: string;
  displayName: string;
  regionCode: string;
  orgId?: number | null;
  instructorId?: number | null;
}

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
  const self = useUser();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const regionCode = Form.useWatch('regionCode', form);
  const links = { orgId: user?.orgId ?? null, instructorId: user?.instructorId ?? null };

  return (
    <FormModal<Values, User | UserWithPassword>
      title={user ? t('users.form.editTitle', { name: user.displayName }) : t('users.form.createTitle')}
      onClose={onClose}
      form={form}
      initialValues={
        user
          ? { displayName: user.displayName, regionCode: user.regionCode, ...links }
          : { regionCode: self.regionCode }
      }
      submit={(v) =>
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
            })
      }
      onDone={(result) => {
        void client.invalidateQueries({ queryKey: ['users'] });
        if ('oneTimePassword' in result) onCreated(result);
      }}
    >
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
    </FormModal>
  );
}
