import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { regionSettings } from '../db/schema.ts';
import { scopePrefixOf } from '../regions/scope.ts';

/**
 * Settings owned by a region (issue #12, defect 8): a user changes only their own region's
 * value, and a region without one inherits the nearest one above it (the whole country's, or
 * the built-in default). A county's change never reaches its siblings or its city.
 */
export interface Regional<T> {
  value: T | null;
  /** The region whose value applies; null for the built-in default. */
  ownerCode: string | null;
}

export async function regionalValue<T>(db: Db | Tx, key: string, regionCode: string): Promise<Regional<T>> {
  return (await regionalResolver<T>(db, key))(regionCode);
}

/**
 * The value for any region, from one read of the key: for lists that span regions (a city's
 * orgs, each under its own county's rules).
 */
export async function regionalResolver<T>(db: Db | Tx, key: string): Promise<(regionCode: string) => Regional<T>> {
  const rows = await db
    .select({ regionCode: regionSettings.regionCode, value: regionSettings.value })
    .from(regionSettings)
    .where(eq(regionSettings.key, key));
  const prefixed = rows.map((row) => ({ prefix: scopePrefixOf(row.regionCode), row }));
  return (regionCode) => {
    // Few rows per key (one per region that overrides): the nearest ancestor is the longest prefix.
    let best: (typeof prefixed)[number] | null = null;
    for (const p of prefixed) {
      if (!regionCode.startsWith(p.prefix)) continue;
      if (!best || p.prefix.length > best.prefix.length) best = p;
    }
    return best ? { value: best.row.value as T, ownerCode: best.row.regionCode } : { value: null, ownerCode: null };
  };
}

/** The region's own value; other keys' fields stored under the same key are kept. */
export async function putRegionalValue(tx: Tx, key: string, regionCode: string, value: object): Promise<void> {
  const [own] = await tx
    .select({ value: regionSettings.value })
    .from(regionSettings)
    .where(and(eq(regionSettings.key, key), eq(regionSettings.regionCode, regionCode)))
    .for('update');
  const merged = { ...((own?.value ?? {}) as object), ...value };
  await tx
    .insert(regionSettings)
    .values({ key, regionCode, value: merged })
    .onConflictDoUpdate({
      target: [regionSettings.key, regionSettings.regionCode],
      set: { value: merged, updatedAt: new Date() },
    });
}

/**
 * A route's change of the actor's own region's value under `key`: stored, and audited with
 * the value that applied before (the region's own or the one it inherited) as `key:region`.
 */
export async function changeRegionalSettings<T extends object>(
  ctx: {
    tx: Tx;
    actor: Actor;
    audit: (change: { entity: 'settings'; entityId: string; diff: Record<string, unknown> }) => Promise<void>;
  },
  key: string,
  stored: {
    get: (tx: Tx, regionCode: string) => Promise<unknown>;
    put: (tx: Tx, regionCode: string, value: T) => Promise<void>;
  },
  value: T,
): Promise<T> {
  const { tx, actor } = ctx;
  const before = await stored.get(tx, actor.regionCode);
  await stored.put(tx, actor.regionCode, value);
  await ctx.audit({
    entity: 'settings',
    entityId: `${key}:${actor.regionCode}`,
    diff: { regionCode: actor.regionCode, before, after: value },
  });
  return value;
}
