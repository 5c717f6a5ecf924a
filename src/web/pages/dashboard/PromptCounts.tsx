import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import type { Prompts } from '../../api/types.ts';
import { api } from '../../api.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LEVEL_COLORS, listHref, SECTION_TITLES, topLevel } from '../prompts/sections.ts';

/**
 * How many work prompts of each kind are open in the user's whole scope; each count opens the
 * list of them (the ledger for enterprise prompts, the prompts page for the others).
 */
export function PromptCounts() {
  const { t } = useI18n();
  const query = useQuery({ queryKey: ['prompts'], queryFn: () => api.get<Prompts>('/api/prompts') });
  const sections = (query.data?.sections ?? []).filter((s) => s.total > 0);
  return (
    <Card title={t('dashboard.prompts')} size="small" loading={query.isPending} style={{ height: '100%' }}>
      {query.isError ? (
        <QueryError error={query.error} retry={() => void query.refetch()} />
      ) : (
        <List
          size="small"
          dataSource={sections}
          locale={{ emptyText: t('dashboard.noPrompts') }}
          renderItem={(s) => {
            const level = topLevel(s);
            const title = SECTION_TITLES[s.key] ? t(SECTION_TITLES[s.key]) : s.key;
            return (
              <List.Item
                extra={
                  <Link to={s.listFilter ? listHref(s.listFilter) : '/prompts'} data-testid={`prompt-${s.key}`}>
                    <Tag color={level ? LEVEL_COLORS[level] : undefined} style={{ marginInlineEnd: 0 }}>
                      {s.total.toLocaleString()}
                    </Tag>
                  </Link>
                }
              >
                {title}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
