import type { ApiResponse } from '../../api/types.ts';

export type Honour = ApiResponse<'/api/honours'>['items'][number];
export type DemonstrationSite = ApiResponse<'/api/demonstration-sites'>['items'][number];
export type HonourCounts = ApiResponse<'/api/honours/counts'>;
export type OrgHonours = ApiResponse<'/api/orgs/{id}/honours'>;

export const LEVEL_CODES = ['national', 'province', 'city', 'county', 'town'] as const;
export { MEMBER_HONOUR_TITLES, ORG_HONOUR_TITLES } from '../../../domain/recognition/codes.ts';

/** The years a filter offers: this one and the nine before. */
export const recentYears = () => {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, i) => now - i);
};
