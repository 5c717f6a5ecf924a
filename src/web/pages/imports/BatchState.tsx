import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { AnyBatch } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { importHref, type KindDef } from './kinds.ts';
import { ReadProgress } from './ReadProgress.tsx';
import { batchKey } from './useBatch.ts';

interface BannerProps {
  type: 'success' | 'info' | 'warning' | 'error';
  title: string;
  text?: ReactNode;
  actions?: ReactNode;
}

/** A state's alert, its actions under the words (beside them they would not fit a phone). */
function Banner({ type, title, text, actions }: BannerProps) {
  return (
    <Alert
      type={type}
      showIcon
      title={title}
      description={
        (text || actions) && (
          <>
            {text}
            {actions && <div style={{ marginTop: text ? 12 : 4 }}>{actions}</div>}
          </>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="batch-state"
    />
  );
}

/** Where the batch stands, in words, with what the user can do next (confirm, discard, the error report). */
export function BatchState({ batch, kind }: { batch: AnyBatch; kind: KindDef }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const c = batch.counts;
  const n = (v: number | undefined) => (v ?? 0).toLocaleString();
  const words = kind.texts;

  const act = useMutation({
    mutationFn: (action: 'apply' | 'discard') => api.post<AnyBatch>(`${kind.api(batch.id)}/${action}`),
    onSuccess: (after) => {
      client.setQueryData(batchKey(batch.id), after);
      // Orgs and members move the ledger's categories, the dashboard's rates and the prompts too.
      for (const area of ['ledger', 'dashboard', 'orgs', 'members', 'prompts']) {
        void client.invalidateQueries({ queryKey: [area] });
      }
    },
    onError: (error) => {
      void message.error(errorText(error));
      void client.invalidateQueries({ queryKey: batchKey(batch.id) });
    },
  });

  const errorReport = (c.errors ?? 0) > 0 && (
    <Button icon={<DownloadOutlined />} href={`${kind.api(batch.id)}/error-report`} download>
      {t('batch.errorReport')}
    </Button>
  );
  const anotherFile = <Button onClick={() => navigate(importHref(kind.kind))}>{t('batch.newImport')}</Button>;

  switch (batch.status) {
    case 'reading':
      return <ReadProgress batch={batch} />;
    case 'failed':
      return <Banner type="error" title={t(words.failed)} text={batch.failure} actions={anotherFile} />;
    case 'rejected':
      return (
        <Banner
          type="error"
          title={t(words.rejected, { count: n(c.errors) })}
          text={t('batch.rejectedHint')}
          actions={
            <Space wrap>
              {errorReport}
              {anotherFile}
            </Space>
          }
        />
      );
    case 'staged':
      return (
        <Banner
          type="info"
          title={t(words.staged)}
          text={
            <>
              {t(words.stagedHint)}
              {(c.errorRows ?? 0) > 0 && ` ${t('batch.stagedPartial', { count: n(c.errorRows) })}`}
            </>
          }
          actions={
            can(kind.permission) && (
              <Space wrap>
                {errorReport}
                <Button
                  type="primary"
                  loading={act.isPending && act.variables === 'apply'}
                  disabled={act.isPending}
                  onClick={() =>
                    modal.confirm({
                      title: t(words.apply),
                      content: t(words.applyConfirm, { added: n(c.added), changed: n(c.changed) }),
                      onOk: () => act.mutateAsync('apply'),
                    })
                  }
                >
                  {t(words.apply)}
                </Button>
                <Button
                  danger
                  loading={act.isPending && act.variables === 'discard'}
                  disabled={act.isPending}
                  onClick={() =>
                    modal.confirm({
                      title: t('batch.discard'),
                      content: t('batch.discardConfirm'),
                      okButtonProps: { danger: true },
                      onOk: () => act.mutateAsync('discard'),
                    })
                  }
                >
                  {t('batch.discard')}
                </Button>
              </Space>
            )
          }
        />
      );
    case 'dry-run':
      return (
        <Banner
          type="info"
          title={t(words.dryRun)}
          actions={
            <Space wrap>
              {errorReport}
              {anotherFile}
            </Space>
          }
        />
      );
    case 'applied':
      return (
        <Banner
          type="success"
          title={t(words.applied, { added: n(c.added), changed: n(c.changed), unchanged: n(c.unchanged) })}
          text={(c.missing ?? 0) > 0 ? t('batch.appliedMissing', { missing: n(c.missing) }) : undefined}
          actions={
            <Space wrap>
              {errorReport}
              <Button type="primary" onClick={() => navigate(kind.viewPath)}>
                {t(words.view)}
              </Button>
            </Space>
          }
        />
      );
    case 'discarded':
      return <Banner type="warning" title={t(words.discarded)} actions={anotherFile} />;
  }
}
