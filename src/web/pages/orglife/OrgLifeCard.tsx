import { CalendarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Divider, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { api, request } from '../../api.ts';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { DATE_FORMAT } from '../orgs/dates.ts';
import { GroupsList } from './GroupsList.tsx';
import { MeetingCalendar } from './MeetingCalendar.tsx';
import type { Meeting, MeetingRoster, MeetingStatus, PartyGroup } from './types.ts';

function MeetingItem({ m, canWrite, onDelete }: { m: Meeting; canWrite: boolean; onDelete: (id: number) => void }) {
  const { t } = useI18n();
  const fromDevelopment = m.votes.some((v) => v.developmentId !== null);
  return (
    <List.Item
      actions={
        canWrite
          ? [
              <Link key="edit" to={`/meetings/${m.id}/edit`}>
                {t('orglife.edit')}
              </Link>,
              ...(fromDevelopment
                ? []
                : [
                    <Popconfirm key="delete" title={t('orglife.deleteConfirm')} onConfirm={() => onDelete(m.id)}>
                      <Button type="link" size="small" danger style={{ padding: 0 }}>
                        {t('orglife.delete')}
                      </Button>
                    </Popconfirm>,
                  ]),
            ]
          : []
      }
    >
      <Flex vertical gap={2}>
        <span>
          <Typography.Text>{m.heldOn}</Typography.Text> <Tag>{t(`orglife.kind.${m.kind}`)}</Tag>
          {m.partyGroupName && <Tag>{m.partyGroupName}</Tag>}
          <Link to={`/meetings/${m.id}`} data-testid="meeting-link">
            <strong>{m.topic}</strong>
          </Link>
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.attendanceRecorded
            ? [
                t('orglife.counts', { expected: m.expected, present: m.present, absent: m.absent }),
                ...(m.guests > 0 ? [t('orglife.guests', { guests: m.guests })] : []),
              ].join(' · ')
            : t('orglife.noAttendance')}
        </Typography.Text>
        {m.votes.map((v, i) => (
          <Typography.Text key={`${v.kind}-${v.developmentId ?? i}`} style={{ fontSize: 12 }}>
            {v.personName
              ? t('orglife.votePerson', { kind: t(`orglife.voteKind.${v.kind}`), name: v.personName })
              : t('orglife.vote', { kind: t(`orglife.voteKind.${v.kind}`) })}
          </Typography.Text>
        ))}
        {m.quorum && (
          <Typography.Text type={m.quorum.met ? 'success' : 'danger'} style={{ fontSize: 12 }}>
            {t(m.quorum.met ? 'orglife.quorumMet' : 'orglife.quorumNotMet', {
              base: m.quorum.base,
              needed: m.quorum.needed,
            })}
          </Typography.Text>
        )}
      </Flex>
    </List.Item>
  );
}

/**
 * 组织生活 on the org's page: its party groups, the year's meetings held and due by the
 * required frequency, and the meetings recorded; whoever records for the org records from here.
 */
export function OrgLifeCard({ orgId }: { orgId: number }) {
  const { t } = useI18n();
  const can = useCan();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const year = dayjs().year();
  const canWrite = can('orglife.write');
  const status = useQuery({
    queryKey: ['orglife', 'status', orgId, year],
    queryFn: () => api.get<MeetingStatus>(`/api/orgs/${orgId}/meeting-status`, { year }),
    enabled: can('orglife.read'),
  });
  const meetings = useQuery({
    queryKey: ['orglife', 'meetings', orgId, year],
    queryFn: () => api.get<Meeting[]>(`/api/orgs/${orgId}/meetings`, { year }),
    enabled: can('orglife.read'),
  });
  const groups = useQuery({
    queryKey: ['orglife', 'groups', orgId],
    queryFn: () => api.get<PartyGroup[]>(`/api/orgs/${orgId}/party-groups`),
    enabled: can('orglife.read'),
  });
  const roster = useQuery({
    queryKey: ['orglife', 'roster', orgId, dayjs().format(DATE_FORMAT), null],
    queryFn: () => api.get<MeetingRoster>(`/api/orgs/${orgId}/meeting-roster`, { on: dayjs().format(DATE_FORMAT) }),
    enabled: canWrite,
  });
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['orglife'] });
    void client.invalidateQueries({ queryKey: ['prompts'] });
  };
  const remove = useMutation({
    mutationFn: (id: number) => request('DELETE', `/api/meetings/${id}`),
    onSuccess: () => {
      void message.success(t('orglife.deleted'));
      changed();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  if (!can('orglife.read')) return null;

  return (
    <Card
      size="small"
      title={`${t('orglife.card.title')} · ${t('orglife.year', { year })}`}
      style={{ marginBottom: 16 }}
      loading={status.isPending}
      extra={
        canWrite && (
          <Link to={`/meetings/new/${orgId}`} data-testid="org-record-meeting">
            <Button type="primary" size="small" icon={<CalendarOutlined />}>
              {t('orglife.record')}
            </Button>
          </Link>
        )
      }
      data-testid="org-life"
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('orglife.calendar')}
      </Typography.Title>
      {status.data && <MeetingCalendar status={status.data} />}
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('orglife.groups')}
      </Typography.Title>
      <GroupsList
        orgId={orgId}
        groups={groups.data ?? []}
        roster={roster.data}
        canWrite={canWrite}
        onChanged={changed}
      />
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('orglife.meetings')}
      </Typography.Title>
      {meetings.data && meetings.data.length === 0 ? (
        <Typography.Text type="secondary">{t('orglife.noMeetings')}</Typography.Text>
      ) : (
        <List<Meeting>
          size="small"
          dataSource={meetings.data ?? []}
          rowKey="id"
          renderItem={(m) => <MeetingItem m={m} canWrite={canWrite} onDelete={(id) => remove.mutate(id)} />}
          data-testid="meeting-list"
        />
      )}
    </Card>
  );
}
