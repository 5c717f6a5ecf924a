import { ACHIEVEMENT_COLUMNS } from '../../../domain/reports/activityForms.ts';
import { ActivityReportPage } from './ActivityReport.tsx';

/** 作用发挥情况 (issue #15 item 9). */
export default function AchievementsPage() {
  return <ActivityReportPage name="achievements" columns={ACHIEVEMENT_COLUMNS} />;
}
