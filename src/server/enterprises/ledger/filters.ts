import { z } from '@hono/zod-openapi';
import { and, eq, gte, ilike, inArray, isNotNull, isNull, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { LEDGER_CATEGORIES, MASS_ORG_PROMPT_MIN_EMPLOYEES, SIZE_BANDS } from '../../../domain/enterprise/categories.ts';
import {
  ENTERPRISE_KINDS,
  REGISTRATION_STATUSES,
  SOCIAL_ORGANIZATION_KINDS,
} from '../../../domain/enterprise/codes.ts';
import { regionPrefix } from '../../../domain/regionCode.ts';
import { COVERAGE_SCOPES, COVERAGE_SELECTIONS, type CoverageSettings } from '../../../domain/stats/coverage.ts';
import type { Actor } from '../../actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { containing } from '../../db/like.ts';
import { enterprises as e, industries } from '../../db/schema.ts';
import { inRegionScope } from '../../regions/scope.ts';
import { getCoverageSettings } from '../../stats/settings.ts';

const list = <T extends [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));

/** The ledger's filters, shared by the list, its totals, the export and the dashboard's click-through. */
export const LedgerFilter = z.object({
  region: z
    .string()
    .regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字')
    .optional(),
  /** Only the enterprises registered at the region itself, not in its children (the dashboard's 本级 row). */
  regionOnly: z.enum(['true']).optional(),
  /** rules.md §2 统计口径: the survey scope narrows the list as it narrows the figures. */
  scope: z.enum(COVERAGE_SCOPES).optional(),
  /** Org- or work-covered (in scope), as the coverage rates' numerators count them, or not org-covered. */
  coverage: z.enum(COVERAGE_SELECTIONS).optional(),
  kind: list(ENTERPRISE_KINDS.map((k) => k.code) as [string, ...string[]]),
  section: z
    .string()
    .regex(/^[A-T]$/, '行业门类为 A–T 的一个字母')
    .optional(),
  industry: z
    .string()
    .regex(/^\d{2}$/, '行业大类为两位数字')
    .optional(),
  sizeBand: list(SIZE_BANDS.map((b) => b.code) as [string, ...string[]]),
  aboveScale: z.enum(['true', 'false']).optional(),
  cluster: z.string().max(200).optional(),
  category: list([...LEDGER_CATEGORIES]),
  flag: list(['key_watch', 'needs_instructor', 'missing', 'estimated', 'mass_org_only', 'no_mass_org']),
  status: list(['in_scope', 'closed', ...REGISTRATION_STATUSES.map((s) => s.code)]),
  q: z.string().trim().max(100).optional(),
});
export type LedgerFilter = Partial<z.infer<typeof LedgerFilter>>;

/** In scope and not org-covered with this many employees or more: 重点盯住. */
export function keyWatchSql(threshold: number): SQL {
  return sql`(${e.inScope} and ${e.orgCoverage} is null and ${e.employees} >= ${threshold})`;
}

/** In scope without a party org, but with a trade union or Youth League organization (群团组织先行). */
export function massOrgOnlySql(): SQL {
  return sql`(${e.inScope} and ${e.orgCoverage} is null and (${e.hasUnion} or ${e.hasLeague}))`;
}

/** Large enough to be prompted and with neither a union nor a league recorded (unknown counts as neither). */
export function noMassOrgSql(): SQL {
  return sql`(${e.employees} >= ${MASS_ORG_PROMPT_MIN_EMPLOYEES} and ${e.hasUnion} is not true and ${e.hasLeague} is not true)`;
}

export function needsInstructorSql(): SQL {
  return sql`(${e.inScope} and ${e.orgCoverage} is null and not ${e.hasInstructor})`;
}

/**
 * `region_code` starts with `prefix`, written as a range of the region index (text_pattern_ops):
 * under row-level security PostgreSQL uses only leakproof operators in index scans, and
 * LIKE is not one, so a LIKE alone would scan the whole ledger in the app while the same SQL
 * run as the owner reads a few index pages. The range operators are leakproof.
 */
function regionStartsWith(prefix: string): SQL | undefined {
  if (prefix === '') return undefined;
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return sql`(${e.regionCode} ~>=~ ${prefix} and ${e.regionCode} ~<~ ${next})`;
}

/** In the survey scope of the settings: as many employees (social organizations: staff) as its threshold. */
function inSurveySql(s: CoverageSettings): SQL {
  const social = `{${SOCIAL_ORGANIZATION_KINDS.join(',')}}`;
  return sql`(case when ${e.kind} = any(${social}::text[]) then ${e.employees} >= ${s.surveyMinSocialOrgStaff}
                   else ${e.employees} >= ${s.surveyMinEmployees} end)`;
}

/** The condition of a name search: names containing the fragment, or unified codes with the given LIKE prefix. */
export type NameSearch = (fragment: string, usccPattern: string | null) => SQL;

