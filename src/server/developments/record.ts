// A stored development record as the domain rules see it, and as a response shows it.
import { sql } from 'drizzle-orm';
import { maskBirthDate, maskIdNumber } from '../../domain/mask.ts';
import { DEVELOPMENT_STAGES } from '../../domain/org/codes.ts';
import {
  checkDevelopment,
  DEVELOPMENT_DATES,
  type DevelopmentRecord,
  type DevelopmentStep,
  developmentDueDates,
  developmentOverdue,
  developmentStage,
} from '../../domain/org/development.ts';
import type { Keys } from '../keys.ts';
import type { DevelopmentRow, NamedDevelopmentRow } from './load.ts';

/** The dates the rules read (`DEVELOPMENT_DATES`) of the row aliased `d` as 'YYYY-MM-DD' text, each named as the record names it. */
export const developmentDatesSelect = sql.raw(
  DEVELOPMENT_DATES.map((c) => `d.${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}::text as "${c}"`).join(', '),
);

export type EarlyReasons = Partial<Record<DevelopmentStep, string>>;

/** The stored columns the rules read, null as absent. */
export function toRecord(row: DevelopmentRow): DevelopmentRecord {
  const d = (v: string | null) => v ?? undefined;
  return {
    birthDate: row.birthDate,
    appliedOn: row.appliedOn,
    talkedOn: d(row.talkedOn),
    activistOn: d(row.activistOn),
    contacts: row.contacts,
    candidateOn: d(row.candidateOn),
    politicalReviewOn: d(row.politicalReviewOn),
    trainingDays: row.trainingDays ?? undefined,
    trainingHours: row.trainingHours ?? undefined,
    introducers: row.introducers,
    admittedOn: d(row.admittedOn),
    approvedOn: d(row.approvedOn),
    extensionMonths: row.extensionMonths,
    fullMeetingOn: d(row.fullMeetingOn),
    fullApprovedOn: d(row.fullApprovedOn),
    earlyReasons: (row.earlyReasons ?? {}) as EarlyReasons,
  };
}

const STAGE_LABEL = Object.fromEntries(DEVELOPMENT_STAGES.map((s) => [s.code, s.label])) as Record<string, string>;

/**
 * The record as responses show it: the ID number masked and the birth date to its year (there is
 * no reveal here), the stage reached, the due dates, what is overdue and which steps were taken early with their reason.
 * A closed record has nothing due.
 */
export function presentDevelopment(row: NamedDevelopmentRow, keys: Keys, today: string) {
  const record = toRecord(row);
  const stage = developmentStage(record);
  const open = row.closedOn === null;
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    idNumber: maskIdNumber(keys.decrypt(row.idNumber)),
    birthDate: maskBirthDate(row.birthDate),
    sex: row.sex,
    employerId: row.employerId,
    employerName: row.employerName,
    appliedOn: row.appliedOn,
    talkedOn: row.talkedOn,
    activistOn: row.activistOn,
    contacts: row.contacts,
    candidateOn: row.candidateOn,
    politicalReviewOn: row.politicalReviewOn,
    trainingDays: row.trainingDays,
    trainingHours: row.trainingHours,
    trainingFromClass: row.trainingFromClass,
    introducers: row.introducers,
    admittedOn: row.admittedOn,
    approvedOn: row.approvedOn,
    extensionMonths: row.extensionMonths,
    fullMeetingOn: row.fullMeetingOn,
    fullApprovedOn: row.fullApprovedOn,
    earlyReasons: record.earlyReasons ?? {},
    memberId: row.memberId,
    closedOn: row.closedOn,
    closedReason: row.closedReason,
    stage,
    stageLabel: stage ? STAGE_LABEL[stage] : null,
    due: developmentDueDates(record),
    overdue: open ? developmentOverdue(record, today) : [],
    early: checkDevelopment(record, today).early,
  };
}

export type DevelopmentView = ReturnType<typeof presentDevelopment>;
