import { and, eq, sql } from 'drizzle-orm';
import type { EngagementKind } from '../../domain/appraisal/codes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { enterprises, ownerEngagements } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { inRegionScope } from '../regions/scope.ts';

export interface OwnerEngagementInput {
  kind: EngagementKind;
  occurredOn: string;
  ownerName: string | null;
  topics: string | null;
  outcome: string | null;
  hours: number | null;
  venue: string | null;
  funds: number | null;
  note: string | null;
}

const KIND_LABEL: Record<EngagementKind, string> = {
  communication: '沟通',
  support: '支持',
  campaign: '三争一创',
  application: '递交入党申请书',
  org_request: '要求建立党组织',
};

/** The enterprise, locked, if the actor sees it (a secretary: those their org covers); otherwise 404. */
async function loadEnterprise(tx: Tx, actor: Actor, id: number) {
  const [e] = await tx
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), inRegionScope(enterprises.regionCode, actor)))
    .for('update');
  if (!e) throw notFound('企业');
  return e;
}

/** The org covering the enterprise on the day, the actor's own for a secretary. */
async function coveringOrg(tx: Tx, actor: Actor, enterpriseId: number, on: string) {
  const [row] = await queryRows<{ id: number; name: string }>(
    tx,
    sql`select o.id, o.name from org_coverages c join party_orgs o on o.id = c.org_id
        where c.enterprise_id = ${enterpriseId} and c.start_on <= ${on}::date and (c.end_on is null or c.end_on > ${on}::date)
          and o.region_code like ${`${actor.scopePrefix}%`}
          ${actor.orgId === null ? sql`` : sql`and o.id = ${actor.orgId}`}
        order by (o.id = ${actor.orgId ?? 0}) desc, o.id limit 1`,
  );
  return row ?? null;
}

/**
 * Records one fact of an owner's engagement (document 001) with the org covering the
 * enterprise on the day. A request to set up an org is the only kind for an enterprise no org
 * covers; the owner's application and the request are recorded once per enterprise, 三争一创
 * once a year.
 */
export async function createOwnerEngagement(
  tx: Tx,
  actor: Actor,
  enterpriseId: number,
  input: OwnerEngagementInput,
  today: string,
) {
  const enterprise = await loadEnterprise(tx, actor, enterpriseId);
  notAfterToday('occurredOn', '日期', input.occurredOn, { today });
  const org = await coveringOrg(tx, actor, enterprise.id, input.occurredOn);
  if (input.kind === 'org_request') {
    if (org)
      invalid('kind', `${enterprise.name} 在 ${input.occurredOn} 已有党组织（${org.name}），不必登记要求建立党组织`);
  } else if (!org) {
    if (actor.orgId !== null) throw notFound('企业');
    invalid('occurredOn', `${enterprise.name} 在 ${input.occurredOn} 尚无党组织，只能登记“要求建立党组织”`);
  }
  const text = (v: string | null) => v?.trim() || null;
  const values = {
    enterpriseId: enterprise.id,
    orgId: org?.id ?? null,
    kind: input.kind,
    occurredOn: input.occurredOn,
    ownerName: text(input.ownerName),
    topics: text(input.topics),
    outcome: text(input.outcome),
    hours: input.hours,
    venue: text(input.venue),
    funds: input.funds,
    note: text(input.note),
  };
  if (input.kind === 'communication' && values.topics === null) invalid('topics', '沟通须填写沟通事项');
  if (input.kind === 'support' && values.hours === null && values.funds === null && values.venue === null) {
    invalid('hours', '请至少填写一项支持：活动时间、场地或经费');
  }
  if (input.kind !== 'support' && (values.hours !== null || values.funds !== null || values.venue !== null)) {
    invalid('kind', '活动时间、场地和经费请登记为“支持”');
  }
  if (input.kind === 'application' || input.kind === 'org_request' || input.kind === 'campaign') {
    const year = input.occurredOn.slice(0, 4);
    const [same] = await queryRows<{ occurredOn: string }>(
      tx,
      sql`select occurred_on::text as "occurredOn" from owner_engagements
          where enterprise_id = ${enterprise.id} and kind = ${input.kind}
            ${input.kind === 'campaign' ? sql`and extract(year from occurred_on) = ${Number(year)}` : sql``}
          limit 1`,
    );
    if (same) {
      invalid(
        'kind',
        `${enterprise.name} 的“${KIND_LABEL[input.kind]}”已于 ${same.occurredOn} 登记${input.kind === 'campaign' ? `（${year} 年）` : ''}，不必重复登记`,
      );
    }
  }
  const [row] = await tx.insert(ownerEngagements).values(values).returning({ id: ownerEngagements.id });
  await auditChange(tx, actor, {
    action: 'engagement.owner_create',
    entity: 'owner_engagement',
    entityId: row.id,
    diff: { ...values, enterpriseName: enterprise.name, ...(org && { orgName: org.name }) },
  });
  return row;
}

export interface OwnerEngagementRow {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  orgId: number | null;
  kind: EngagementKind;
  occurredOn: string;
  ownerName: string | null;
  topics: string | null;
  outcome: string | null;
  hours: number | null;
  venue: string | null;
  funds: number | null;
  note: string | null;
}

const COLUMNS = sql`g.id, g.enterprise_id as "enterpriseId", e.name as "enterpriseName", g.org_id as "orgId", g.kind,
  g.occurred_on::text as "occurredOn", g.owner_name as "ownerName", g.topics, g.outcome,
  g.hours::float8 as hours, g.venue, g.funds::float8 as funds, g.note`;

/** An enterprise's owner engagement, the latest first (whoever sees the enterprise, an instructor too). */
export async function enterpriseEngagements(tx: Tx, actor: Actor, enterpriseId: number) {
  const [e] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.id, enterpriseId), inRegionScope(enterprises.regionCode, actor)));
  if (!e) throw notFound('企业');
  return queryRows<OwnerEngagementRow>(
    tx,
    sql`select ${COLUMNS} from owner_engagements g join enterprises e on e.id = g.enterprise_id
        where g.enterprise_id = ${e.id} order by g.occurred_on desc, g.id desc`,
  );
}

/** The owner engagement recorded with an org, the latest first. */
export function orgEngagements(tx: Tx, orgId: number) {
  return queryRows<OwnerEngagementRow>(
    tx,
    sql`select ${COLUMNS} from owner_engagements g join enterprises e on e.id = g.enterprise_id
        where g.org_id = ${orgId} order by g.occurred_on desc, g.id desc`,
  );
}
