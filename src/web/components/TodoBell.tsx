import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { TodoCount } from '../api/types.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

export const TODO_COUNT_KEY = ['todo', 'count'] as const;

/** How long a count is taken as current: moving between pages within it asks nothing. */
const FRESH_MS = 30_000;

/**
 * The header's bell: how many due items the user has (the to-do page on a tap). The count is
 * read when the user opens a page or comes back to the window and the last one is older than
 * FRESH_MS — never on a timer, so an idle tab asks nothing. Users whose roles can have no
 * to-dos (administrators, read-only roles) see no bell.
 */
export function TodoBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const client = useQueryClient();
  const count = useQuery({
    queryKey: TODO_COUNT_KEY,
    queryFn: () => api.get<TodoCount>('/api/todo/count'),
    staleTime: FRESH_MS,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    // Each new page: the count again if it is stale (a running read is joined, not restarted).
    void pathname;
    void client.refetchQueries({ queryKey: TODO_COUNT_KEY, stale: true, type: 'active' }, { cancelRefetch: false });
  }, [pathname, client]);

  if (!count.data?.enabled) return null;
  const n = count.data.total;
  return (
    <Button
      type="text"
      aria-label={t('todo.bell', { n })}
      title={t('todo.bell', { n })}
      onClick={() => navigate('/todo')}
      data-testid="todo-bell"
      style={{ paddingInline: 8 }}
    >
      <Badge count={n} size="small" overflowCount={99} offset={[4, -2]} data-testid="todo-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
}
