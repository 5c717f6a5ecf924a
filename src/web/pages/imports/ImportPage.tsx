import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { ImportForm } from './ImportForm.tsx';
import { KindSwitch } from './KindSwitch.tsx';
import { batchesHref, IMPORT_KINDS, type ImportKind, isImportKind, KIND_DEFS } from './kinds.ts';

/**
 * Starting an import: which file (enterprises, party organizations or members — those the
 * user may import), its template, the file and its options. The kind is in the URL
 * (`?kind=orgs`), so a link or a reload opens the same form; without it, the enterprise file.
 */
export default function ImportPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const offered = IMPORT_KINDS.filter((k) => can(KIND_DEFS[k].permission));
  const asked = params.get('kind');
  const kind: ImportKind = isImportKind(asked) && offered.includes(asked) ? asked : (offered[0] ?? 'enterprises');
  const def = KIND_DEFS[kind];

  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={def.template} download>
              {t('import.template')}
            </Button>
            <Button icon={<HistoryOutlined />} onClick={() => navigate(batchesHref(kind))}>
              {t('import.batches')}
            </Button>
          </Space>
        }
      >
        {t('import.title')}
      </PageTitle>
      <Card size="small">
        {offered.length > 1 && (
          <Flex vertical gap={4} style={{ marginBottom: 16 }}>
            <KindSwitch
              offered={offered}
              value={kind}
              onChange={(k) => setParams(k === 'enterprises' ? {} : { kind: k })}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('import.kindOrder')}
            </Typography.Text>
          </Flex>
        )}
        <Alert type="info" showIcon title={t(def.hint)} style={{ marginBottom: 16 }} />
        {/* A fresh form for each kind: their fields differ. */}
        <ImportForm key={kind} kind={def} />
      </Card>
    </>
  );
}
