// The answers of the dashboard's API calls, as the page reads them.
import type { LedgerCategory } from '../../../domain/enterprise/categories.ts';

export type Scope = 'all' | 'survey';

export interface LedgerFigures {
  inScope: number;
  closed: number;
  orgCovered: number;
  standalone: number;
  joint: number;
  workCovered: number;
  keyWatch: number;
  needsInstructor: number;
  categories: Record<LedgerCategory, number>;
  orgCoverageRate: number | null;
  standaloneRate: number | null;
  workCoverageRate: number | null;
}

export interface RegionRef {
  code: string;
  name: string;
  level: number;
}

export interface DashboardChild extends RegionRef {
  direct?: boolean;
  subRegions: number;
  users: number;
  ledger: LedgerFigures | null;
}

export interface DashboardData {
  region: RegionRef;
  path: RegionRef[];
  date: string;
  scope: Scope | null;
  ledger: LedgerFigures | null;
  missing: number | null;
  figures: Record<'provinces' | 'cities' | 'counties' | 'towns' | 'villages' | 'users' | 'activeUsers', number>;
  children: DashboardChild[];
}

export interface TrendPoint {
  quarter: string;
  date: string;
  inScope: number;
  orgCovered: number;
  orgCoverageRate: number | null;
  standaloneRate: number | null;
  workCoverageRate: number | null;
}

export interface LaggingRegion {
  region: string;
  name: string;
  orgCoverageRate: number | null;
  reasons: { code: string; text: string }[];
}

export interface AsOfRow {
  id: number;
  name: string;
  uscc: string;
  regionCode: string;
  kind: string;
  employees: number;
  memberCount: number;
  fullMemberCount: number;
  category: LedgerCategory;
  orgCoverage: 'standalone' | 'joint' | null;
  workCovered: boolean;
}
