// The filters of the roster and of the transfer list: one schema each, read by the screens'
// list routes and by their exports (src/server/exports), so both take the same query.
import { z } from '@hono/zod-openapi';
import { MEMBER_STATUSES } from '../../domain/org/codes.ts';
import { codeOf, idParam } from '../schemas.ts';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The transfer list's filters, for the screen's list and its export. */
export const TransferListQuery = z.object({
  orgId: idParam.optional(),
  status: z.enum(['open', 'pending', 'expired', 'received', 'all']).default('open'),
  direction: z.enum(['in', 'out']).optional(),
});

/** The roster's filters, for the screen's list and its export. */
export const MemberListQuery = z.object({
  orgId: idParam.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字')
    .optional(),
  status: codeOf(MEMBER_STATUSES).optional(),
  mobile: bool.optional(),
  away: bool.optional(),
  shouldTransfer: bool.optional(),
  side: z.enum(['out', 'in']).optional(),
  relationElsewhere: bool.optional(),
  employerId: idParam.optional(),
  q: z.string().trim().max(50).optional(),
  roster: z.enum(['active', 'left', 'all']).default('active'),
  view: z.enum(['roster', 'mobile']).default('roster'),
  sort: z.enum(['newest', 'name']).default('newest'),
});
