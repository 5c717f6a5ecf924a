import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { api, request } from '../../api.ts';
import { useRefresh } from '../../components/useRefresh.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import type { Achievement } from './types.ts';

/** Adopted / fulfilled as a tag, for the kinds that have it. */
function StatusTag({ a }: { a: Achievement }) {
  const { t } = useI18n();
  if (a.adopted !== null) {
    return (
      <Tag color={a.adopted ? 'green' : 'default'}>
        {t(a.adopted ? 'achievements.adopted' : 'achievements.notAdopted')}
      </Tag>
    );
  }
  if (a.fulfilled !== null) {
    return (
      <Tag color={a.fulfilled ? 'green' : 'default'}>
        {t(a.fulfilled ? 'achievements.fulfilled' : 'achievements.notFulfilled')}
      </Tag>
    );
  }
  return null;
}

/** The line under a record: date, enterprise (or org), people, money, period. */
function details(a: Achievement, t: ReturnType<typeof useI18n>['t'], showOrg: boolean): string {
  const people = a.members.map((m) => m.name ?? t('achievements.hiddenMember'));
  const parts = [
    a.onDate,
    showOrg ? a.orgName : a.enterpriseName,
    a.personName ? t('achievements.proposer', { name: a.personName }) : people.join('、') || null,
    a.benefit !== null ? t('achievements.benefitValue', { value: a.benefit }) : null,
    a.amount !== null ? t('achievements.amountValue', { value: a.amount }) : null,
    a.fromOn !== null
      ? a.toOn !== null
        ? t('achievements.period', { from: a.fromOn, to: a.toOn })
        : t('achievements.since', { from: a.fromOn })
      : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * Achievements newest first. Whoever records for the org follows one up (adopted, fulfilled)
 * or withdraws a mistaken entry; everyone else reads.
 */
export function AchievementList({ items, showOrg = false }: { items: Achievement[]; showOrg?: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const errorText = useErrorText();
  const refresh = useRefresh();
  const { message } = App.useApp();
  const done = (text: string) => () => {
    void message.success(text);
    refresh('achievements');
  };
  const onError = (e: unknown) => void message.error(errorText(e));
  const withdraw = useMutation({
    mutationFn: (id: number) => request('DELETE', `/api/achievements/${id}`),
    onSuccess: done(t('achievements.withdrawn')),
    onError,
  });
  const followUp = useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Record<string, boolean> }) =>
      api.patch(`/api/achievements/${id}`, patch),
    onSuccess: done(t('achievements.updated')),
    onError,
  });
  const writes = can('orglife.write');
  return (
    <List<Achievement>
      size="small"
      dataSource={items}
      rowKey="id"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('achievements.empty')} /> }}
      renderItem={(a) => (
        <List.Item data-testid="achievement-item" data-kind={a.kind}>
          <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
            <Flex gap={4} wrap align="center">
              <Tag color="red">{t(`achievements.kind.${a.kind}`)}</Tag>
              {a.form && <Tag>{t(`achievements.form.${a.form}`)}</Tag>}
              <StatusTag a={a} />
            </Flex>
            <Typography.Text strong style={{ wordBreak: 'break-word' }}>
              {a.content}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {details(a, t, showOrg)}
            </Typography.Text>
            {a.note && <Typography.Text type="secondary">{a.note}</Typography.Text>}
            {writes && (
              <Flex gap={12}>
                {a.adopted === false && (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => followUp.mutate({ id: a.id, patch: { adopted: true } })}
                  >
                    {t('achievements.markAdopted')}
                  </Button>
                )}
                {a.fulfilled === false && (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => followUp.mutate({ id: a.id, patch: { fulfilled: true } })}
                  >
                    {t('achievements.markFulfilled')}
                  </Button>
                )}
                <Popconfirm title={t('achievements.withdrawConfirm')} onConfirm={() => withdraw.mutate(a.id)}>
                  <Button type="link" size="small" danger style={{ padding: 0 }}>
                    {t('achievements.withdraw')}
                  </Button>
                </Popconfirm>
              </Flex>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}
