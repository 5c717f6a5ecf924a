// The menu entries of the assessments pages (AppLayout's NAV takes them in).
import { AuditOutlined, SmileOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../domain/roles.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const ASSESSMENT_NAV: { path: string; label: MessageKey; icon: ReactNode; permission: Permission }[] = [
  { path: '/assessments', label: 'nav.assessments', icon: <AuditOutlined />, permission: 'assessment.read' },
  {
    path: '/assessments/owner-surveys',
    label: 'nav.ownerSurveys',
    icon: <SmileOutlined />,
    permission: 'assessment.read',
  },
];
