// The menu entries of members, development and transfers (AppLayout's NAV takes them in).
import { NodeIndexOutlined, QuestionCircleOutlined, SolutionOutlined, SwapOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../domain/roles.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const MEMBER_NAV: { path: string; label: MessageKey; icon: ReactNode; permission: Permission }[] = [
  { path: '/members', label: 'nav.members', icon: <SolutionOutlined />, permission: 'member.read' },
  { path: '/developments', label: 'nav.developments', icon: <NodeIndexOutlined />, permission: 'member.read' },
  { path: '/members/transfers', label: 'nav.memberTransfers', icon: <SwapOutlined />, permission: 'member.read' },
  {
    path: '/members/lost-contacts',
    label: 'nav.lostContacts',
    icon: <QuestionCircleOutlined />,
    permission: 'member.read',
  },
];
