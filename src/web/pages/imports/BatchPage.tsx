import { HistoryOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { BatchInfo } from './BatchInfo.tsx';
import { BatchPreview } from './BatchPreview.tsx';
import { BatchState } from './BatchState.tsx';
import { batchesHref, type ImportKind, KIND_DEFS } from './kinds.ts';
import { useBatch } from './useBatch.ts';

/**
 * One import batch, from reading to its end: progress while the file is read, then the
 * preview (or result) and what can be done with it. Its own URL, so the user can leave and come back.
 */
export default function BatchPage({ kind = 'enterprises' }: { kind?: ImportKind }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const def = KIND_DEFS[kind];
  const query = useBatch(def, id);
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  const batch = query.data;
  if (!batch) return <FullPageSpin />;
  const done = batch.status !== 'reading' && batch.status !== 'failed';

  return (
    <>
      <PageTitle
        extra={
          <Button icon={<HistoryOutlined />} onClick={() => navigate(batchesHref(kind))}>
            {t('import.batches')}
          </Button>
        }
      >
        {t('batch.title', { id: batch.id })}
      </PageTitle>
      <BatchState batch={batch} kind={def} />
      {/* On a phone the preview comes before the batch's particulars, so it starts on screen. */}
      {!isPhone && <BatchInfo batch={batch} kind={def} />}
      {done && <BatchPreview batch={batch} kind={def} />}
      {isPhone && <BatchInfo batch={batch} kind={def} />}
    </>
  );
}
