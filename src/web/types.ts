// The shapes the server's JSON API answers with (see src/server/*/routes.ts).
import type { Permission, Role } from '../domain/roles.ts';

export type { Permission, Role };

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  roles: Role[];
  permissions: Permission[];
  totpEnabled: boolean;
}

export interface SessionState {
  mfaRequired: boolean;
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
}

export interface SessionInfo {
  csrfToken: string;
  user: SessionUser | null;
  state: SessionState | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  roles: Role[];
  disabled: boolean;
  locked: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface UserWithPassword {
  user: User;
  oneTimePassword: string;
}

export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface RegionWithPath extends Region {
  path: Region[];
}

export interface Dashboard {
  region: { code: string; name: string; level: number };
  figures: {
    provinces: number;
    cities: number;
    counties: number;
    towns: number;
    villages: number;
    users: number;
    activeUsers: number;
  };
  children: { code: string; name: string; level: number; subRegions: number; users: number }[];
}

export interface SecurityPolicy {
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
}

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditItem {
  seq: number;
  at: string;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  result: AuditResult;
  diff: unknown;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}