/** The same condition as plain SQL, as a query outside row-level security writes it (the benchmark's baseline). */
export const nameSearchDirect: NameSearch = (fragment, usccPattern) =>
  or(ilike(e.name, containing(fragment)), usccPattern ? like(e.uscc, usccPattern) : undefined)!;

/**
 * The search function (0028) finds the names with the trigram index, which an ILIKE under
 * row-level security cannot use, and applies the actor's scope itself; the policies apply to
 * the ids it returns here too. It needs the transaction's scope (`inScope`). A fragment of one
 * or two characters has no trigram: the index cannot narrow it, and the plain ILIKE under the
 * policies, a parallel scan of the scope, finds it sooner (bench/README.md, name search).
 */
export const nameSearchUnderRls: NameSearch = (fragment, usccPattern) =>
  [...fragment].length < 3
    ? nameSearchDirect(fragment, usccPattern)
    : sql`${e.id} in (select dangjian_enterprise_name_search(${containing(fragment)}, ${usccPattern}::text))`;

/**
 * The WHERE of a ledger query: always the actor's scope first, then each filter given. The
 * survey scope and 重点盯住 need the deployment's settings (`ledgerWhereIn` reads them).
 */
export function ledgerWhere(
  actor: Actor,
  f: LedgerFilter,
  settings: CoverageSettings,
  byName: NameSearch = nameSearchUnderRls,
): SQL {
  const conds: (SQL | undefined)[] = [inRegionScope(e.regionCode, actor), regionStartsWith(actor.scopePrefix)];
  if (f.region && f.regionOnly) conds.push(eq(e.regionCode, f.region));
  else if (f.region) conds.push(regionStartsWith(f.region === '000000' ? '' : regionPrefix(f.region)));
  if (f.scope === 'survey') conds.push(inSurveySql(settings));
  if (f.coverage === 'org') conds.push(and(eq(e.inScope, true), isNotNull(e.orgCoverage)));
  if (f.coverage === 'standalone' || f.coverage === 'joint')
    conds.push(and(eq(e.inScope, true), eq(e.orgCoverage, f.coverage)));
  if (f.coverage === 'work')
    conds.push(and(eq(e.inScope, true), or(isNotNull(e.orgCoverage), eq(e.hasInstructor, true))));
  if (f.coverage === 'none') conds.push(and(eq(e.inScope, true), isNull(e.orgCoverage)));
  if (f.kind) conds.push(inArray(e.kind, f.kind));
  if (f.section) {
    conds.push(
      or(
        eq(e.industryCode, f.section),
        inArray(
          e.industryCode,
          sql`(select ${industries.code} from ${industries} where ${industries.section} = ${f.section})`,
        ),
      ),
    );
  }
  if (f.industry) conds.push(eq(e.industryCode, f.industry));
  if (f.sizeBand) {
    conds.push(
      or(
        ...f.sizeBand.map((code) => {
          const band = SIZE_BANDS.find((b) => b.code === code)!;
          return band.maxExclusive === null
            ? gte(e.employees, band.min)
            : and(gte(e.employees, band.min), lt(e.employees, band.maxExclusive));
        }),
      ),
    );
  }
  if (f.aboveScale) conds.push(eq(e.aboveScale, f.aboveScale === 'true'));
  if (f.cluster) conds.push(eq(e.cluster, f.cluster));
  // Categories are defined for enterprises in scope only (rules.md §3).
  if (f.category) conds.push(and(eq(e.inScope, true), inArray(e.category, f.category)));
  for (const flag of f.flag ?? []) {
    if (flag === 'key_watch') conds.push(keyWatchSql(settings.keyWatchEmployees));
    if (flag === 'needs_instructor') conds.push(needsInstructorSql());
    if (flag === 'missing') conds.push(isNotNull(e.missingSinceBatchId));
    if (flag === 'estimated') conds.push(eq(e.fullMemberEstimated, true));
    if (flag === 'mass_org_only') conds.push(massOrgOnlySql());
    if (flag === 'no_mass_org') conds.push(noMassOrgSql());
  }
  if (f.status) {
    const statuses = f.status.filter((s) => s !== 'in_scope' && s !== 'closed');
    conds.push(
      or(
        statuses.length ? inArray(e.registrationStatus, statuses) : undefined,
        f.status.includes('in_scope') ? eq(e.inScope, true) : undefined,
        f.status.includes('closed') ? eq(e.inScope, false) : undefined,
      ),
    );
  }
  if (f.q) {
    const q = f.q.toUpperCase();
    conds.push(byName(f.q, /^[0-9A-Z]{4,18}$/.test(q) ? `${q}%` : null));
  }
  return and(...conds)!;
}

/** `ledgerWhere` with the deployment's settings read. */
export async function ledgerWhereIn(db: Db | Tx, actor: Actor, f: LedgerFilter): Promise<SQL> {
  return ledgerWhere(actor, f, await getCoverageSettings(db));
}
