// What the assessment and survey API answers (src/server/assessments/).
import type { Grade } from '../../../domain/assessment/score.ts';
import type { AssessmentSettings } from '../../../domain/assessment/settings.ts';

export type { AssessmentSettings, Grade };
export type Appraiser = 'owner' | 'secretary' | 'member';
export const APPRAISERS: Appraiser[] = ['owner', 'secretary', 'member'];

export interface ResultRow {
  instructorId: number;
  name: string;
  department: string;
  regionCode: string;
  daily: number | null;
  dailyEntries: number;
  periodic: number | null;
  democratic: number | null;
  ballots: number;
  final: number | null;
  grade: Grade | null;
  gradeLabel: string | null;
  incomplete: boolean;
  missing: ('daily' | 'periodic' | 'democratic')[];
  capped: boolean;
}

export interface Results {
  period: string;
  settings: AssessmentSettings;
  rows: ResultRow[];
}

export interface DailyEntry {
  id: number;
  instructorId: number;
  instructorName: string;
  onDate: string;
  score: number;
  note: string | null;
}

export interface PeriodicEntry {
  instructorId: number;
  instructorName: string;
  period: string;
  duties: number;
  discipline: number;
  effectiveness: number;
  note: string | null;
}

export interface BallotEnterprise {
  enterpriseId: number;
  name: string;
  instructors: { id: number; name: string }[];
  ballots: { appraiser: Appraiser; limit: number; issued: number; used: number }[];
}

export interface IssuedLink {
  /** Whom the link is for, as the issuer will hand it out. */
  label: string;
  path: string;
}

export interface SurveySummary {
  id: number;
  title: string;
  period: string;
  regionCode: string;
  regionName: string;
  closed: boolean;
  issued: number;
  responses: number;
}

export interface Share {
  count: number;
  percent: number | null;
}

export interface SurveyDetail {
  id: number;
  title: string;
  period: string;
  regionCode: string;
  closed: boolean;
  enterprises: { id: number; name: string; status: 'none' | 'issued' | 'expired' | 'answered' }[];
  results: {
    issued: number;
    responses: number;
    effective: number;
    satisfied: Share;
    outstanding: Share;
    questions: { key: string; choices: { code: string; count: number; percent: number | null }[] }[];
  };
}
