import { Tag } from 'antd';
import type { User } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';

export function UserStatus({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <>
      {user.disabled ? (
        <Tag color="default">{t('users.status.disabled')}</Tag>
      ) : (
        <Tag color="green">{t('users.status.active')}</Tag>
      )}
      {user.locked && <Tag color="orange">{t('users.status.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="gold">{t('users.status.mustChange')}</Tag>}
      {user.totpEnabled && <Tag color="blue">{t('users.status.totp')}</Tag>}
      {user.resetRequestedAt && <Tag color="volcano">{t('users.status.resetRequested')}</Tag>}
    </>
  );
}
