// The strings of the statistics pages (reports, dashboard, snapshots, settings), in both languages.
import { coverageSettingsEnUS, coverageSettingsZhCN, orgRulesEnUS, orgRulesZhCN } from './coverageSettings.ts';
import { dashboardEnUS, dashboardZhCN } from './dashboard.ts';
import { reportsEnUS, reportsZhCN } from './reports.ts';
import { snapshotsEnUS, snapshotsZhCN } from './snapshots.ts';

export const statsZhCN = {
  ...reportsZhCN,
  ...dashboardZhCN,
  ...snapshotsZhCN,
  ...coverageSettingsZhCN,
  ...orgRulesZhCN,
} as const;

export const statsEnUS: Record<keyof typeof statsZhCN, string> = {
  ...reportsEnUS,
  ...dashboardEnUS,
  ...snapshotsEnUS,
  ...coverageSettingsEnUS,
  ...orgRulesEnUS,
};
