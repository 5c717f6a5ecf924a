import { ORGLIFE_COLUMNS } from '../../../domain/reports/activityForms.ts';
import { ActivityReportPage } from './ActivityReport.tsx';

/** 组织生活情况 (issue #15 item 9). */
export default function OrglifePage() {
  return <ActivityReportPage name="orglife" columns={ORGLIFE_COLUMNS} />;
}
