// The menu entries of the instructors pages (AppLayout's NAV takes them in).
import { ApartmentOutlined, ControlOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../domain/roles.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const INSTRUCTOR_NAV: { path: string; label: MessageKey; icon: ReactNode; permission: Permission }[] = [
  { path: '/instructors', label: 'nav.instructors', icon: <TeamOutlined />, permission: 'instructor.read' },
  {
    path: '/instructors/departments',
    label: 'nav.departments',
    icon: <ApartmentOutlined />,
    permission: 'instructor.read',
  },
  {
    path: '/instructors/rules',
    label: 'nav.instructorRules',
    icon: <ControlOutlined />,
    permission: 'instructor.manage',
  },
];
