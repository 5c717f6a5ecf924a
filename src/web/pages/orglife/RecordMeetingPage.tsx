import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Collapse,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ABSENCE_REASONS, MEETING_KINDS } from '../../../domain/orglife/meetings.ts';
import { api } from '../../api.ts';
import { Attachments, PendingAttachments, uploadPending } from '../../components/Attachments.tsx';
import { BackButton } from '../../components/BackButton.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import { afterToday, DATE_FORMAT, datePickerProps } from '../orgs/dates.ts';
import type { MeetingDetail, MeetingKind, MeetingRoster, PartyGroup } from './types.ts';

interface Values {
  kind?: MeetingKind;
  heldOn: Dayjs;
  partyGroupId?: number;
  topic?: string;
  present: number[];
  guests: number[];
  reasons: Record<string, 'leave' | 'other' | undefined>;
  election: boolean;
  host?: string;
  place?: string;
  resolutions?: string;
  notes?: string;
}

/** The absence reasons a secretary picks; 流动在外 is the server's, for mobile members. */
const PICKED_REASONS = ABSENCE_REASONS.filter((r) => r.code !== 'mobile');

/**
 * 记录会议, made for a phone: pick the kind, tick who came from the roster of that day (none
 * ticked to begin with, or all with one tap), save. The rest is optional and folded away.
 * With a meeting id it takes the attendance of a recorded meeting again (e.g. one a development
 * record created).
 */
