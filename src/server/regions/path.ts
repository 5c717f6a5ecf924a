import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { regions } from '../db/schema.ts';
import type { ScopeContext } from '../db/tx.ts';

export interface RegionRef {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/**
 * A region and its ancestors, top first, stopping at the top of the actor's scope: what
 * lies above it is not theirs to browse.
 */
export async function regionPath(db: Db | Tx, code: string, scope: ScopeContext): Promise<RegionRef[]> {
  const path: RegionRef[] = [];
  let next: string | null = code;
  while (next) {
    const [r]: RegionRef[] = await db
      .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
      .from(regions)
      .where(eq(regions.code, next));
    if (!r?.code.startsWith(scope.scopePrefix)) break;
    path.unshift(r);
    next = r.parentCode;
  }
  return path;
}
