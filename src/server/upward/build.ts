// `dangjian submit` on the child deployment: the period's figures, computed now from the
// ledger in the deployment's default scope, signed into a package for the parent. Only counts
// by region go up (the reports' rows and totals, the ledger's counts by category): the
// parent's reports need nothing else, and no person's or enterprise's record leaves the county.
import { compareDates, formatDate } from '../../domain/calendarDate.ts';
import { quarterRange } from '../../domain/stats/quarter.ts';
import {
  isQuarterPeriod,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  PERIOD_PATTERN,
  reportsOf,
} from '../../domain/upward/package.ts';
import type { Actor } from '../actor.ts';
import type { Db } from '../db/client.ts';
import { inScope } from '../db/tx.ts';
import { regionInScope } from '../regions/scope.ts';
import { runReport } from '../reports/service.ts';
import { deploymentRegion } from '../setup/deploymentRegion.ts';
import { coverage } from '../stats/engine.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { today } from '../today.ts';
import type { Envelope, Payload } from './format.ts';
import { signNext, UpwardError } from './keys.ts';

/** The last day of the period: 31 December, or the quarter's end. */
export function periodEnd(period: string): string {
  return isQuarterPeriod(period) ? quarterRange(period).to : formatDate(Number(period), 12, 31);
}

const LEDGER_FIELDS = ['inScope', 'withMembers', 'orgCovered', 'standalone', 'joint', 'workCovered'] as const;

export async function buildPackage(
  db: Db,
  actor: Actor,
  input: { region?: string; period: string },
): Promise<{ envelope: Envelope; payload: Payload }> {
  if (!PERIOD_PATTERN.test(input.period))
    throw new UpwardError(400, 'validation', `报送期间应为年份（2026）或季度（2026Q3）：${input.period}`);
  const code = input.region ?? (await deploymentRegion(db))?.code;
  if (!code) throw new UpwardError(400, 'no_region', '本系统尚未选定服务的行政区划，请用 --region 指定报送地区');
  const now = today();
  const end = periodEnd(input.period);
  if (compareDates(end, now) >= 0)
    throw new UpwardError(400, 'validation', `${input.period} 到 ${end} 才结束，期间结束后才能报送`);
  const content = await inScope(db, actor, async (tx) => {
    const region = await regionInScope(tx, actor, code);
    const reports: Payload['reports'] = {};
    for (const kind of reportsOf(input.period)) {
      const report =
        kind === 'quarterly'
          ? await runReport(tx, actor, { report: kind, region: region.code, quarter: input.period })
          : await runReport(tx, actor, { report: kind, region: region.code, year: Number(input.period) });
      // Part B of the quarterly report lists each new org with its secretary's name: it stays here.
      reports[kind] = (kind === 'quarterly'
        ? { ...report, orgs: [] }
        : report) as unknown as Payload['reports']['quarterly'];
    }
    const settings = await getCoverageSettings(tx);
    const ledger = await coverage(
      tx,
      actor,
      { region: region.code, date: end, scope: settings.defaultScope },
      settings,
      now,
    );
    const counts = (f: (typeof ledger.children)[number] | typeof ledger) => ({
      region: f.region,
      name: f.name,
      ...Object.fromEntries(LEDGER_FIELDS.map((k) => [k, f[k]])),
      ...Object.fromEntries(Object.entries(f.categories).map(([k, n]) => [`category_${k}`, n])),
    });
    return {
      region: { code: region.code, name: region.name },
      reports,
      ledger: { asOf: end, total: counts(ledger), rows: ledger.children.map(counts) },
    };
  });
  let payload: Payload | undefined;
  const signed = await signNext(db, (sequence) => {
    payload = {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      period: input.period,
      sequence,
      signedAt: new Date().toISOString(),
      ...content,
    };
    return Buffer.from(JSON.stringify(payload), 'utf8');
  });
  return {
    envelope: {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      payload: signed.payload.toString('base64'),
      signature: signed.signature.toString('base64'),
    },
    payload: payload as Payload,
  };
}
