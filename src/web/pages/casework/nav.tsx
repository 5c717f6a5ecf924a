// The menu entries of the casework pages (AppLayout's NAV takes them in).
import { BarChartOutlined, CommentOutlined, PhoneOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../domain/roles.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const CASEWORK_NAV: { path: string; label: MessageKey; icon: ReactNode; permission: Permission }[] = [
  { path: '/casework', label: 'nav.casework', icon: <PhoneOutlined />, permission: 'instructor.read' },
  { path: '/casework/requests', label: 'nav.caseRequests', icon: <CommentOutlined />, permission: 'instructor.read' },
  { path: '/casework/outcomes', label: 'nav.outcomes', icon: <TrophyOutlined />, permission: 'instructor.read' },
  { path: '/casework/summary', label: 'nav.instructorSummary', icon: <BarChartOutlined />, permission: 'report.read' },
];