export default function RecordMeetingPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const params = useParams();
  const meetingId = params.id ? Number(params.id) : null;
  const existing = useQuery({
    queryKey: ['orglife', 'meeting', meetingId],
    queryFn: () => api.get<MeetingDetail>(`/api/meetings/${meetingId}`),
    enabled: meetingId !== null,
  });
  const orgId = meetingId === null ? Number(params.orgId) : existing.data?.orgId;
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const heldOn = Form.useWatch('heldOn', form);
  const groupId = Form.useWatch('partyGroupId', form);
  const present = Form.useWatch('present', form) ?? [];
  const day = heldOn ? heldOn.format(DATE_FORMAT) : null;
  // Files chosen for a meeting not saved yet: uploaded once it has an id.
  const [files, setFiles] = useState<File[]>([]);

  const groups = useQuery({
    queryKey: ['orglife', 'groups', orgId],
    queryFn: () => api.get<PartyGroup[]>(`/api/orgs/${orgId}/party-groups`),
    enabled: orgId !== undefined,
  });
  const rosterGroup = kind === 'group_meeting' ? (groupId ?? null) : null;
  const roster = useQuery({
    queryKey: ['orglife', 'roster', orgId, day, rosterGroup],
    queryFn: () =>
      api.get<MeetingRoster>(`/api/orgs/${orgId}/meeting-roster`, {
        on: day as string,
        ...(rosterGroup !== null && { partyGroupId: rosterGroup }),
      }),
    enabled: orgId !== undefined && day !== null && (kind !== 'group_meeting' || rosterGroup !== null),
  });

  // A new roster (another day or group): keep only the ticks of people on it.
  useEffect(() => {
    if (!roster.data) return;
    const ids = new Set(roster.data.members.map((m) => m.memberId));
    const guestIds = new Set(roster.data.guests.map((m) => m.memberId));
    form.setFieldValue(
      'present',
      (form.getFieldValue('present') ?? []).filter((id: number) => ids.has(id)),
    );
    form.setFieldValue(
      'guests',
      (form.getFieldValue('guests') ?? []).filter((id: number) => guestIds.has(id)),
    );
  }, [roster.data, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const ticked = new Set(v.present);
      const body = {
        kind: v.kind,
        partyGroupId: v.kind === 'group_meeting' ? (v.partyGroupId ?? null) : null,
        heldOn: v.heldOn.format(DATE_FORMAT),
        topic: v.topic ?? '',
        host: v.host ?? null,
        place: v.place ?? null,
        resolutions: v.resolutions ?? null,
        notes: v.notes ?? null,
        present: [...v.present, ...(v.guests ?? [])],
        absences: Object.entries(v.reasons ?? {})
          .filter(([id, reason]) => reason && !ticked.has(Number(id)))
          .map(([id, reason]) => ({ memberId: Number(id), reason, note: null })),
        election: v.kind === 'general_meeting' && v.election,
      };
      type Saved = { id: number; present: number; absent: number };
      const saved =
        meetingId === null
          ? await api.post<Saved>(`/api/orgs/${orgId}/meetings`, body)
          : await api.put<Saved>(`/api/meetings/${meetingId}`, body);
      const failed = await uploadPending(`/api/meetings/${saved.id}`, files, errorText);
      return { ...saved, failed };
    },
    onSuccess: (r) => {
      void message.success(t('orglife.form.saved', { present: r.present, absent: r.absent }));
      for (const f of r.failed) void message.error(t('attachments.failed', f), 8);
      void client.invalidateQueries({ queryKey: ['orglife'] });
      void client.invalidateQueries({ queryKey: ['prompts'] });
      void client.invalidateQueries({ queryKey: ['attachments'] });
      // A file refused: the meeting's page, where it can be chosen again.
      navigate(r.failed.length > 0 ? `/meetings/${r.id}` : `/orgs/${orgId}`);
    },
  });

  if (existing.isError) return <QueryError error={existing.error} retry={() => void existing.refetch()} />;
  if (meetingId !== null && !existing.data) return <FullPageSpin />;
  const initial: Values = existing.data
    ? {
        kind: existing.data.kind,
        heldOn: dayjs(existing.data.heldOn),
        partyGroupId: existing.data.partyGroupId ?? undefined,
        topic: existing.data.topic,
        present: existing.data.attendance.filter((a) => a.present && !a.guest).map((a) => a.memberId),
        guests: existing.data.attendance.filter((a) => a.guest).map((a) => a.memberId),
        reasons: Object.fromEntries(
          existing.data.attendance
            .filter((a) => a.absentReason === 'leave' || a.absentReason === 'other')
            .map((a) => [String(a.memberId), a.absentReason as 'leave' | 'other']),
        ),
        election: existing.data.votes.some((v) => v.kind === 'election'),
        host: existing.data.host ?? undefined,
        place: existing.data.place ?? undefined,
        resolutions: existing.data.resolutions ?? undefined,
        notes: existing.data.notes ?? undefined,
      }
    : { heldOn: dayjs(), present: [], guests: [], reasons: {}, election: false };
  // A development record's vote fixes the kind and the date of its meeting.
  const fixed = existing.data?.votes.some((v) => v.developmentId !== null) ?? false;
  const members = roster.data?.members ?? [];
  const absent = members.filter((m) => !present.includes(m.memberId) && !m.mobile);

  const pickKind = (next: MeetingKind) => {
    const topic = form.getFieldValue('topic');
    const labels = MEETING_KINDS.map((k) => t(`orglife.kind.${k.code}`));
    if (!topic || labels.includes(topic)) form.setFieldValue('topic', t(`orglife.kind.${next}`));
  };

  return (
    <div style={{ maxWidth: 640 }}>
      <PageTitle extra={<BackButton fallback={orgId ? `/orgs/${orgId}` : '/home'} />}>
        {t('orglife.form.title')}
      </PageTitle>
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="kind"
          label={t('orglife.form.kind')}
          rules={[{ required: true, message: t('orglife.form.pickKind') }]}
        >
          <Radio.Group
            optionType="button"
            disabled={fixed}
            onChange={(e) => pickKind(e.target.value)}
            options={MEETING_KINDS.filter((k) => k.code !== 'group_meeting' || (groups.data?.length ?? 0) > 0).map(
              (k) => ({
                value: k.code,
                label: t(`orglife.kind.${k.code}`),
              }),
            )}
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            data-testid="meeting-kind"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="heldOn"
            label={t('orglife.form.heldOn')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 140px' }}
          >
            <DatePicker
              {...datePickerProps}
              disabled={fixed}
              disabledDate={afterToday}
              allowClear={false}
              inputReadOnly
            />
          </Form.Item>
          {kind === 'group_meeting' && (
            <Form.Item
              name="partyGroupId"
              label={t('orglife.form.group')}
              rules={[{ required: true, message: t('orglife.form.groupRequired') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Select options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item
          name="topic"
          label={t('orglife.form.topic')}
          rules={[{ required: true, whitespace: true, message: t('orglife.form.topicRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>

        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text strong>
            {t('orglife.form.attendance')}{' '}
            <Typography.Text type="secondary" data-testid="ticked">
              {t('orglife.form.ticked', { present: present.length, expected: members.length })}
            </Typography.Text>
          </Typography.Text>
          <Flex gap={8}>
            <Button
              size="small"
              onClick={() =>
                form.setFieldValue(
                  'present',
                  members.map((m) => m.memberId),
                )
              }
              disabled={members.length === 0}
              data-testid="all-present"
            >
              {t('orglife.form.allPresent')}
            </Button>
            <Button size="small" onClick={() => form.setFieldValue('present', [])} disabled={present.length === 0}>
              {t('orglife.form.clear')}
            </Button>
          </Flex>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('orglife.form.attendanceHint')}
        </Typography.Paragraph>
        {roster.isError ? (
          <QueryError error={roster.error} retry={() => void roster.refetch()} />
        ) : roster.isFetching && !roster.data ? (
          <Spin />
        ) : members.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orglife.form.noRoster')} />
        ) : null}
        <Form.Item name="present" noStyle>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 4 }}
            data-testid="roster"
          >
            {members.map((m) => (
              <Checkbox key={m.memberId} value={m.memberId} style={{ padding: '6px 0' }}>
                {m.name}
                {m.probationary && (
                  <Tag color="orange" style={{ marginInlineStart: 4 }}>
                    {t('orglife.form.probationary')}
                  </Tag>
                )}
                {m.mobile && (
                  <Tag color="blue" style={{ marginInlineStart: 4 }}>
                    {t('orglife.form.mobile')}
                  </Tag>
                )}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {(roster.data?.guests.length ?? 0) > 0 && (
          <Form.Item name="guests" label={t('orglife.form.guests')} style={{ marginTop: 12 }}>
            <Checkbox.Group options={roster.data?.guests.map((g) => ({ value: g.memberId, label: g.name }))} />
          </Form.Item>
        )}
        {kind === 'general_meeting' && (
          <Form.Item
            name="election"
            valuePropName="checked"
            extra={t('orglife.form.electionHint')}
            style={{ marginTop: 12 }}
          >
            <Checkbox>{t('orglife.form.election')}</Checkbox>
          </Form.Item>
        )}
        <Collapse
          ghost
          size="small"
          style={{ margin: '12px 0' }}
          items={[
            ...(absent.length > 0
              ? [
                  {
                    key: 'absences',
                    label: t('orglife.form.absences'),
                    children: absent.map((m) => (
                      <Form.Item
                        key={m.memberId}
                        name={['reasons', String(m.memberId)]}
                        label={m.name}
                        style={{ marginBottom: 8 }}
                      >
                        <Select
                          allowClear
                          placeholder={t('orglife.reason.none')}
                          options={PICKED_REASONS.map((r) => ({ value: r.code, label: t(`orglife.reason.${r.code}`) }))}
                        />
                      </Form.Item>
                    )),
                  },
                ]
              : []),
            {
              key: 'more',
              label: t('orglife.form.more'),
              forceRender: true,
              children: (
                <>
                  <Form.Item name="host" label={t('orglife.form.host')}>
                    <Input maxLength={30} />
                  </Form.Item>
                  <Form.Item name="place" label={t('orglife.form.place')}>
                    <Input maxLength={60} />
                  </Form.Item>
                  <Form.Item name="resolutions" label={t('orglife.form.resolutions')}>
                    <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
                  </Form.Item>
                  <Form.Item name="notes" label={t('orglife.form.notes')}>
                    <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
        <Form.Item label={t('orglife.form.attachments')}>
          {meetingId === null ? (
            <PendingAttachments files={files} setFiles={setFiles} />
          ) : (
            <Attachments recordPath={`/api/meetings/${meetingId}`} canWrite />
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={save.isPending} data-testid="save-meeting">
          {t('orglife.form.save')}
        </Button>
      </Form>
    </div>
  );
}
