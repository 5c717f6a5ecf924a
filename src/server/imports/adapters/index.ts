import type { BatchKind } from '../batches.ts';
import type { ImportAdapter } from '../pipeline.ts';
import { enterpriseImport } from './enterprises.ts';
import { memberImport } from './members.ts';
import { nationalMemberImport } from './nationalMembers.ts';
import { achievementImport, meetingImport } from './orglife.ts';
import { orgImport } from './orgs.ts';

/** Every kind of file the pipeline imports; a new import is one adapter added here. */
export const IMPORTS: Record<BatchKind, ImportAdapter> = {
  enterprises: enterpriseImport,
  orgs: orgImport,
  members: memberImport,
  meetings: meetingImport,
  achievements: achievementImport,
  national_members: nationalMemberImport,
};
