import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ApiResponse, User } from '../../api/types.ts';
import { api } from '../../api.ts';
import { type OneTimePassword, OneTimePasswordModal } from '../../components/OneTimePasswordModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { RolesModal } from './RolesModal.tsx';
import { UserActions } from './UserActions.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UserStatus } from './UserStatus.tsx';

const PAGE_SIZE = 20;

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export default function UsersPage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page')) || 1;
  const [editing, setEditing] = useState<Editing>(null);
  const [rolesOf, setRolesOf] = useState<User | null>(null);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);

  const query = useQuery({
    queryKey: ['users', { q, page }],
    queryFn: () => api.get<ApiResponse<'/api/users'>>('/api/users', { q, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const setSearch = (next: { q?: string; page?: number }) => {
    const merged = { q, page, ...next };
    const search = new URLSearchParams();
    if (merged.q) search.set('q', merged.q);
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search);
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.col.username'), dataIndex: 'username' },
    { title: t('users.col.displayName'), dataIndex: 'displayName' },
    { title: t('users.col.region'), dataIndex: 'regionName' },
    {
      title: t('users.col.roles'),
      dataIndex: 'roles',
      render: (roles: User['roles']) =>
        roles.length === 0 ? (
          <Tag>{t('users.noRoles')}</Tag>
        ) : (
          roles.map((r) => (
            <Tag key={r} color="red">
              {t(`role.${r}`)}
            </Tag>
          ))
        ),
    },
    { title: t('users.col.status'), key: 'status', render: (_, user) => <UserStatus user={user} /> },
    {
      title: t('users.col.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: isPhone ? '' : t('common.actions'),
      key: 'actions',
      // On a phone the table scrolls sideways; the actions stay in reach as a "more" button.
      fixed: isPhone ? 'right' : undefined,
      width: isPhone ? 48 : undefined,
      render: (_, user) => (
        <UserActions
          compact={isPhone}
          user={user}
          onEdit={() => setEditing({ mode: 'edit', user })}
          onRoles={() => setRolesOf(user)}
          onOneTimePassword={setOneTime}
        />
      ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          can('user.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              {t('users.create')}
            </Button>
          )
        }
      >
        {t('users.title')}
      </PageTitle>
      <Card size="small">
        <Flex style={{ marginBottom: 12 }}>
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            enterButton={t('common.search')}
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => setSearch({ q: value.trim(), page: 1 })}
            style={{ maxWidth: 360 }}
          />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} retry={() => void query.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p) => setSearch({ page: p }),
            }}
          />
        )}
      </Card>
      {editing && (
        <UserFormModal
          user={editing.mode === 'edit' ? editing.user : null}
          onClose={() => setEditing(null)}
          onCreated={(created) => {
            setEditing(null);
            setOneTime({ username: created.user.username, password: created.oneTimePassword });
          }}
        />
      )}
      {rolesOf && <RolesModal user={rolesOf} onClose={() => setRolesOf(null)} />}
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
    </>
  );
}
