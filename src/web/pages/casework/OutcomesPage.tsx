import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Spin } from 'antd';
import { useState } from 'react';
import type { Outcome } from '../../api/types.ts';
import { api } from '../../api.ts';
import { text } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { fromDay, toDay } from '../orgs/dates.ts';
import { OutcomeList } from './OutcomeList.tsx';
import { OutcomeModal } from './OutcomeModal.tsx';

const OUTCOME_LIST = { from: text(), to: text() };

/** 工作成果: typed and derived, newest first, in a date range. */
export default function OutcomesPage() {
  const { t } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const list = useListState(OUTCOME_LIST);
  const [adding, setAdding] = useState(false);
  const { from, to } = list.filter;
  const query = useQuery({
    queryKey: ['casework', 'outcomes', { from, to }],
    queryFn: () => api.get<Outcome[]>('/api/casework/outcomes', { from, to }),
  });
  const changed = () => void client.invalidateQueries({ queryKey: ['casework'] });
  return (
    <>
      <PageTitle
        extra={
          can('instructor.record') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('outcome.add')}
            </Button>
          )
        }
      >
        {t('outcome.title')}
      </PageTitle>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 8 }}>
          <DatePicker.RangePicker
            value={[fromDay(from), fromDay(to)]}
            allowEmpty={[true, true]}
            placeholder={[t('outcome.from'), t('outcome.to')]}
            onChange={(v) =>
              list.set(
                { from: toDay(v?.[0] ?? null) || undefined, to: toDay(v?.[1] ?? null) || undefined },
                { replace: true },
              )
            }
            inputReadOnly
          />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : !query.data ? (
          <Spin />
        ) : (
          <OutcomeList items={query.data} onChanged={changed} />
        )}
      </Card>
      {adding && <OutcomeModal onClose={() => setAdding(false)} onDone={changed} />}
    </>
  );
}
