// The organisational-life pages inside the signed-in layout (App takes them in).
import { pageRoutes } from '../../components/pageRoutes.tsx';

export const orglifeRoutes = pageRoutes([
  ['meetings/new/:orgId', () => import('./RecordMeetingPage.tsx'), 'orglife.write'],
  ['meetings/:id', () => import('./MeetingPage.tsx'), 'orglife.read'],
  ['meetings/:id/edit', () => import('./RecordMeetingPage.tsx'), 'orglife.write'],
  ['settings/orglife', () => import('./OrglifeSettingsPage.tsx'), 'settings.write'],
]);
