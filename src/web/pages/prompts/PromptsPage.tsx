import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import type { Prompts } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PromptSectionCard } from './PromptSectionCard.tsx';

/**
 * 工作提示: what is due, overdue or should be attended to in the user's scope, section by
 * section (enterprises to organize, re-elections, org rules, development, transfers, 三同步),
 * each item opening its record. The sections the user's permissions open, in the server's order.
 */
export default function PromptsPage() {
  const { t } = useI18n();
  const query = useQuery({ queryKey: ['prompts'], queryFn: () => api.get<Prompts>('/api/prompts') });

  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <FullPageSpin />;
  const { today, sections } = query.data;

  return (
    <>
      <PageTitle
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary">{t('prompts.asOf', { date: today })}</Typography.Text>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('prompts.refresh')}
              loading={query.isFetching}
              onClick={() => void query.refetch()}
            />
          </Flex>
        }
      >
        {t('prompts.title')}
      </PageTitle>
      {sections.length === 0 && (
        <Card size="small">
          <Empty description={t('prompts.empty')} />
        </Card>
      )}
      {sections.map((s) => (
        <PromptSectionCard key={s.key} section={s} />
      ))}
    </>
  );
}
