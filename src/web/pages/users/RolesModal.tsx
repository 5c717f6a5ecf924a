import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../domain/roles.ts';
import { ROLES } from '../../../domain/roles.ts';
import type { User } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';

/** The security administrator's role assignment; the server enforces 三员分立. */
export function RolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const save = useMutation({
    mutationFn: () => api.put<User>(`/api/users/${user.id}/roles`, { roles }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });

  return (
    <Modal
      open
      title={t('roles.title', { name: user.displayName })}
      okText={t('common.save')}
      onOk={() => save.mutate()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
    >
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />}
      <Checkbox.Group value={roles} onChange={(v) => setRoles(v as Role[])} style={{ width: '100%' }}>
        <Flex vertical gap={8}>
          {ROLES.map((r) => (
            <Checkbox key={r} value={r}>
              {t(`role.${r}`)}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('roles.exclusive')} {t('roles.sessionsEnd')}
      </Typography.Paragraph>
    </Modal>
  );
}
