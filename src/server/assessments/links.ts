// One-time links (一次性链接) that need no account: a ballot or an owner survey response for one
// enterprise. The raw token leaves the server once, in the answer to whoever issued it; the
// database keeps only its SHA-256, so a copy of the database cannot open any link.
import { sql } from 'drizzle-orm';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { writeAudit } from '../audit/audit.ts';
import { newToken as randomToken, tokenHash } from '../auth/sessions.ts';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { enterScope, inSystem } from '../db/tx.ts';
import { HttpError } from '../errors.ts';
import { scopePrefixOf } from '../regions/scope.ts';

export { tokenHash };

/** A fresh link token: 32 random bytes, base64url. */
export const newLinkToken = randomToken;

/** A link issued until `expiresOn` works through that whole day (local time). */
export function expiryOf(expiresOn: string): Date {
  return new Date(`${addDays(expiresOn, 1)}T00:00:00`);
}

export const MAX_LINK_DAYS = 180;

export function checkExpiresOn(expiresOn: string, today = localDateString(new Date())): void {
  if (expiresOn < today) {
    throw new HttpError(400, 'validation', '有效期至不能早于今天', [
      { field: 'expiresOn', message: '有效期至不能早于今天' },
    ]);
  }
  if (expiresOn > addDays(today, MAX_LINK_DAYS)) {
    const message = `有效期最长 ${MAX_LINK_DAYS} 天`;
    throw new HttpError(400, 'validation', message, [{ field: 'expiresOn', message }]);
  }
}

/** What a link holder is told when a link cannot be used; nothing is written then. */
export const linkRefusals = {
  unknown: () => new HttpError(404, 'link_invalid', '链接无效：请核对链接是否完整，或向发放单位索取新链接'),
  expired: () => new HttpError(403, 'link_expired', '链接已过期，请向发放单位索取新链接'),
  used: () => new HttpError(409, 'link_used', '此链接已提交过，每个链接只能使用一次'),
  closed: () => new HttpError(403, 'owner_survey_closed', '本次问卷已结束，不再接收答卷'),
};

/** The path of the page a link opens. The token goes in the fragment, which browsers never send to a server. */
export function linkPath(purpose: 'ballot' | 'owner_survey', token: string): string {
  return `/${purpose === 'ballot' ? 'ballot' : 'owner-survey'}#${token}`;
}

export interface LinkRow {
  id: number;
  purpose: 'ballot' | 'owner_survey';
  enterpriseId: number;
  enterpriseName: string;
  ownerSurveyId: number | null;
  period: string | null;
  appraiser: 'owner' | 'secretary' | 'member' | null;
}

/**
 * The region a link belongs to: an owner survey's region, which holds the enterprise, or for a ballot
 * the enterprise's own. Unsafe (read with the owner's rights, outside row-level security),
 * deliberately: the holder of a link is nobody yet, so there is no scope to read in; the read
 * is by the token's hash only and answers one region code.
 */
async function unsafeLinkRegion(tx: Tx, token: string): Promise<string | undefined> {
  const [found] = await queryRows<{ regionCode: string }>(
    tx,
    sql`select coalesce(s.region_code, e.region_code) as "regionCode"
        from one_time_links l join enterprises e on e.id = l.enterprise_id left join owner_surveys s on s.id = l.owner_survey_id
        where l.token_hash = ${tokenHash(token)}`,
  );
  return found?.regionCode;
}

/**
 * Runs `fn` for the holder of a link: in a transaction acting for nobody, scoped (row-level
 * security applies as for a user there) to the region the link belongs to. One transaction per
 * request: it begins with the owner's rights for the one read above, then narrows to that scope.
 */
export function asLinkHolder<T>(db: Db, token: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inSystem(db, async (tx) => {
    const regionCode = await unsafeLinkRegion(tx, token);
    if (!regionCode) throw linkRefusals.unknown();
    await enterScope(tx, { actorId: null, scopePrefix: scopePrefixOf(regionCode), orgId: null, instructorId: null });
    return fn(tx);
  });
}

const LINK_COLUMNS = sql`l.id, l.purpose, l.enterprise_id as "enterpriseId", e.name as "enterpriseName",
  l.owner_survey_id as "ownerSurveyId", l.period, l.appraiser`;

/** Why a link of `purpose` cannot be used now; the link when it can. Nothing is written. */
export async function usableLink(tx: Tx, token: string, purpose: LinkRow['purpose']): Promise<LinkRow> {
  const [row] = await queryRows<LinkRow & { used: boolean; expired: boolean }>(
    tx,
    sql`select ${LINK_COLUMNS}, l.used_at is not null as used, l.expires_at <= now() as expired
        from one_time_links l join enterprises e on e.id = l.enterprise_id
        where l.token_hash = ${tokenHash(token)} and l.purpose = ${purpose}`,
  );
  if (!row) throw linkRefusals.unknown();
  if (row.used) throw linkRefusals.used();
  if (row.expired) throw linkRefusals.expired();
  const { used: _u, expired: _e, ...link } = row;
  return link;
}

/**
 * Marks the link used, atomically: of two submissions racing with one link, one wins and the
 * other is told the link was used. The time kept is the day only, so the order in which links
 * were used cannot be matched to the order in which scores were stored. If anything later in
 * the transaction refuses the submission, the mark rolls back with it.
 */
export async function claimLink(tx: Tx, token: string, purpose: LinkRow['purpose'], today: string): Promise<LinkRow> {
  const [row] = await queryRows<LinkRow>(
    tx,
    sql`update one_time_links l set used_at = ${new Date(`${today}T00:00:00`).toISOString()}::timestamptz
        from enterprises e
        where e.id = l.enterprise_id and l.token_hash = ${tokenHash(token)} and l.purpose = ${purpose}
          and l.used_at is null and l.expires_at > now()
        returning ${LINK_COLUMNS}`,
  );
  if (row) return row;
  await usableLink(tx, token, purpose); // throws the reason
  throw linkRefusals.unknown();
}

/**
 * The audit row of a submission through a one-time link. It names the enterprise and, for a
 * ballot, the appraiser's kind, but neither the link, the address nor the answers: whoever
 * reads the trail cannot tell which holder gave which scores.
 */
export function auditLinkSubmission(
  tx: Tx,
  action: 'ballot.submit' | 'owner_survey.submit',
  enterpriseId: number,
  diff: Record<string, unknown>,
) {
  return writeAudit(tx, {
    actorId: null,
    actorName: 'one-time-link',
    ip: null,
    action,
    entity: 'enterprise',
    entityId: enterpriseId,
    result: 'success',
    diff,
  });
}
