// The menu entry of the survey snapshot pages, for AppLayout's NAV to take in.
import { CameraOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../domain/roles.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const SNAPSHOT_NAV: { path: string; label: MessageKey; icon: ReactNode; permission: Permission }[] = [
  { path: '/snapshots', label: 'nav.snapshots', icon: <CameraOutlined />, permission: 'report.read' },
];
