// The menu entries of the reports pages (AppLayout's NAV takes them in).
import { FileTextOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../domain/roles.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const REPORT_NAV: { path: string; label: MessageKey; icon: ReactNode; permission: Permission }[] = [
  { path: '/reports', label: 'nav.reports', icon: <FileTextOutlined />, permission: 'report.read' },
];
