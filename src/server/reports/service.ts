// The reports as the API and the CLI run them, in the caller's one transaction in the actor's
// scope, with the deployment's settings. An export also writes its audit row in that
// transaction. (Exporting is reading: a quarterly report is filed by its submission, submissions/.)
import type { CoverageScope, CoverageSettings } from '../../domain/stats/coverage.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { faultPoint } from '../faultPoint.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { today } from '../today.ts';
import { type AchievementsReport, achievementsReport } from './achievementsReport.ts';
import { activityFileName, activityWorkbook } from './activityXlsx.ts';
import { type AnnualReport, annualReport } from './annual.ts';
import { annualWorkbook } from './annualXlsx.ts';
import { type LaggingReport, laggingReport } from './lagging.ts';
import { laggingWorkbook } from './laggingXlsx.ts';
import { nb43Report } from './nb43.ts';
import { type NbReport, nbReport } from './nbTables.ts';
import { nbWorkbook } from './nbTablesXlsx.ts';
import { type OrglifeReport, orglifeReport } from './orglifeReport.ts';
import { type QuarterlyReport, quarterlyReport } from './quarterly.ts';
import { quarterlyWorkbook } from './quarterlyXlsx.ts';
import { type TrainingReport, trainingReport } from './trainingReport.ts';

export type ReportRequest =
  | { report: 'quarterly'; region: string; quarter: string; scope?: CoverageScope }
  | { report: 'annual'; region: string; year: number; scope?: CoverageScope }
  | { report: 'lagging'; region: string; date?: string; scope?: CoverageScope }
  | { report: 'nb27'; region: string; year: number }
  | { report: 'nb30'; region: string; year: number }
  | { report: 'nb43'; region: string; year: number }
  | { report: 'orglife'; region: string; year: number }
  | { report: 'achievements'; region: string; year: number }
  | { report: 'training'; region: string; year: number };

export type AnyReport =
  | QuarterlyReport
  | AnnualReport
  | LaggingReport
  | NbReport
  | OrglifeReport
  | AchievementsReport
  | TrainingReport;

function compute(tx: Tx, actor: Actor, r: ReportRequest, settings: CoverageSettings, now: string): Promise<AnyReport> {
  if (r.report === 'nb27' || r.report === 'nb30')
    return nbReport(tx, actor, r.report, { region: r.region, year: r.year }, now);
  if (r.report === 'nb43') return nb43Report(tx, actor, { region: r.region, year: r.year }, now);
  if (r.report === 'orglife') return orglifeReport(tx, actor, r, now);
  if (r.report === 'achievements') return achievementsReport(tx, actor, r, now);
  if (r.report === 'training') return trainingReport(tx, actor, r, now);
  const scope = r.scope ? { scope: r.scope } : {};
  if (r.report === 'quarterly')
    return quarterlyReport(tx, actor, { region: r.region, quarter: r.quarter, ...scope }, settings, now);
  if (r.report === 'annual')
    return annualReport(tx, actor, { region: r.region, year: r.year, ...scope }, settings, now);
  return laggingReport(tx, actor, { region: r.region, date: r.date ?? now, ...scope }, settings, now);
}

export async function runReport(tx: Tx, actor: Actor, r: ReportRequest): Promise<AnyReport> {
  const now = today();
  return compute(tx, actor, r, await getCoverageSettings(tx), now);
}

const EXPORT_ACTIONS = {
  quarterly: 'report.quarterly_export',
  annual: 'report.annual_export',
  lagging: 'report.lagging_export',
  nb27: 'report.nb27_export',
  nb30: 'report.nb30_export',
  nb43: 'report.nb43_export',
  orglife: 'report.orglife_export',
  achievements: 'report.achievements_export',
  training: 'report.training_export',
} as const;

export function workbookOf(report: AnyReport, filledOn: string): Promise<Buffer> {
  if (report.report === 'quarterly') return quarterlyWorkbook(report, filledOn);
  if (report.report === 'annual') return annualWorkbook(report, filledOn);
  if (report.report === 'nb27' || report.report === 'nb30' || report.report === 'nb43')
    return nbWorkbook(report, filledOn);
  if (report.report === 'orglife' || report.report === 'achievements' || report.report === 'training')
    return activityWorkbook(report, filledOn);
  return laggingWorkbook(report, filledOn);
}

export function fileNameOf(report: AnyReport): string {
  if (report.report === 'quarterly') return `新建党组织季报-${report.name}-${report.quarter}.xlsx`;
  if (report.report === 'annual') return `党建工作情况统计表-${report.name}-${report.year}.xlsx`;
  if (report.report === 'nb27' || report.report === 'nb30' || report.report === 'nb43')
    return `年报表${report.report.slice(2)}-${report.name}-${report.year}.xlsx`;
  if (report.report === 'orglife' || report.report === 'achievements' || report.report === 'training')
    return activityFileName(report);
  return `进展滞后督促清单-${report.name}-${report.date}.xlsx`;
}

/** The report as .xlsx, audited as an export in the caller's transaction (nothing is recorded if it fails). */
export async function exportReport(tx: Tx, actor: Actor, r: ReportRequest) {
  const now = today();
  const report = await compute(tx, actor, r, await getCoverageSettings(tx), now);
  const buffer = await workbookOf(report, now);
  const { report: kind, region } = report;
  // The org-life reports have a year and no survey scope.
  const scope = 'scope' in report ? { scope: report.scope } : {};
  const period =
    report.report === 'quarterly'
      ? { quarter: report.quarter }
      : 'year' in report
        ? { year: report.year }
        : { date: report.date };
  await auditChange(tx, actor, {
    action: EXPORT_ACTIONS[kind],
    entity: 'region',
    entityId: region,
    diff: { ...period, ...scope },
  });
  await faultPoint('export');
  return { report, buffer, fileName: fileNameOf(report) };
}
