// 失联情况 on the member page (phone-friendly: one column on a phone, the buttons wrap): the last
// recorded activity and from when the member may be recorded as lost contact, the open case
// with its searches, and the closed ones. The org holding the relation (and the committee) act.

import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { LostContactCase, MemberDetail, MemberLostContact } from '../../api/types.ts';
import { api } from '../../api.ts';
import { DetailCard } from '../../components/CardTable.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { DATE_FORMAT } from '../orgs/dates.ts';
import { OutcomeModal, RecordLostModal, SearchModal } from './LostContactForms.tsx';
import { circumstanceKey, methodKey, outcomeKey } from './labels.ts';

function CaseView({ c }: { c: LostContactCase }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('lost.field.state')}>
          {c.outcome ? (
            <Tag>{`${t(outcomeKey(c.outcome))} · ${c.outcomeOn}`}</Tag>
          ) : (
            <Tag color="red" data-testid="lost-open">
              {t('lost.searching')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('lost.field.circumstance')}>
          {t(circumstanceKey(c.circumstance))}
          {c.circumstanceNote ? `（${c.circumstanceNote}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('lost.field.since')}>{c.outOfContactSince}</Descriptions.Item>
        <Descriptions.Item label={t('lost.field.recordedOn')}>{c.recordedOn}</Descriptions.Item>
      </Descriptions>
      {c.searches.length === 0 ? (
        <Typography.Text type="secondary">{t('lost.noSearch')}</Typography.Text>
      ) : (
        <List
          size="small"
          data-testid="lost-searches"
          dataSource={c.searches}
          renderItem={(s) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space direction="vertical" size={0}>
                <Typography.Text
                  strong
                >{`${s.searchedOn} · ${t(methodKey(s.method))} · ${s.searcher}`}</Typography.Text>
                <Typography.Text>{s.result}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

export function LostContactCard({ detail }: { detail: MemberDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const m = detail.member;
  const [form, setForm] = useState<'record' | 'search' | 'outcome' | null>(null);
  const query = useQuery({
    queryKey: ['members', 'lost-contact', m.id],
    queryFn: () => api.get<MemberLostContact>(`/api/members/${m.id}/lost-contact`),
  });
  const data = query.data;
  if (!data) return null;
  const open = data.cases.find((c) => c.outcome === null);
  const write = can('member.write') && detail.writable && m.leftOn === null;
  const due = !dayjs().isBefore(dayjs(data.lostFrom, DATE_FORMAT), 'day');
  return (
    <DetailCard
      title={t('lost.title')}
      testId="member-lost-contact"
      extra={
        write && (
          <Space wrap>
            {!open && due && (
              <Button size="small" danger onClick={() => setForm('record')} data-testid="lost-record">
                {t('lost.record')}
              </Button>
            )}
            {open && (
              <Button size="small" onClick={() => setForm('search')} data-testid="lost-search">
                {t('lost.search')}
              </Button>
            )}
            {open && (
              <Button size="small" onClick={() => setForm('outcome')} data-testid="lost-outcome">
                {t('lost.outcome')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('lost.lastActivity')}>
          <span data-testid="lost-last-activity">{data.lastActivityOn}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('lost.lostFrom')}>{data.lostFrom}</Descriptions.Item>
      </Descriptions>
      {!open && !due && data.onRoster && (
        <Typography.Paragraph type="secondary">{t('lost.notYet', { date: data.lostFrom })}</Typography.Paragraph>
      )}
      {data.cases.length === 0 && <Typography.Text type="secondary">{t('lost.none')}</Typography.Text>}
      {data.cases.map((c) => (
        <CaseView key={c.id} c={c} />
      ))}
      {form === 'record' && (
        <RecordLostModal memberId={m.id} name={m.name} since={data.lastActivityOn} onClose={() => setForm(null)} />
      )}
      {form === 'search' && open && <SearchModal c={open} onClose={() => setForm(null)} />}
      {form === 'outcome' && open && <OutcomeModal c={open} status={m.status} onClose={() => setForm(null)} />}
    </DetailCard>
  );
}
