import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { settings } from '../db/schema.ts';

export const SecurityPolicy = z.object({
  lockoutThreshold: z.number().int().min(3).max(10),
  lockoutMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  idleMinutes: z.number().int().min(5).max(120),
  absoluteHours: z.number().int().min(1).max(24),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
};

export async function getSecurityPolicy(db: Db | Tx): Promise<SecurityPolicy> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'security'));
  return row ? { ...DEFAULT_SECURITY_POLICY, ...(row.value as object) } : DEFAULT_SECURITY_POLICY;
}

export async function putSecurityPolicy(tx: Tx, policy: SecurityPolicy): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: 'security', value: policy })
    .onConflictDoUpdate({ target: settings.key, set: { value: policy, updatedAt: new Date() } });
}
