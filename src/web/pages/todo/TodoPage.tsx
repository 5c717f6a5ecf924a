import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { Todo, TodoCount, TodoSection } from '../../api/types.ts';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TODO_COUNT_KEY } from '../../components/TodoBell.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DueItemRow } from '../prompts/DueItemRow.tsx';
import { LEVEL_COLORS } from '../prompts/sections.ts';
import { todoHref, todoTitle } from './todoSections.ts';

function TodoSectionCard({ section }: { section: TodoSection }) {
  const { t } = useI18n();
  const overdue = section.items.some((i) => i.level === 'overdue');
  return (
    <Card
      size="small"
      title={
        <Flex wrap gap={8} align="center">
          <span>{t(todoTitle(section.key))}</span>
          <Tag color={overdue ? LEVEL_COLORS.overdue : LEVEL_COLORS.due} style={{ marginInlineEnd: 0 }}>
            {section.total.toLocaleString()}
          </Tag>
        </Flex>
      }
      style={{ marginBottom: 12 }}
      styles={{ body: { paddingTop: 4 } }}
      data-testid={`todo-section-${section.key}`}
    >
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {section.items.map((item) => (
          <DueItemRow
            key={`${item.link.type}-${item.link.id ?? item.link.quarter}-${item.message}`}
            item={item}
            href={todoHref(item.link)}
            testId="todo-item"
          />
        ))}
      </ul>
      {section.total > section.items.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('todo.firstOnly', { shown: section.items.length, total: section.total.toLocaleString() })}
        </Typography.Text>
      )}
    </Card>
  );
}

/** 待办: the user's due and overdue items by kind, each linking to its record. */
export default function TodoPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const todo = useQuery({ queryKey: ['todo', 'list'], queryFn: () => api.get<Todo>('/api/todo') });
  const total = todo.data?.total;
  useEffect(() => {
    // The list just read is the newest count: the bell shows the same number.
    if (total !== undefined) client.setQueryData<TodoCount>(TODO_COUNT_KEY, (old) => old && { ...old, total });
  }, [total, client]);

  return (
    <>
      <PageTitle
        extra={
          total !== undefined && (
            <Typography.Text type="secondary" data-testid="todo-total">
              {t('todo.total', { n: total.toLocaleString() })}
            </Typography.Text>
          )
        }
      >
        {t('todo.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('todo.hint')}</Typography.Paragraph>
      {todo.isError ? (
        <QueryError error={todo.error} retry={() => void todo.refetch()} />
      ) : !todo.data ? (
        <Spin />
      ) : todo.data.sections.length === 0 ? (
        <Empty description={t('todo.empty')} />
      ) : (
        todo.data.sections.map((s) => <TodoSectionCard key={s.key} section={s} />)
      )}
    </>
  );
}
