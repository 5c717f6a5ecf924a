import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { ScopeContext } from '../db/tx.ts';

/** The pseudo-region above the provinces: a national deployment's root. */
export const ROOT_REGION = '000000';

/** The code prefix an actor's scope covers; the root covers every code. */
export function scopePrefixOf(regionCode: string): string {
  return regionCode === ROOT_REGION ? '' : regionPrefix(regionCode);
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
