import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { regionCodeColumn, requiredRef } from './columns.ts';
import { orgOfficers, partyOrgs } from './org-schema.ts';
import { stamps } from './stamps.ts';

/**
 * A person in a region's pool of secretaries (党务工作者库): available to be sent to a
 * non-public enterprise's org as its secretary (下派书记). The phone is AES-256-GCM ciphertext
 * with a keyed hash, as members' are; the birth date leaves the server as its year only.
 * Their status is derived from their dispatches, never stored.
 */
export const poolSecretaries = pgTable(
  'pool_secretaries',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date'),
    phone: text('phone'),
    phoneHash: text('phone_hash'),
    /** Where they came from (机关, 事业单位, 国企, 退休干部, 大中专毕业生, 退役军人, 社会招聘 …). */
    origin: text('origin').notNull(),
    /** The unit they came from, by name. */
    originUnit: text('origin_unit').notNull(),
    regionCode: regionCodeColumn(),
    enteredOn: date('entered_on').notNull(),
    /** From this date no longer in the pool; the record and its dispatches stay. */
    leftOn: date('left_on'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('pool_secretaries_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    check('pool_secretaries_sex_values', sql`${t.sex} in ('male','female')`),
    check(
      'pool_secretaries_origin_values',
      sql`${t.origin} in ('agency','institution','soe','retired_cadre','graduate','veteran','recruited','other')`,
    ),
    check('pool_secretaries_left_after', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.enteredOn}`),
  ],
);

/**
 * One time a pool secretary is sent to an org, over [startOn, endOn): endOn is the first day
 * back. `officerId` is the secretary post the dispatch opened on the org's officers.
 */
export const secretaryDispatches = pgTable(
  'secretary_dispatches',
  {
    id: serial('id').primaryKey(),
    secretaryId: requiredRef('secretary_id', () => poolSecretaries.id),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    officerId: integer('officer_id').references((): AnyPgColumn => orgOfficers.id),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    note: text('note'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('secretary_dispatches_org_idx').on(t.orgId),
    uniqueIndex('secretary_dispatches_open_idx').on(t.secretaryId).where(sql`${t.endOn} is null`),
    check('secretary_dispatches_interval', sql`${t.endOn} is null or ${t.endOn} > ${t.startOn}`),
  ],
);
