import { MoreOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Space } from 'antd';
import type { User, UserWithPassword } from '../../api/types.ts';
import { api } from '../../api.ts';
import type { OneTimePassword } from '../../components/OneTimePasswordModal.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan, useUser } from '../../session.ts';

interface Props {
  user: User;
  onEdit: () => void;
  onRoles: () => void;
  onOneTimePassword: (value: OneTimePassword) => void;
  /** On a phone: one "more" button with a menu instead of a row of links. */
  compact: boolean;
}

interface Action {
  key: string;
  label: string;
  danger?: boolean;
  /** Asked before `run`; actions without it open a form. */
  confirm?: string;
  run: () => void;
}

/** A user row's actions, each offered only to whoever holds its permission. */
export function UserActions({ user, onEdit, onRoles, onOneTimePassword, compact }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const can = useCan();
  const self = useUser();
  const client = useQueryClient();
  const name = user.displayName;
  const base = `/api/users/${user.id}`;

  const call = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      body === undefined ? api.post<User | UserWithPassword>(path) : api.patch<User>(path, body),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      if ('oneTimePassword' in result)
        onOneTimePassword({ username: result.user.username, password: result.oneTimePassword });
      else void message.success(t('common.done'));
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const actions: Action[] = [];
  if (can('user.write')) {
    actions.push({ key: 'edit', label: t('users.action.edit'), run: onEdit });
    if (user.id !== self.id) {
      actions.push(
        user.disabled
          ? {
              key: 'enable',
              label: t('users.action.enable'),
              confirm: t('users.confirm.enable', { name }),
              run: () => call.mutate({ path: base, body: { disabled: false } }),
            }
          : {
              key: 'disable',
              label: t('users.action.disable'),
              danger: true,
              confirm: t('users.confirm.disable', { name }),
              run: () => call.mutate({ path: base, body: { disabled: true } }),
            },
      );
      // One's own password is changed on the account page, knowing the current one. The
      // request waits for the security administrator, who alone sees the new password.
      if (!user.resetRequestedAt) {
        actions.push({
          key: 'reset-password',
          label: t('users.action.resetPassword'),
          confirm: t('users.confirm.resetPassword', { name }),
          run: () => call.mutate({ path: `${base}/reset-password` }),
        });
      }
    }
  }
  if (can('user.approve_reset') && user.resetRequestedAt) {
    actions.push(
      {
        key: 'approve-reset',
        label: t('users.action.approveReset'),
        confirm: t('users.confirm.approveReset', { name }),
        run: () => call.mutate({ path: `${base}/reset-password/approve` }),
      },
      {
        key: 'reject-reset',
        label: t('users.action.rejectReset'),
        danger: true,
        confirm: t('users.confirm.rejectReset', { name }),
        run: () => call.mutate({ path: `${base}/reset-password/reject` }),
      },
    );
  }
  if (can('role.assign') && user.id !== self.id) {
    actions.push({ key: 'roles', label: t('users.action.roles'), run: onRoles });
  }
  if (can('user.unlock') && user.locked) {
    actions.push({
      key: 'unlock',
      label: t('users.action.unlock'),
      confirm: t('users.confirm.unlock', { name }),
      run: () => call.mutate({ path: `${base}/unlock` }),
    });
  }
  if (can('user.unlock') && user.totpEnabled) {
    actions.push({
      key: 'reset-totp',
      label: t('users.action.resetTotp'),
      danger: true,
      confirm: t('users.confirm.resetTotp', { name }),
      run: () => call.mutate({ path: `${base}/reset-totp` }),
    });
  }
  if (actions.length === 0) return null;

  const start = (a: Action) => {
    if (!a.confirm) return a.run();
    modal.confirm({ title: a.label, content: a.confirm, okButtonProps: { danger: a.danger }, onOk: a.run });
  };

  if (compact) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: actions.map((a) => ({ key: a.key, label: a.label, danger: a.danger })),
          onClick: ({ key }) => {
            const a = actions.find((x) => x.key === key);
            if (a) start(a);
          },
        }}
      >
        <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} loading={call.isPending} />
      </Dropdown>
    );
  }
  return (
    <Space size="middle">
      {actions.map((a) => (
        <Button key={a.key} type="link" size="small" danger={a.danger} style={{ padding: 0 }} onClick={() => start(a)}>
          {a.label}
        </Button>
      ))}
    </Space>
  );
}
