import type { ApiResponse } from '../../api/types.ts';

export type PoolSecretary = ApiResponse<'/api/secretary-pool'>['items'][number];
export type PoolDetail = ApiResponse<'/api/secretary-pool/{id}'>;
export type PoolCounts = ApiResponse<'/api/secretary-pool/counts'>;
export type OrgDispatch = ApiResponse<'/api/orgs/{id}/dispatched-secretaries'>[number];

export const ORIGIN_CODES = [
  'agency',
  'institution',
  'soe',
  'retired_cadre',
  'graduate',
  'veteran',
  'recruited',
  'other',
] as const;
export const STATUS_CODES = ['in_pool', 'available', 'sent', 'returned', 'left', 'all'] as const;
export const STATUS_COLORS: Record<string, string> = {
  available: 'green',
  sent: 'blue',
  returned: 'cyan',
  left: 'default',
};
