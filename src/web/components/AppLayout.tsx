import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SlidersOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Menu, type MenuProps, Typography } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../domain/roles.ts';
import { type MessageKey, useI18n } from '../i18n/index.tsx';
import { ASSESSMENT_NAV } from '../pages/assessments/nav.tsx';
import { CASEWORK_NAV } from '../pages/casework/nav.tsx';
import { INSTRUCTOR_NAV } from '../pages/instructors/nav.tsx';
import { MEMBER_NAV } from '../pages/members/nav.tsx';
import { REPORT_NAV } from '../pages/reports/nav.tsx';
import { SNAPSHOT_NAV } from '../pages/snapshots/nav.tsx';
import { useUser } from '../session.ts';
import { FullPageSpin } from './FullPageSpin.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useIsPhone } from './useIsPhone.ts';
import { useSignOut } from './useSignOut.ts';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Permission;
  /** Other pages that belong to this entry (its menu item is the one selected on them). */
  also?: string[];
}

// The menu shows only what the user's permissions open.
const NAV: NavItem[] = [
  { path: '/dashboard', label: 'nav.dashboard', icon: <DashboardOutlined />, permission: 'dashboard.read' },
  { path: '/prompts', label: 'nav.prompts', icon: <BellOutlined />, permission: 'prompt.read' },
  { path: '/ledger', label: 'nav.ledger', icon: <DatabaseOutlined />, permission: 'ledger.read' },
  {
    path: '/ledger/import',
    label: 'nav.ledgerImport',
    icon: <CloudUploadOutlined />,
    permission: 'ledger.import',
    also: ['/ledger/batches'],
  },
  { path: '/orgs', label: 'nav.orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
  // 党员名册, 发展党员, 组织关系转接.
  ...MEMBER_NAV,
  ...INSTRUCTOR_NAV,
  ...CASEWORK_NAV,
  ...ASSESSMENT_NAV,
  ...REPORT_NAV,
  ...SNAPSHOT_NAV,
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
  {
    path: '/settings/coverage',
    label: 'nav.coverageSettings',
    icon: <SlidersOutlined />,
    permission: 'settings.write',
  },
  { path: '/security', label: 'nav.security', icon: <SafetyCertificateOutlined />, permission: 'policy.write' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/account', label: 'nav.account', icon: <UserOutlined /> },
];
const API_DOCS = '/api-docs.html';

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items: MenuProps['items'] = [
    ...NAV.filter((n) => !n.permission || user.permissions.includes(n.permission)).map((n) => ({
      key: n.path,
      icon: n.icon,
      label: t(n.label),
    })),
    {
      key: API_DOCS,
      icon: <ApiOutlined />,
      label: (
        <a href={API_DOCS} target="_blank" rel="noreferrer">
          {t('nav.apiDocs')}
        </a>
      ),
    },
  ];
  // The entry whose path (or one of its pages) is the longest prefix of the page's: /ledger/import/7 is 台账导入, not 企业台账.
  const matches = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  const longest = (n: NavItem) => Math.max(0, ...[n.path, ...(n.also ?? [])].filter(matches).map((p) => p.length));
  const selected = NAV.filter((n) => longest(n) > 0).sort((a, b) => longest(b) - longest(a))[0]?.path;
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        if (key === API_DOCS) return;
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}

function DrawerTitle() {
  const user = useUser();
  return (
    <Flex vertical>
      <span>{user.displayName}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
        {user.regionName}
      </Typography.Text>
    </Flex>
  );
}

/** Who is signed in (a link to their account page) and the logout button. */
function UserBar({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <>
      {!compact && (
        <Button type="text" icon={<UserOutlined />} onClick={() => navigate('/account')}>
          {user.displayName}
          <Typography.Text type="secondary">{user.regionName}</Typography.Text>
        </Button>
      )}
      <Button
        type="text"
        icon={<LogoutOutlined />}
        aria-label={t('nav.logout')}
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {compact ? null : t('nav.logout')}
      </Button>
    </>
  );
}

/** The frame of every signed-in page: side menu (a drawer on phones) and a header. */
export function AppLayout() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={208}
          // Stays in view while a long page scrolls.
          style={{
            borderInlineEnd: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <Typography.Title
            level={5}
            ellipsis
            style={{ margin: 0, padding: '20px 16px', color: '#c8161d', textAlign: 'center' }}
          >
            {t(collapsed ? 'app.mark' : 'app.shortTitle')}
          </Typography.Title>
          <NavMenu />
        </Layout.Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          size={240}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<DrawerTitle />}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: isPhone ? '0 8px' : '0 24px',
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
            <Flex align="center" gap={4} style={{ minWidth: 0 }}>
              {isPhone && (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.menu')}
                  onClick={() => setDrawerOpen(true)}
                />
              )}
              <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
                {t(isPhone ? 'app.shortTitle' : 'app.title')}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={4} style={{ flexShrink: 0 }}>
              <LanguageSwitch compact={isPhone} />
              <UserBar compact={isPhone} />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
