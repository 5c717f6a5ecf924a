// The menu entries of the secretary pool and honours pages (AppLayout's NAV takes them in).
import { TrophyOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../domain/roles.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const RECOGNITION_NAV: { path: string; label: MessageKey; icon: ReactNode; permission: Permission }[] = [
  { path: '/secretary-pool', label: 'nav.secretaryPool', icon: <UserSwitchOutlined />, permission: 'pool.read' },
  { path: '/honours', label: 'nav.honours', icon: <TrophyOutlined />, permission: 'honour.read' },
];
