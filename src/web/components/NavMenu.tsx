import { Menu, type MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useUser } from '../session.ts';
import { type NavItem, navFor } from './navItems.tsx';

/**
 * The side menu (the drawer's on a phone): the home entries, the groups as folding submenus,
 * and the account. The group of the page being shown is open, so its entry shows selected.
 */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const nav = useMemo(() => navFor(user), [user]);

  const leaf = (n: NavItem) => ({
    key: n.path,
    icon: n.icon,
    label: n.external ? (
      <a href={n.path} target="_blank" rel="noreferrer">
        {t(n.label)}
      </a>
    ) : (
      t(n.label)
    ),
  });
  const items: MenuProps['items'] = [
    ...nav.top.map(leaf),
    ...nav.groups.map((g) => ({ key: `group:${g.key}`, icon: g.icon, label: t(g.label), children: g.items.map(leaf) })),
    ...nav.bottom.map(leaf),
  ];

  // The entry whose path (or one of its pages) is the longest prefix of the page's: /ledger/import/7 is 台账导入, not 企业台账.
  const matches = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  const longest = (n: NavItem) => Math.max(0, ...[n.path, ...(n.also ?? [])].filter(matches).map((p) => p.length));
  const entries = [...nav.top, ...nav.groups.flatMap((g) => g.items), ...nav.bottom];
  const selected = entries.filter((n) => longest(n) > 0).sort((a, b) => longest(b) - longest(a))[0]?.path;
  const selectedGroup = nav.groups.find((g) => g.items.some((n) => n.path === selected))?.key;

  const [openKeys, setOpenKeys] = useState<string[]>(selectedGroup ? [`group:${selectedGroup}`] : []);
  // A page reached by a link, not the menu: its group opens too.
  useEffect(() => {
    if (selectedGroup)
      setOpenKeys((keys) => (keys.includes(`group:${selectedGroup}`) ? keys : [...keys, `group:${selectedGroup}`]));
  }, [selectedGroup]);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        if (entries.find((n) => n.path === key)?.external) return;
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
