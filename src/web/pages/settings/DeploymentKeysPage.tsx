// 上下级系统 (issue #17 item 5): the administrator copies this deployment's public key and
// fingerprint to give to the parent, and registers a child deployment's key (region + key);
// the registered children are listed with their fingerprints, read aloud to check a key.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Keys = ApiResponse<'/api/deployments/trusted'>;
type Child = Keys['children'][number];

function TrustModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<{ region: string; publicKey: string }, { name: string; fingerprint: string }>
      title={t('deploymentKeys.trust')}
      intro={<p>{t('deploymentKeys.trustIntro')}</p>}
      name="deployment-trust"
      onClose={onClose}
      submit={(v) => api.post('/api/deployments/trusted', { region: v.region.trim(), publicKey: v.publicKey })}
      saved={t('deploymentKeys.trusted')}
      refresh={['deployments']}
    >
      <Form.Item
        name="region"
        label={t('deploymentKeys.region')}
        extra={t('deploymentKeys.regionHint')}
        rules={[{ required: true, pattern: /^\s*\d{6}(\d{3}(\d{3})?)?\s*$/, message: t('deploymentKeys.regionHint') }]}
      >
        <Input inputMode="numeric" maxLength={12} data-testid="trust-region" />
      </Form.Item>
      <Form.Item
        name="publicKey"
        label={t('deploymentKeys.childKey')}
        extra={t('deploymentKeys.childKeyHint')}
        rules={[{ required: true, whitespace: true, message: t('deploymentKeys.childKeyHint') }]}
      >
        <Input.TextArea rows={5} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="trust-key" />
      </Form.Item>
    </FormModal>
  );
}

export default function DeploymentKeysPage() {
  const { t } = useI18n();
  const [trusting, setTrusting] = useState(false);
  const query = useQuery({
    queryKey: ['deployments', 'trusted'],
    queryFn: () => api.get<Keys>('/api/deployments/trusted'),
  });
  const data = query.data;
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  return (
    <>
      <PageTitle>{t('deploymentKeys.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('deploymentKeys.intro')}</Typography.Paragraph>
      <Card size="small" title={t('deploymentKeys.own')} loading={!data} style={{ marginBottom: 16 }}>
        {data && (
          <Descriptions column={1} size="small" layout="vertical">
            <Descriptions.Item label={t('deploymentKeys.ownRegion')}>
              {data.regionName ? `${data.regionName}（${data.region}）` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('deploymentKeys.fingerprint')}>
              <Typography.Text code data-testid="own-fingerprint">
                {data.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('deploymentKeys.publicKey')}>
              <Typography.Paragraph
                copyable={{ text: data.publicKey }}
                style={{
                  fontFamily: 'monospace',
                  fontSize: 12,
                  whiteSpace: 'pre-wrap',
                  wordBreak: 'break-all',
                  margin: 0,
                }}
                data-testid="own-public-key"
              >
                {data.publicKey.trim()}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        size="small"
        title={t('deploymentKeys.children')}
        extra={
          <Button type="primary" onClick={() => setTrusting(true)} data-testid="trust-open">
            {t('deploymentKeys.trust')}
          </Button>
        }
        loading={!data}
      >
        {data && data.children.length === 0 ? (
          <Alert type="info" title={t('deploymentKeys.none')} />
        ) : (
          <Table<Child>
            size="small"
            rowKey="region"
            pagination={false}
            dataSource={data?.children}
            scroll={{ x: 'max-content' }}
            data-testid="trusted-children"
            columns={[
              { title: t('deploymentKeys.region'), key: 'region', render: (_, c) => `${c.name}（${c.region}）` },
              {
                title: t('deploymentKeys.fingerprint'),
                dataIndex: 'fingerprint',
                render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
              },
              { title: t('deploymentKeys.registeredBy'), dataIndex: 'registeredBy' },
              {
                title: t('deploymentKeys.registeredAt'),
                dataIndex: 'registeredAt',
                render: (iso: string) => iso.slice(0, 16).replace('T', ' '),
              },
            ]}
          />
        )}
      </Card>
      {trusting && <TrustModal onClose={() => setTrusting(false)} />}
    </>
  );
}
