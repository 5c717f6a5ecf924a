import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useUser } from '../session.ts';
import { FullPageSpin } from './FullPageSpin.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavMenu } from './NavMenu.tsx';
import { TodoBell } from './TodoBell.tsx';
import { useIsPhone } from './useIsPhone.ts';
import { useSignOut } from './useSignOut.ts';

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
          // Stays in view while a long page scrolls; its menu scrolls inside it, above the
          // collapse button (dj-sider in styles.css), so no entry hides under that button.
          className="dj-sider"
          style={{
            borderInlineEnd: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            height: '100vh',
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
              <TodoBell />
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
