import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiResponse } from '../../../api/types.ts';
import { api } from '../../../api.ts';
import { useErrorText, useI18n } from '../../../i18n/index.tsx';
import { BULK_PATH, BulkFields, type BulkKind, bodyOf, initialValues, kindLabel } from './fields.tsx';

type Result = ApiResponse<'/api/enterprises/bulk/assign/preview', 'post'>;
type Row = Result['rows'][number];
export type BulkSelection = { enterpriseIds: number[] } | { filter: Record<string, unknown> };

interface Props {
  kind: BulkKind;
  selection: BulkSelection;
  onClose: () => void;
  /** After a successful apply: the list reloads and the selection clears. */
  onApplied: () => void;
}

/**
 * A bulk action in three steps: its form; the server's preview, enterprise by enterprise,
 * of what will change or why it is refused; and, once confirmed, what was done.
 */
export function BulkModal({ kind, selection, onClose, onApplied }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [fields, setFields] = useState<Record<string, unknown>>({});
  const [preview, setPreview] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const previewing = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<Result>(`${BULK_PATH[kind]}/preview`, { selection, ...body }),
    onSuccess: setPreview,
  });
  const accepted = preview?.rows.filter((r) => r.ok).map((r) => r.id) ?? [];
  const applying = useMutation({
    mutationFn: () =>
      api.post<Result>(`${BULK_PATH[kind]}/apply`, { selection: { enterpriseIds: accepted }, ...fields }),
    onSuccess: (r) => {
      setDone(r);
      onApplied();
    },
  });
  const error = previewing.error ?? applying.error;

  const submit = async () => {
    const body = bodyOf(kind, await form.validateFields());
    setFields(body);
    previewing.mutate(body);
  };
  const shown = done ?? preview;
  const footer = done
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          {t('bulk.close')}
        </Button>,
      ]
    : preview
      ? [
          <Button key="back" onClick={() => setPreview(null)} disabled={applying.isPending}>
            {t('bulk.back')}
          </Button>,
          <Button
            key="apply"
            type="primary"
            disabled={accepted.length === 0}
            loading={applying.isPending}
            onClick={() => applying.mutate()}
          >
            {t('bulk.apply', { n: accepted.length })}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="preview" type="primary" loading={previewing.isPending} onClick={() => void submit()}>
            {t('bulk.preview')}
          </Button>,
        ];

  return (
    <Modal
      open
      title={t(kindLabel(kind))}
      onCancel={onClose}
      footer={footer}
      width={760}
      destroyOnHidden
      // A stray click beside the form must not throw away a preview.
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} hidden={shown !== null}>
        <BulkFields kind={kind} t={t} />
      </Form>
      {shown && (
        <>
          {done ? (
            <Alert type="success" showIcon message={t('bulk.done', { n: done.accepted })} data-testid="bulk-done" />
          ) : (
            <>
              <Typography.Text strong data-testid="bulk-summary">
                {t('bulk.previewSummary', { total: shown.total, accepted: shown.accepted, refused: shown.refused })}
              </Typography.Text>
              <Typography.Paragraph type="secondary">{t('bulk.previewHint')}</Typography.Paragraph>
            </>
          )}
          <OutcomeTable rows={shown.rows} done={done !== null} />
        </>
      )}
    </Modal>
  );
}

function OutcomeTable({ rows, done }: { rows: Row[]; done: boolean }) {
  const { t } = useI18n();
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      dataSource={rows}
      style={{ marginTop: 12 }}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('bulk.col.enterprise'), dataIndex: 'name' },
        {
          title: t('bulk.col.state'),
          key: 'state',
          render: (_, r) =>
            r.ok ? (
              <Tag color="green">{t(done ? 'bulk.applied' : 'bulk.ok')}</Tag>
            ) : (
              <Tag color="red">{t('bulk.refused')}</Tag>
            ),
        },
        { title: t('bulk.col.detail'), key: 'detail', render: (_, r) => r.change ?? r.reason },
      ]}
    />
  );
}
