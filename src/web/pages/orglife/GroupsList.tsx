import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, List, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import type { ApiResponse } from '../../api/types.ts';
import { api, request } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useErrorText, useI18n } from '../../i18n/index.tsx';
import type { PartyGroup } from './types.ts';

interface GroupValues {
  name: string;
  memberIds: number[];
  leaderMemberId?: number | null;
}

type Roster = ApiResponse<'/api/orgs/{id}/meeting-roster'>;

/** The org's party groups with their members; whoever records for the org sets them up and edits them. */
export function GroupsList({
  orgId,
  groups,
  roster,
  canWrite,
  onChanged,
}: {
  orgId: number;
  groups: PartyGroup[];
  roster: Roster | undefined;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const remove = useMutation({
    mutationFn: (id: number) => request('DELETE', `/api/party-groups/${id}`),
    onSuccess: onChanged,
    onError: (e) => void message.error(errorText(e)),
  });
  const [editing, setEditing] = useState<PartyGroup | 'new' | null>(null);
  const members = (roster?.members ?? []).map((m) => ({ value: m.memberId, label: m.name }));
  const current = editing === 'new' ? null : editing;
  return (
    <>
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{t('orglife.noGroups')}</Typography.Text>
      ) : (
        <List<PartyGroup>
          size="small"
          dataSource={groups}
          rowKey="id"
          renderItem={(g) => (
            <List.Item
              actions={
                canWrite
                  ? [
                      <Button key="edit" type="link" size="small" onClick={() => setEditing(g)}>
                        {t('orglife.group.edit')}
                      </Button>,
                      <Popconfirm
                        key="delete"
                        title={t('orglife.group.deleteConfirm', { name: g.name })}
                        onConfirm={() => remove.mutate(g.id)}
                      >
                        <Button type="link" size="small" danger>
                          {t('orglife.group.delete')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Flex vertical>
                <span>
                  <Typography.Text strong>{g.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t('orglife.group.memberCount', { count: g.members.length })}
                    {g.leaderName && ` · ${t('orglife.group.leader')} ${g.leaderName}`}
                  </Typography.Text>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {g.members.map((m) => m.name).join('、')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {canWrite && (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => setEditing('new')} data-testid="add-group">
          {t('orglife.group.add')}
        </Button>
      )}
      {editing !== null && (
        <FormModal<GroupValues, unknown>
          title={current ? current.name : t('orglife.group.add')}
          onClose={() => setEditing(null)}
          initialValues={
            current
              ? {
                  name: current.name,
                  memberIds: current.members.map((m) => m.id),
                  leaderMemberId: current.leaderMemberId,
                }
              : { memberIds: [] }
          }
          submit={(v) => {
            const body = { name: v.name, memberIds: v.memberIds ?? [], leaderMemberId: v.leaderMemberId ?? null };
            return current
              ? api.put(`/api/party-groups/${current.id}`, body)
              : api.post(`/api/orgs/${orgId}/party-groups`, body);
          }}
          saved={t('orglife.group.saved')}
          onDone={onChanged}
        >
          {(form) => (
            <>
              <Form.Item name="name" label={t('orglife.group.name')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={30} />
              </Form.Item>
              <Form.Item name="memberIds" label={t('orglife.group.members')}>
                <Select mode="multiple" options={members} optionFilterProp="label" />
              </Form.Item>
              <Form.Item shouldUpdate noStyle>
                {() => {
                  const chosen: number[] = form.getFieldValue('memberIds') ?? [];
                  return (
                    <Form.Item name="leaderMemberId" label={t('orglife.group.leader')}>
                      <Select
                        allowClear
                        placeholder={t('orglife.group.leaderNone')}
                        options={members.filter((m) => chosen.includes(m.value))}
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </>
  );
}
