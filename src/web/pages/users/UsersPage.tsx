import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ApiResponse, User } from '../../api/types.ts';
import { FilterBar, qSearch } from '../../components/list/FilterBar.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { text } from '../../components/list/params.ts';
import { useListState } from '../../components/list/useListState.ts';
import { usePagedQuery } from '../../components/list/usePagedQuery.ts';
import { type OneTimePassword, OneTimePasswordModal } from '../../components/OneTimePasswordModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCan } from '../../session.ts';
import { RolesModal } from './RolesModal.tsx';
import { UserActions } from './UserActions.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UserStatus } from './UserStatus.tsx';

const USER_LIST = { q: text() };

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export default function UsersPage() {
  const { t } = useI18n();
  const can = useCan();
  const isPhone = useIsPhone();
  const list = useListState(USER_LIST);
  const [editing, setEditing] = useState<Editing>(null);
  const [rolesOf, setRolesOf] = useState<User | null>(null);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);

  const query = usePagedQuery<ApiResponse<'/api/users'>>(['users'], '/api/users', list.filter, list);

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
        <FilterBar
          search={qSearch(list, {
            placeholder: t('users.searchPlaceholder'),
            width: 360,
            enterButton: t('common.search'),
          })}
        />
        <ListView<User>
          query={query}
          columns={columns}
          paging={list}
          totalText={(total) => t('common.total', { total })}
        />
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
