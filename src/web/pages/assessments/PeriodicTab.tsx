import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PeriodicEntry, ResultRow } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { periodName, scoreText } from './period.ts';
import { useResults } from './ResultsTab.tsx';

const DIMENSIONS = ['duties', 'discipline', 'effectiveness'] as const;
type Values = Record<(typeof DIMENSIONS)[number], number> & { note?: string };

/** The half-yearly assessment of every instructor in scope, entered or corrected one at a time. */
export function PeriodicTab({ period }: { period: string }) {
  const { t } = useI18n();
  const can = useCan();
  const results = useResults(period);
  const key = ['assessments', 'periodic', period];
  const entries = useQuery({
    queryKey: key,
    queryFn: () => api.get<PeriodicEntry[]>('/api/assessments/periodic', { period }),
  });
  const [editing, setEditing] = useState<ResultRow | null>(null);
  if (results.isError) return <QueryError error={results.error} retry={() => void results.refetch()} />;
  const entryOf = (id: number) => entries.data?.find((e) => e.instructorId === id);
  const w = results.data?.settings.dimensionWeights;
  return (
    <>
      {w && (
        <Typography.Paragraph type="secondary">
          {t('periodic.hint', { w: `${w.duties}:${w.discipline}:${w.effectiveness}` })}
        </Typography.Paragraph>
      )}
      <Table<ResultRow>
        rowKey="instructorId"
        size="middle"
        loading={results.isPending || entries.isPending}
        dataSource={results.data?.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('assess.empty') }}
        columns={[
          { title: t('assess.col.name'), dataIndex: 'name', fixed: 'left', width: 96 },
          { title: t('assess.col.department'), dataIndex: 'department' },
          ...DIMENSIONS.map((d) => ({
            title: t(`periodic.${d}`),
            key: d,
            align: 'right' as const,
            render: (_: unknown, r: ResultRow) => scoreText(entryOf(r.instructorId)?.[d] ?? null),
          })),
          {
            title: t('periodic.score'),
            dataIndex: 'periodic',
            align: 'right',
            render: (n: number | null) =>
              n === null ? (
                <Typography.Text type="secondary">{t('periodic.notEntered')}</Typography.Text>
              ) : (
                <strong>{scoreText(n)}</strong>
              ),
          },
          ...(can('assessment.write')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: ResultRow) => (
                    <Button type="link" size="small" onClick={() => setEditing(r)}>
                      {r.periodic === null ? t('periodic.edit') : t('periodic.change')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <PeriodicModal
          period={period}
          row={editing}
          entry={entryOf(editing.instructorId)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function PeriodicModal({
  period,
  row,
  entry,
  onClose,
}: {
  period: string;
  row: ResultRow;
  entry: PeriodicEntry | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  return (
    <FormModal<Values, unknown>
      title={t('periodic.editTitle', { name: row.name, period: periodName(t, period) })}
      okText={t('common.confirm')}
      onClose={onClose}
      initialValues={entry ? { ...entry, note: entry.note ?? undefined } : undefined}
      submit={(v) =>
        api.put('/api/assessments/periodic', { ...v, note: v.note || null, instructorId: row.instructorId, period })
      }
      onDone={() => {
        void message.success(t('periodic.saved'));
        void client.invalidateQueries({ queryKey: ['assessments'] });
      }}
    >
      {DIMENSIONS.map((d) => (
        <Form.Item
          key={d}
          name={d}
          label={t(`periodic.${d}`)}
          rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('daily.scoreRange') }]}
        >
          <InputNumber min={0} max={100} precision={2} style={{ width: 160 }} />
        </Form.Item>
      ))}
      <Form.Item name="note" label={t('daily.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
