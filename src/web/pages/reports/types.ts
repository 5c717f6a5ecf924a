// The reports as the API answers them (src/server/reports/*.ts); the web app only reads them.
import type { AnnualRow, QuarterlyRow } from '../../../domain/reports/forms.ts';

export type Scope = 'all' | 'survey';

export interface QuarterlyReport {
  region: string;
  name: string;
  quarter: string;
  from: string;
  to: string;
  asOf: string;
  previousDate: string;
  scope: Scope;
  total: QuarterlyRow;
  rows: QuarterlyRow[];
  orgs: {
    id: number;
    regionName: string;
    name: string;
    typeLabel: string;
    formationLabel: string;
    enterprises: string[];
    fullMembers: number;
    probationaryMembers: number;
    secretary: string | null;
    establishedOn: string;
    approvedBy: string | null;
  }[];
}

export interface AnnualReport {
  region: string;
  name: string;
  year: number;
  asOf: string;
  partial: boolean;
  scope: Scope;
  total: AnnualRow;
  rows: AnnualRow[];
}

interface Responsible {
  orgId: number | null;
  name: string;
}

export interface LaggingRegion {
  region: string;
  name: string;
  inScope: number;
  orgCovered: number;
  orgCoverageRate: number | null;
  previousRate: number | null;
  overdueReelections: number;
  reasons: { code: string; text: string }[];
}

export interface LaggingEnterprise {
  id: number;
  name: string;
  regionName: string;
  employees: number;
  fullMembers: number;
  responsible: Responsible;
}

export interface LaggingReport {
  region: string;
  name: string;
  date: string;
  scope: Scope;
  previousDate: string;
  laggingPoints: number;
  orgCoverageRate: number | null;
  quarterly: { quarter: string; dueOn: string };
  regions: LaggingRegion[];
  shouldForm: { total: number; rows: LaggingEnterprise[] };
  keyWatch: { total: number; rows: LaggingEnterprise[] };
  overdueReelections: {
    total: number;
    rows: {
      id: number;
      name: string;
      regionName: string;
      termEndsOn: string;
      daysOverdue: number;
      responsible: Responsible;
    }[];
  };
  overdueDevelopments: {
    total: number;
    rows: { id: number; name: string; orgName: string; dueOn: string; message: string; responsible: Responsible }[];
  };
}
