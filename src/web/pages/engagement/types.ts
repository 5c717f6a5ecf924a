import type { ApiResponse } from '../../api/types.ts';

export type OrgEngagement = ApiResponse<'/api/orgs/{id}/engagement'>;
export type OpenActivity = OrgEngagement['openActivities'][number];
export type Pairing = OrgEngagement['pairings'][number];
export type OwnerEngagement = OrgEngagement['ownerEngagements'][number];

/** What the org page records of an owner; a request to set up an org belongs to an enterprise without one. */
export const ORG_ENGAGEMENT_KINDS = ['communication', 'support', 'campaign', 'application'] as const;
export const PARTNER_KINDS = ['village', 'community', 'org'] as const;
