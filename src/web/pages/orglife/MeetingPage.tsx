import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { BackButton } from '../../components/BackButton.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import type { MeetingDetail } from './types.ts';

/**
 * One meeting as recorded: what, when, who came, what was decided, and its minutes and other
 * files to download (added here too by whoever records for the org). Made for a phone.
 */
export default function MeetingPage() {
  const { t } = useI18n();
  const can = useCan();
  const id = Number(useParams().id);
  const meeting = useQuery({
    queryKey: ['orglife', 'meeting', id],
    queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`),
  });
  if (meeting.isError) return <QueryError error={meeting.error} retry={() => void meeting.refetch()} />;
  const m = meeting.data;
  if (!m) return <FullPageSpin />;
  const canWrite = can('orglife.write');
  const absent = m.attendance.filter((a) => !a.present);
  return (
    <div style={{ maxWidth: 720 }}>
      <PageTitle extra={<BackButton fallback={`/orgs/${m.orgId}`} />}>{m.topic}</PageTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          <Typography.Text>{m.heldOn}</Typography.Text>
          <Tag>{t(`orglife.kind.${m.kind}`)}</Tag>
          {m.partyGroupName && <Tag>{m.partyGroupName}</Tag>}
          {canWrite && (
            <Link to={`/meetings/${m.id}/edit`} style={{ marginInlineStart: 'auto' }}>
              <Button size="small">{t('orglife.edit')}</Button>
            </Link>
          )}
        </Flex>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'counts',
              label: t('orglife.page.attendance'),
              children: m.attendanceRecorded
                ? [
                    t('orglife.counts', { expected: m.expected, present: m.present, absent: m.absent }),
                    ...(m.guests > 0 ? [t('orglife.guests', { guests: m.guests })] : []),
                  ].join(' · ')
                : t('orglife.noAttendance'),
            },
            ...(absent.length > 0
              ? [
                  {
                    key: 'absent',
                    label: t('orglife.page.absent'),
                    children: absent
                      .map((a) => (a.absentReason ? `${a.name}（${t(`orglife.reason.${a.absentReason}`)}）` : a.name))
                      .join('、'),
                  },
                ]
              : []),
            ...(m.host ? [{ key: 'host', label: t('orglife.form.host'), children: m.host }] : []),
            ...(m.place ? [{ key: 'place', label: t('orglife.form.place'), children: m.place }] : []),
            ...(m.resolutions
              ? [{ key: 'resolutions', label: t('orglife.form.resolutions'), children: m.resolutions }]
              : []),
            ...(m.notes ? [{ key: 'notes', label: t('orglife.form.notes'), children: m.notes }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('attachments.title')}>
        <Attachments recordPath={`/api/meetings/${m.id}`} canWrite={canWrite} />
      </Card>
    </div>
  );
}
