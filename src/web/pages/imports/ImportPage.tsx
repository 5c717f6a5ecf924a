import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ImportForm } from './ImportForm.tsx';

export const TEMPLATE_HREF = '/api/imports/enterprises/template';

/** Starting an import: the template, the batch's labels and the file. */
export default function ImportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={TEMPLATE_HREF} download>
              {t('import.template')}
            </Button>
            <Button icon={<HistoryOutlined />} onClick={() => navigate('/ledger/batches')}>
              {t('import.batches')}
            </Button>
          </Space>
        }
      >
        {t('import.title')}
      </PageTitle>
      <Card size="small">
        <Alert type="info" showIcon title={t('import.hint')} style={{ marginBottom: 16 }} />
        <ImportForm />
      </Card>
    </>
  );
}
