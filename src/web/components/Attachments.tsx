// A record's attachments (附件): listed with a download link for whoever sees the record; added
// and removed by whoever may change it. Any owner's files live under `<record path>/attachments`.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, List, Popconfirm, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import type { Dispatch, SetStateAction } from 'react';
import { ATTACHMENT_ACCEPT } from '../../domain/attachments.ts';
import type { ApiResponse } from '../api/types.ts';
import { api, request, uploadFile } from '../api.ts';
import { useErrorText, useI18n } from '../i18n/index.tsx';
import { QueryError } from './QueryError.tsx';

export type Attachment = ApiResponse<'/api/meetings/{id}/attachments'>[number];

export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `recordPath` is the record's API path, e.g. `/api/meetings/12`. */
export function Attachments({ recordPath, canWrite }: { recordPath: string; canWrite: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['attachments', recordPath];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<Attachment[]>(`${recordPath}/attachments`) });
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  const remove = useMutation({
    mutationFn: (id: number) => request('DELETE', `${recordPath}/attachments/${id}`),
    onSuccess: () => {
      void message.success(t('attachments.deleted'));
      refresh();
    },
    onError: (error) => void message.error(errorText(error)),
  });

  if (list.isError) return <QueryError error={list.error} retry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={8} data-testid="attachments">
      <List
        size="small"
        loading={list.isLoading}
        locale={{ emptyText: t('attachments.none') }}
        dataSource={list.data ?? []}
        renderItem={(a) => (
          <List.Item
            actions={[
              <a key="download" href={`${recordPath}/attachments/${a.id}`} download={a.fileName}>
                {t('attachments.download')}
              </a>,
              ...(canWrite
                ? [
                    <Popconfirm
                      key="delete"
                      title={t('attachments.deleteConfirm')}
                      onConfirm={() => remove.mutate(a.id)}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('attachments.delete')}
                      />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Flex vertical gap={0} style={{ minWidth: 0 }}>
              <Typography.Text ellipsis={{ tooltip: a.fileName }}>
                <PaperClipOutlined /> {a.fileName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fileSize(a.size)} ·{' '}
                {t('attachments.by', { name: a.uploadedBy ?? '—', date: dayjs(a.createdAt).format('YYYY-MM-DD') })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {canWrite && (
        <>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              const blob = file as File;
              uploadFile<{ id: number }>(`${recordPath}/attachments`, { fileName: blob.name }, blob)
                .then((r) => {
                  onSuccess?.(r);
                  void message.success(t('attachments.uploaded', { name: blob.name }));
                  refresh();
                })
                .catch((error: Error) => {
                  onError?.(error);
                  void message.error(errorText(error));
                });
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="add-attachment">
              {t('attachments.add')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('attachments.hint')}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}

/**
 * Files chosen on the form of a record not yet saved: held in the page, uploaded once the
 * record has an id (`uploadPending`).
 */
export function PendingAttachments({ files, setFiles }: { files: File[]; setFiles: Dispatch<SetStateAction<File[]>> }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8} data-testid="pending-attachments">
      {files.map((f, i) => (
        <Flex key={`${f.name}-${f.size}-${f.lastModified}`} justify="space-between" align="center" gap={8}>
          <Typography.Text ellipsis style={{ minWidth: 0 }}>
            <PaperClipOutlined /> {f.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fileSize(f.size)} · {t('attachments.pending')}
            </Typography.Text>
          </Typography.Text>
          <Button size="small" type="link" danger onClick={() => setFiles((all) => all.filter((_, j) => j !== i))}>
            {t('attachments.remove')}
          </Button>
        </Flex>
      ))}
      <Upload
        accept={ATTACHMENT_ACCEPT}
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          // Called once a file when several are chosen together: add to the latest list.
          setFiles((all) => [...all, file]);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="add-attachment">
          {t('attachments.add')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('attachments.hint')}
      </Typography.Text>
    </Flex>
  );
}

/** Uploads the files held by `PendingAttachments` to the saved record; the names of those refused, with why. */
export async function uploadPending(
  recordPath: string,
  files: File[],
  errorText: (error: unknown) => string,
): Promise<{ name: string; reason: string }[]> {
  const failed: { name: string; reason: string }[] = [];
  for (const file of files) {
    await uploadFile(`${recordPath}/attachments`, { fileName: file.name }, file).catch((error: unknown) =>
      failed.push({ name: file.name, reason: errorText(error) }),
    );
  }
  return failed;
}
