import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ROOT_REGION, regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { ScopeContext } from '../db/tx.ts';
import { HttpError } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';

export { ROOT_REGION };

/** The code prefix an actor's scope covers; the root covers every code. */
export function scopePrefixOf(regionCode: string): string {
  return regionCode === ROOT_REGION ? '' : regionPrefix(regionCode);
}

/**
 * A list's region filter: the rows whose `column` lies in the region `code` or below it. A code
 * that is no region is refused naming the `regionCode` field.
 */
export function withinRegionFilter(column: AnyPgColumn, code: string): SQL {
  let prefix: string;
  try {
    prefix = regionPrefix(code);
  } catch {
    invalid('regionCode', `行政区划代码 ${code} 无效`);
  }
  return sql`${column} like ${`${prefix}%`}`;
}

/**
 * The WHERE condition that keeps a query to the actor's region subtree. Every scoped query
 * calls this; row-level security repeats it in the database in case one forgets.
 */
export function inRegionScope(column: AnyPgColumn, scope: ScopeContext): SQL {
  if (!/^\d*$/.test(scope.scopePrefix)) throw new Error('scope prefix must be digits');
  return sql`${column} like ${`${scope.scopePrefix}%`}`;
}

export function codeInScope(code: string, scope: ScopeContext): boolean {
  return code.startsWith(scope.scopePrefix);
}

export interface RegionRef {
  code: string;
  name: string;
  prefix: string;
  level: number;
}

/** The region, if the actor may see it; 404 otherwise (its existence is not disclosed). */
export async function regionInScope(tx: Tx, actor: Actor, code: string): Promise<RegionRef> {
  const [r] = await queryRows<RegionRef>(tx, sql`select code, name, prefix, level from regions where code = ${code}`);
  if (!r?.prefix.startsWith(actor.scopePrefix)) throw new HttpError(404, 'not_found', '地区不存在或不在您的范围内');
  return r;
}
