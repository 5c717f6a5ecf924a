import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/roles.ts';

/** Who an account is: what the session's own user (auth) and the user list (users) both show. */
export const accountFields = {
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** A secretary's own party org. */
  orgId: z.number().nullable(),
};
