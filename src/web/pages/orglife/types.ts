// The answers of the organisational-life API the pages read, named once.
import type { ApiResponse } from '../../api/types.ts';

export type Meeting = ApiResponse<'/api/orgs/{id}/meetings'>[number];
export type MeetingDetail = ApiResponse<'/api/meetings/{id}'>;
export type MeetingStatus = ApiResponse<'/api/orgs/{id}/meeting-status'>;
export type MeetingRoster = ApiResponse<'/api/orgs/{id}/meeting-roster'>;
export type PartyGroup = ApiResponse<'/api/orgs/{id}/party-groups'>[number];
export type MeetingKind = Meeting['kind'];
