import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Descriptions, Row, Tag } from 'antd';
import type { SessionInfo } from '../../api/types.ts';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TotpEnrolment } from '../../components/TotpEnrolment.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SESSION_KEY, useUser } from '../../session.ts';

/** Every user's own page: who they are, their password and their second factor. */
export default function AccountPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const client = useQueryClient();
  const setSession = (session: SessionInfo) => client.setQueryData(SESSION_KEY, session);

  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <Card title={t('account.info')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('account.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('account.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('account.region')}>{user.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('account.roles')}>
            {user.roles.length === 0
              ? t('users.noRoles')
              : user.roles.map((r) => (
                  <Tag key={r} color="red">
                    {t(`role.${r}`)}
                  </Tag>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('account.totp')}>
            {user.totpEnabled ? <Tag color="green">{t('account.totpOn')}</Tag> : <Tag>{t('account.totpOff')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.changePassword')} size="small">
            <ChangePasswordForm
              username={user.username}
              onChanged={(session) => {
                setSession(session);
                void message.success(t('password.changed'));
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('account.totp')} size="small">
            {user.totpEnabled ? (
              <Alert type="success" showIcon title={t('account.totpOnHint')} />
            ) : (
              <>
                <Alert type="info" showIcon title={t('account.totpOffHint')} style={{ marginBottom: 16 }} />
                <TotpEnrolment
                  onEnrolled={(session) => {
                    setSession(session);
                    void message.success(t('enrol.done'));
                  }}
                />
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
