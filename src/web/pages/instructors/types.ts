// The shapes the instructor area's API answers with (src/server/instructors/routes.ts).
import type { Proximity } from '../../../domain/instructor/suggest.ts';

export interface Instructor {
  id: number;
  kind: 'instructor' | 'liaison';
  kindLabel: string | null;
  name: string;
  sourceDepartmentId: number;
  sourceDepartmentName: string | null;
  post: string | null;
  fullTime: boolean;
  regionCode: string;
  regionName: string | null;
  /** Masked: 139****1234. */
  phone: string | null;
  leftOn: string | null;
  /** Enterprises assigned today. */
  load: number;
  createdAt: string;
  updatedAt: string;
}

export interface Assignment {
  id: number;
  instructorId: number;
  enterpriseId: number;
  startOn: string;
  /** The first day no longer assigned. */
  endOn: string | null;
  note: string | null;
  active: boolean;
}

export interface InstructorDetail {
  instructor: Instructor;
  writable: boolean;
  assignments: (Assignment & { enterpriseName: string; regionName: string | null })[];
}

export interface Department {
  id: number;
  name: string;
  sortOrder: number;
  industries: string[];
  requests: string[];
  instructors: number;
}

export interface EnterpriseAssignment extends Assignment {
  instructorName: string;
  kind: string;
  post: string | null;
  phone: string | null;
  sourceDepartmentName: string | null;
}

export interface EnterpriseInstructors {
  enterprise: {
    id: number;
    name: string;
    inScope: boolean;
    orgCovered: boolean;
    workCovered: boolean;
    needsInstructor: boolean;
  };
  assignments: EnterpriseAssignment[];
}

export type Reason =
  | { factor: 'relevance'; points: number; matched: boolean | null; section: string | null }
  | { factor: 'region'; points: number; proximity: Proximity }
  | { factor: 'load'; points: number; load: number };

export interface Suggestions {
  enterprise: {
    id: number;
    name: string;
    regionCode: string;
    section: string | null;
    sectionName: string | null;
    workCovered: boolean;
  };
  considered: number;
  items: { rank: number; score: number; reasons: Reason[]; explanation: string; instructor: Instructor }[];
}
