// When a region counts as lagging (rules.md §9), as a pure rule: its org coverage rate is
// below its parent's by more than the configured points, it fell since the previous report,
// it has overdue re-elections, it missed the quarterly report, or an org of it judged 软弱涣散
// is under rectification not yet closed (rules.md §11).

import { ratePercent } from '../stats/rate.ts';
import { type MissedQuarter, missedQuarterText } from './submission.ts';

export type LaggingCode = 'below_parent' | 'fell' | 'overdue_reelection' | 'missed_quarterly' | 'weak_org';

export interface LaggingReason {
  code: LaggingCode;
  text: string;
}

/** A rate as numerator and denominator, so comparisons are exact (no floating-point noise at a boundary). */
export interface Ratio {
  n: number;
  d: number;
}

const pct = (r: Ratio) => ratePercent(r.n, r.d);

/**
 * How many points the child is below the parent, exact to the rational: 10.0 points is
 * (parent − child) × 100 = 10 exactly, computed in integers where both rates are fractions of
 * integers. Null when either has no denominator.
 */
export function pointsBelow(parent: Ratio, child: Ratio): number | null {
  if (parent.d === 0 || child.d === 0) return null;
  return ((parent.n * child.d - child.n * parent.d) * 100) / (parent.d * child.d);
}

/** Whether the gap exceeds the setting, compared in integers: gap × pD × cD > points × pD × cD. */
export function belowByMore(parent: Ratio, child: Ratio, points: number): boolean {
  if (parent.d === 0 || child.d === 0) return false;
  // Points may carry one decimal (a setting like 7.5): scale by 10 to stay in integers, and in
  // BigInt, as a province's counts multiplied together pass 2^53.
  const [pn, pd, cn, cd] = [parent.n, parent.d, child.n, child.d].map(BigInt) as [bigint, bigint, bigint, bigint];
  return (pn * cd - cn * pd) * 1000n > BigInt(Math.round(points * 10)) * pd * cd;
}

/** Whether the rate fell: now < before, compared by cross-multiplication. */
export function fell(now: Ratio, before: Ratio): boolean {
  if (now.d === 0 || before.d === 0) return false;
  return BigInt(now.n) * BigInt(before.d) < BigInt(before.n) * BigInt(now.d);
}

export interface LaggingFacts {
  parent: Ratio;
  now: Ratio;
  /** The rate at the previous quarter end. */
  before: Ratio;
  previousDate: string;
  overdueReelections: number;
  /** The quarterly report due and not submitted by its due date (or returned since), if any. */
  missedQuarter: MissedQuarter | null;
  /** Orgs judged 软弱涣散 whose rectification was open at the date. */
  weakOrgs?: number;
}

export function laggingReasons(f: LaggingFacts, laggingPoints: number): LaggingReason[] {
  const out: LaggingReason[] = [];
  if (belowByMore(f.parent, f.now, laggingPoints)) {
    const gap = Math.round((pointsBelow(f.parent, f.now) as number) * 10) / 10;
    out.push({
      code: 'below_parent',
      text: `党组织覆盖率 ${pct(f.now)}，低于上级 ${pct(f.parent)} ${gap.toFixed(1)} 个百分点（超过 ${laggingPoints} 个百分点）`,
    });
  }
  if (fell(f.now, f.before)) {
    out.push({
      code: 'fell',
      text: `党组织覆盖率由 ${f.previousDate} 的 ${pct(f.before)} 降至 ${pct(f.now)}`,
    });
  }
  if (f.overdueReelections > 0) {
    out.push({ code: 'overdue_reelection', text: `${f.overdueReelections} 个党组织逾期未换届` });
  }
  if (f.missedQuarter) {
    out.push({ code: 'missed_quarterly', text: missedQuarterText(f.missedQuarter) });
  }
  if ((f.weakOrgs ?? 0) > 0) {
    out.push({ code: 'weak_org', text: `${f.weakOrgs} 个软弱涣散党组织整顿尚未销号` });
  }
  return out;
}
