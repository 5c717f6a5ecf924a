import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Button, Form, Input, Progress, Switch, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { AnyBatch } from '../../api/types.ts';
import { uploadFile } from '../../api.ts';
import { useServerForm } from '../../components/useServerForm.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { KindDef } from './kinds.ts';
import { currentQuarter, PERIOD, SOURCE_SUGGESTIONS } from './period.ts';
import { batchKey } from './useBatch.ts';

interface Values {
  period: string;
  source: string;
  partial: boolean;
  dryRun: boolean;
  file: UploadFile[];
}

/**
 * The import's labels (the enterprise file's period and source only) and modes and the file;
 * uploading it starts the batch, whose page takes over.
 */
export function ImportForm({ kind }: { kind: KindDef }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [sent, setSent] = useState(0);

  const {
    mutation: upload,
    banner,
    formProps,
  } = useServerForm<Values, AnyBatch>({
    submit: ({ period, source, partial, dryRun, file }) => {
      const blob = file[0].originFileObj as File;
      setSent(0);
      const labels = kind.labelled ? { period: period.trim(), source: source.trim() } : {};
      return uploadFile<AnyBatch>(kind.upload, { fileName: blob.name, ...labels, partial, dryRun }, blob, setSent);
    },
    onDone: (batch) => {
      client.setQueryData(batchKey(batch.id), batch);
      void client.invalidateQueries({ queryKey: ['ledger', 'batches'] });
      navigate(kind.page(batch.id));
    },
  });

  return (
    <Form<Values>
      {...formProps}
      initialValues={{ period: currentQuarter(), source: SOURCE_SUGGESTIONS[0], partial: false, dryRun: false }}
      style={{ maxWidth: 560 }}
    >
      {banner}
      {kind.labelled && (
        <>
          <Form.Item
            name="period"
            label={t('import.period')}
            extra={t('import.periodHint')}
            rules={[{ required: true, pattern: PERIOD, message: t('import.periodInvalid') }]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input maxLength={10} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item
            name="source"
            label={t('import.source')}
            extra={t('import.sourceHint')}
            rules={[{ required: true, whitespace: true, max: 50, message: t('import.sourceRequired') }]}
          >
            <AutoComplete options={SOURCE_SUGGESTIONS.map((s) => ({ value: s }))} maxLength={50} />
          </Form.Item>
        </>
      )}
      {!kind.allOrNothing && (
        <Form.Item name="partial" label={t('import.partial')} extra={t('import.partialHint')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      <Form.Item
        name="dryRun"
        label={t('import.dryRun')}
        extra={t(kind.labelled ? 'import.dryRunHint' : 'import.dryRunHintKind')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="file"
        label={t('import.file')}
        extra={t('import.fileHint')}
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
        rules={[{ required: true, type: 'array', min: 1, message: t('import.fileRequired') }]}
      >
        {/* Nothing is sent on choosing: the file goes up with the form. */}
        <Upload accept=".xlsx,.csv" maxCount={1} beforeUpload={() => false}>
          <Button icon={<UploadOutlined />}>{t('import.pick')}</Button>
        </Upload>
      </Form.Item>
      {upload.isPending && (
        <Progress
          percent={Math.round(sent * 100)}
          status="active"
          format={(p) => `${t('import.uploading')} ${p}%`}
          style={{ marginBottom: sent >= 1 ? 0 : 16 }}
        />
      )}
      {/* Sent in full, the request waits while the server checks and keeps the file; the batch's page then shows its reading. */}
      {upload.isPending && sent >= 1 && (
        <Typography.Paragraph type="secondary">{t('import.uploaded')}</Typography.Paragraph>
      )}
      <Button type="primary" htmlType="submit" loading={upload.isPending}>
        {t('import.submit')}
      </Button>
    </Form>
  );
}
