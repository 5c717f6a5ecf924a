import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Outcome } from '../../api/types.ts';
import { request } from '../../api.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { kindKey, sourceHref, unitKey } from './labels.ts';

/** Outcomes typed and derived; a derived one is marked and links to the record it is counted from. */
export function OutcomeList({
  items,
  onChanged,
  showEnterprise = true,
}: {
  items: Outcome[];
  onChanged: () => void;
  showEnterprise?: boolean;
}) {
  const { t } = useI18n();
  const can = useCan();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const remove = useMutation({
    mutationFn: (id: number) => request('DELETE', `/api/casework/outcomes/${id}`),
    onSuccess: () => {
      void message.success(t('outcome.deleted'));
      onChanged();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <List<Outcome>
      dataSource={items}
      locale={{ emptyText: <Empty description={t('outcome.empty')} /> }}
      renderItem={(o) => {
        const href = sourceHref(o);
        return (
          <List.Item data-testid="outcome-item" data-source={o.source}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8} align="center">
                <Typography.Text strong>
                  {t(kindKey(o.kind))} {o.quantity} {t(unitKey(o.kind))}
                  {o.benefit ? ` · ${t('outcome.benefit')} ${o.benefit}` : ''}
                </Typography.Text>
                {o.source === 'typed' ? (
                  <Flex gap={4} align="center">
                    <Tag>{t('outcome.typed')}</Tag>
                    {can('instructor.record') && (
                      <Popconfirm title={t('outcome.deleteConfirm')} onConfirm={() => remove.mutate(o.id)}>
                        <Button type="link" size="small" danger style={{ padding: 0 }}>
                          {t('outcome.delete')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Flex>
                ) : (
                  <Tag color="green">{t('outcome.derived')}</Tag>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.onDate} · {t(`outcome.role.${o.role}`)}
                {showEnterprise && ` · ${o.enterpriseName} · ${o.instructorName}`}
                {href && (
                  <>
                    {' · '}
                    <Link to={href}>
                      {t(`outcome.source.${o.source as 'development' | 'member' | 'request' | 'achievement'}`, {
                        id: o.id,
                      })}
                    </Link>
                  </>
                )}
              </Typography.Text>
              {o.note && <Typography.Text>{o.note}</Typography.Text>}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
