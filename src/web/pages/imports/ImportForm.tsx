import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Form, Input, Progress, Switch, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { AnyBatch } from '../../api/types.ts';
import { uploadFile } from '../../api.ts';
import { coversFields, showFieldErrors } from '../../components/formErrors.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import type { KindDef } from './kinds.ts';
import { PERIOD, quarterOf, SOURCE_SUGGESTIONS } from './period.ts';
import { batchKey } from './useBatch.ts';

interface Values {
  period: string;
  source: string;
  partial: boolean;
  dryRun: boolean;
  file: UploadFile[];
}

const FIELDS = ['period', 'source'] as const;

/**
 * The import's labels (the enterprise file's period and source only) and modes and the file;
 * uploading it starts the batch, whose page takes over.
 */
export function ImportForm({ kind }: { kind: KindDef }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [sent, setSent] = useState(0);

  const upload = useMutation({
    mutationFn: ({ period, source, partial, dryRun, file }: Values) => {
      const blob = file[0].originFileObj as File;
      setSent(0);
      const labels = kind.labelled ? { period: period.trim(), source: source.trim() } : {};
      return uploadFile<AnyBatch>(kind.upload, { fileName: blob.name, ...labels, partial, dryRun }, blob, setSent);
    },
    onSuccess: (batch) => {
      client.setQueryData(batchKey(batch.id), batch);
      void client.invalidateQueries({ queryKey: ['ledger', 'batches'] });
      navigate(kind.page(batch.id));
    },
    onError: (error) => showFieldErrors(form, error, FIELDS),
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ period: quarterOf(new Date()), source: SOURCE_SUGGESTIONS[0], partial: false, dryRun: false }}
      onFinish={(v) => upload.mutate(v)}
      disabled={upload.isPending}
      style={{ maxWidth: 560 }}
    >
      {upload.isError && !coversFields(upload.error, FIELDS) && (
        <Alert type="error" showIcon title={errorText(upload.error)} style={{ marginBottom: 16 }} />
      )}
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
      <Form.Item name="partial" label={t('import.partial')} extra={t('import.partialHint')} valuePropName="checked">
        <Switch />
      </Form.Item>
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
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" htmlType="submit" loading={upload.isPending}>
        {t('import.submit')}
      </Button>
    </Form>
  );
}
