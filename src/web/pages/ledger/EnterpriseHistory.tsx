import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HistoryEntry } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FieldChange } from './FieldChange.tsx';
import { useHistoryValue } from './historyValues.ts';

/** The entries of one change: the same moment, the same batch or user edit, the same person. */
function groupByChange(history: HistoryEntry[]): HistoryEntry[][] {
  const groups: HistoryEntry[][] = [];
  for (const h of history) {
    const last = groups.at(-1)?.[0];
    if (last && last.at === h.at && last.batchId === h.batchId && last.actorName === h.actorName) {
      groups.at(-1)?.push(h);
    } else {
      groups.push([h]);
    }
  }
  return groups;
}

/** Every change to the enterprise, newest first: which field, before → after, who, when and from where. */
export function EnterpriseHistory({ history }: { history: HistoryEntry[] }) {
  const { t } = useI18n();
  const groups = groupByChange(history);
  const value = useHistoryValue(history);

  return (
    <Card title={t('enterprise.history')} size="small">
      {groups.length === 0 ? (
        <Empty description={t('history.empty')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={groups.map((entries) => {
            const first = entries[0];
            const fromBatch = first.batchId !== null;
            return {
              key: first.id,
              // Imports blue, users' edits green (the theme's primary colour is the party red).
              color: fromBatch ? '#1677ff' : '#52c41a',
              content: (
                <div data-testid="history-item">
                  <Flex wrap gap="4px 8px" align="center">
                    <Typography.Text strong>{dayjs(first.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                    <Tag color={fromBatch ? 'blue' : 'green'}>
                      {!fromBatch
                        ? t('history.userEdit')
                        : first.period !== null
                          ? t('history.batch', { period: first.period, source: first.source ?? '' })
                          : // A batch from beyond the user's own scope (a city's import) is not theirs to read.
                            t('history.batchId', { id: first.batchId ?? '' })}
                    </Tag>
                    <Typography.Text type="secondary">{t('history.by', { name: first.actorName })}</Typography.Text>
                  </Flex>
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {entries.map((h) => (
                      <li key={h.id}>
                        {h.field === 'created' ? (
                          t('history.created')
                        ) : (
                          <FieldChange field={h.field} before={h.before} after={h.after} value={value} />
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
