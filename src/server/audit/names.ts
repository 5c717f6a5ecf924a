import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditEntity } from '../../domain/auditActions.ts';
import type { Tx } from '../db/client.ts';
import {
  demonstrationSites,
  departments,
  developments,
  enterprises,
  honours,
  instructors,
  members,
  partyOrgs,
  poolSecretaries,
  regions,
  snapshots,
  users,
} from '../db/schema.ts';

interface Source {
  table: PgTable;
  key: PgColumn;
  name: PgColumn;
  /** Whether the key is a number (the audit log keeps every key as text). */
  numeric: boolean;
}

// The objects an audit row can be named by; the others are shown by their type and key.
const SOURCES: Partial<Record<AuditEntity, Source>> = {
  region: { table: regions, key: regions.code, name: regions.name, numeric: false },
  enterprise: { table: enterprises, key: enterprises.id, name: enterprises.name, numeric: true },
  party_org: { table: partyOrgs, key: partyOrgs.id, name: partyOrgs.name, numeric: true },
  member: { table: members, key: members.id, name: members.name, numeric: true },
  development: { table: developments, key: developments.id, name: developments.name, numeric: true },
  instructor: { table: instructors, key: instructors.id, name: instructors.name, numeric: true },
  department: { table: departments, key: departments.id, name: departments.name, numeric: true },
  pool_secretary: { table: poolSecretaries, key: poolSecretaries.id, name: poolSecretaries.name, numeric: true },
  honour: { table: honours, key: honours.id, name: honours.title, numeric: true },
  demonstration_site: {
    table: demonstrationSites,
    key: demonstrationSites.id,
    name: demonstrationSites.name,
    numeric: true,
  },
  snapshot: { table: snapshots, key: snapshots.id, name: snapshots.label, numeric: true },
  user: { table: users, key: users.id, name: users.displayName, numeric: true },
};

const keyOf = (entity: string, id: string) => `${entity}:${id}`;

/**
 * The names of the objects a page of audit rows refers to, keyed `entity:id`, read in the
 * reader's transaction: row-level security leaves out what is beyond their scope, and such
 * a row keeps its type and key. One query per type of object on the page.
 */
export async function auditObjectNames(
  tx: Tx,
  rows: readonly { entity: string | null; entityId: string | null }[],
): Promise<Map<string, string>> {
  const wanted = new Map<AuditEntity, Set<string>>();
  for (const r of rows) {
    const source = r.entity ? SOURCES[r.entity as AuditEntity] : undefined;
    if (!source || r.entityId === null || (source.numeric && !/^\d{1,9}$/.test(r.entityId))) continue;
    const ids = wanted.get(r.entity as AuditEntity) ?? new Set<string>();
    ids.add(r.entityId);
    wanted.set(r.entity as AuditEntity, ids);
  }
  // A region's own settings are keyed `kind:regionCode`: named by the region.
  const settingsRegions = rows
    .filter((r) => r.entity === 'settings' && r.entityId?.includes(':'))
    .map((r) => ({ id: r.entityId as string, code: (r.entityId as string).split(':')[1] }));
  const names = new Map<string, string>();
  if (settingsRegions.length) {
    const found = await tx
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(inArray(regions.code, [...new Set(settingsRegions.map((s) => s.code))]));
    const byCode = new Map(found.map((f) => [f.code, f.name]));
    for (const s of settingsRegions) {
      const name = byCode.get(s.code);
      if (name) names.set(keyOf('settings', s.id), name);
    }
  }
  for (const [entity, ids] of wanted) {
    const s = SOURCES[entity] as Source;
    const keys = [...ids].map((id) => (s.numeric ? Number(id) : id));
    const found = await tx.select({ key: s.key, name: s.name }).from(s.table).where(inArray(s.key, keys));
    for (const f of found) names.set(keyOf(entity, String(f.key)), String(f.name));
  }
  return names;
}

export const objectName = (names: Map<string, string>, entity: string | null, id: string | null) =>
  entity && id !== null ? (names.get(keyOf(entity, id)) ?? null) : null;
