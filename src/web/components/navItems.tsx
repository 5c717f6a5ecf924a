// What the side menu holds: the home entries, then the groups of pages (台账管理 · 组织建设 ·
// 党员管理 · 指导员 · 统计报表 · 系统管理), each entry shown only to whoever may use it.
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SlidersOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ADMIN_ROLES, type Permission } from '../../domain/roles.ts';
import type { SessionUser } from '../api/types.ts';
import type { MessageKey } from '../i18n/index.tsx';
import { ASSESSMENT_NAV } from '../pages/assessments/nav.tsx';
import { CASEWORK_NAV } from '../pages/casework/nav.tsx';
import { INSTRUCTOR_NAV } from '../pages/instructors/nav.tsx';
import { MEMBER_NAV } from '../pages/members/nav.tsx';
import { REPORT_NAV } from '../pages/reports/nav.tsx';
import { RECOGNITION_NAV } from '../pages/secretaryPool/nav.tsx';
import { SNAPSHOT_NAV } from '../pages/snapshots/nav.tsx';
import { homePath } from '../session.ts';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: Permission;
  /** Beyond the permission: whether this user gets the entry (e.g. the home page of their role). */
  shows?: (user: SessionUser) => boolean;
  /** Other pages that belong to this entry (its menu item is the one selected on them). */
  also?: string[];
  /** Opens outside the app (a new tab), not a route. */
  external?: boolean;
}

export interface NavGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  items: NavItem[];
}

export const API_DOCS = '/api-docs.html';

const byCasework = (n: (typeof CASEWORK_NAV)[number]) => n.path !== '/casework/summary';

const HOME: NavItem[] = [
  {
    path: '/home',
    label: 'nav.home.instructor',
    icon: <HomeOutlined />,
    shows: (u) => homePath(u) === '/home' && !u.roles.includes('secretary'),
  },
  {
    path: '/home',
    label: 'nav.home.secretary',
    icon: <HomeOutlined />,
    shows: (u) => homePath(u) === '/home' && u.roles.includes('secretary'),
  },
  // The region dashboard is the home of those who run the region's work.
  {
    path: '/dashboard',
    label: 'nav.dashboard',
    icon: <DashboardOutlined />,
    permission: 'dashboard.read',
    shows: (u) => homePath(u) === '/dashboard',
  },
  { path: '/prompts', label: 'nav.prompts', icon: <BellOutlined />, permission: 'prompt.read' },
];

const GROUPS: NavGroup[] = [
  {
    key: 'ledger',
    label: 'nav.group.ledger',
    icon: <DatabaseOutlined />,
    items: [
      { path: '/ledger', label: 'nav.ledger', icon: <DatabaseOutlined />, permission: 'ledger.read' },
      {
        path: '/ledger/import',
        label: 'nav.ledgerImport',
        icon: <CloudUploadOutlined />,
        permission: 'ledger.import',
        also: ['/ledger/batches'],
      },
    ],
  },
  {
    key: 'orgs',
    label: 'nav.group.orgs',
    icon: <ApartmentOutlined />,
    items: [
      { path: '/orgs', label: 'nav.orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
      { path: '/settings/org-rules', label: 'nav.orgRules', icon: <SlidersOutlined />, permission: 'org.manage' },
      {
        path: '/settings/appraisal-rules',
        label: 'nav.appraisalRules',
        icon: <SlidersOutlined />,
        permission: 'appraisal.manage',
      },
      // 下派书记库, 表彰与示范点.
      ...RECOGNITION_NAV,
    ],
  },
  // 党员名册, 发展党员, 组织关系转接.
  { key: 'members', label: 'nav.group.members', icon: <SolutionOutlined />, items: MEMBER_NAV },
  {
    key: 'instructors',
    label: 'nav.group.instructors',
    icon: <TeamOutlined />,
    items: [...INSTRUCTOR_NAV, ...CASEWORK_NAV.filter(byCasework), ...ASSESSMENT_NAV],
  },
  {
    key: 'reports',
    label: 'nav.group.reports',
    icon: <BarChartOutlined />,
    items: [...REPORT_NAV, ...CASEWORK_NAV.filter((n) => !byCasework(n)), ...SNAPSHOT_NAV],
  },
  {
    key: 'system',
    label: 'nav.group.system',
    icon: <SettingOutlined />,
    items: [
      { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
      {
        path: '/settings/coverage',
        label: 'nav.coverageSettings',
        icon: <SlidersOutlined />,
        permission: 'settings.write',
      },
      {
        path: '/settings/orglife',
        label: 'nav.orglifeSettings',
        icon: <SlidersOutlined />,
        permission: 'settings.write',
      },
      {
        path: '/settings/deployments',
        label: 'nav.deploymentKeys',
        icon: <KeyOutlined />,
        permission: 'settings.write',
      },
      { path: '/security', label: 'nav.security', icon: <SafetyCertificateOutlined />, permission: 'policy.write' },
      { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
      // The interface description is for whoever connects other systems: the administrators.
      {
        path: API_DOCS,
        label: 'nav.apiDocs',
        icon: <ApiOutlined />,
        external: true,
        shows: (u) => u.roles.some((r) => ADMIN_ROLES.includes(r)),
      },
    ],
  },
];

const ACCOUNT: NavItem = { path: '/account', label: 'nav.account', icon: <UserOutlined /> };

const allowed = (user: SessionUser) => (n: NavItem) =>
  (!n.permission || user.permissions.includes(n.permission)) && (!n.shows || n.shows(user));

/** The menu of this user: their entries, and the groups in which they have at least one. */
export function navFor(user: SessionUser): { top: NavItem[]; groups: NavGroup[]; bottom: NavItem[] } {
  const ok = allowed(user);
  return {
    top: HOME.filter(ok),
    groups: GROUPS.map((g) => ({ ...g, items: g.items.filter(ok) })).filter((g) => g.items.length > 0),
    bottom: [ACCOUNT],
  };
}
