// How one unit counts in the 年报 tables 27 and 30 (docs/annual-tables.md §2–3): which
// columns it belongs to, which status row, and what it adds to the supplementary rows. Pure,
// so the definitions are read and tested in one place; the server only gathers the facts.
import { NON_PUBLIC_ENTERPRISE_KINDS, SOCIAL_ORGANIZATION_KINDS } from '../enterprise/codes.ts';
import { emptyCells, type NbCells, type NbLayout, type UnitTableId } from './nbTables.ts';

/** One unit's facts at the table's date, as the server reads them from the ledger. */
export interface NbUnit {
  regionCode: string;
  kind: string;
  legalPerson: boolean;
  ownership: string | null;
  intermediaryKind: string | null;
  /** 从业人员 */
  employees: number;
  /** 在岗职工 (从业人员 where not recorded) */
  staffOnPost: number;
  memberCount: number;
  fullMemberCount: number;
  /** rules.md §3 category at the date */
  category: string;
  /** 'standalone' | 'joint' | null at the date */
  orgCoverage: string | null;
  /** The type of the unit's highest own org (党委 > 总支 > 支部), when it has one. */
  ownType: string | null;
  /** The joint orgs covering the unit. */
  jointOrgIds: number[];
  /** The instructors and liaisons assigned to the unit. */
  instructorIds: number[];
  /** The legal representative is a member: 负责人政治面貌, or an officer marked 法定代表人. */
  ownerIsMember: boolean;
  /** The legal representative is the secretary of the unit's own org. */
  ownerIsSecretary: boolean;
  /** Members on the roster working there whose relation is in an org not covering the unit. */
  notTransferred: number;
  /** The unit's own org takes in members whose relation is elsewhere (流入党员). */
  absorbing: boolean;
}

export type NbStatus = 'committee' | 'general' | 'branch' | 'joint' | 'shouldForm' | 'few' | 'none';

/** rules.md §3 with the form's split: a should_form unit in a joint branch is 已建立联合党支部. */
export function statusOf(u: NbUnit): NbStatus {
  if (u.orgCoverage === 'standalone' || u.category === 'standalone') {
    if (u.ownType === 'committee') return 'committee';
    if (u.ownType === 'general_branch') return 'general';
    return 'branch';
  }
  if (u.orgCoverage === 'joint') return 'joint';
  if (u.category === 'should_form') return 'shouldForm';
  if (u.category === 'joint_candidate') return 'few';
  return 'none';
}

/** The columns of table 27 the unit counts in, or none when it is not in the table. */
export function nb27Columns(u: NbUnit): string[] {
  if (!u.legalPerson || !NON_PUBLIC_ENTERPRISE_KINDS.includes(u.kind as never)) return [];
  const cols = ['A'];
  if (u.employees >= 50) cols.push('B');
  if (u.employees >= 100) cols.push('C');
  if (u.ownerIsMember || u.ownerIsSecretary) cols.push('D');
  if (u.ownerIsSecretary) cols.push('E');
  if (u.kind === 'private') {
    cols.push('F');
    if (u.ownership === 'sole') cols.push('G');
    if (u.ownership === 'hmt_invested') cols.push('H');
    if (u.ownership === 'foreign_invested') cols.push('I');
  } else if (u.kind === 'hmt') {
    cols.push('J');
    if (u.ownership === 'sole') cols.push('K');
  } else {
    cols.push('L');
    if (u.ownership === 'sole') cols.push('M');
  }
  return cols;
}

const INTERMEDIARY_COLUMN: Record<string, string> = { law_firm: 'E', accounting_firm: 'F', tax_firm: 'G' };
const SOCIAL_COLUMN: Record<string, string> = { association: 'B', foundation: 'C', social_service: 'D' };

/** The columns of table 30: a professional firm under its own column, whatever its registered kind. */
export function nb30Columns(u: NbUnit): string[] {
  if (!u.legalPerson) return [];
  const firm = u.intermediaryKind ? INTERMEDIARY_COLUMN[u.intermediaryKind] : undefined;
  if (firm) return ['A', firm];
  if (SOCIAL_ORGANIZATION_KINDS.includes(u.kind as never)) return ['A', SOCIAL_COLUMN[u.kind] as string];
  return [];
}

const STATUS_ROW: Record<UnitTableId, Record<NbStatus, number>> = {
  nb27: { committee: 3, general: 4, branch: 5, joint: 6, shouldForm: 9, few: 10, none: 11 },
  nb30: { committee: 2, general: 3, branch: 4, joint: 5, shouldForm: 8, few: 10, none: 11 },
};

const OWN: readonly NbStatus[] = ['committee', 'general', 'branch'];
const UNCOVERED: readonly NbStatus[] = ['shouldForm', 'few', 'none'];

/** The figures of one region row: counted units, and the distinct orgs and persons some cells count. */
export class NbTally {
  readonly cells: NbCells;
  private readonly distinct = new Map<string, Set<number>>();

  constructor(readonly layout: NbLayout) {
    this.cells = emptyCells(layout);
  }

  private add(cols: string[], row: number, n: number) {
    for (const c of cols) this.cells[`${c}${row}`] = (this.cells[`${c}${row}`] ?? 0) + n;
  }

  private addDistinct(cols: string[], row: number, ids: number[]) {
    for (const c of cols) {
      const key = `${c}${row}`;
      const set = this.distinct.get(key) ?? new Set<number>();
      for (const id of ids) set.add(id);
      this.distinct.set(key, set);
      this.cells[key] = set.size;
    }
  }

  /** Counts the unit if it belongs to the table; returns whether it did. */
  count(u: NbUnit): boolean {
    const nb27 = this.layout.id === 'nb27';
    const cols = nb27 ? nb27Columns(u) : nb30Columns(u);
    if (cols.length === 0) return false;
    const status = statusOf(u);
    const instructed = u.instructorIds.length > 0;
    this.add(cols, 1, 1);
    this.add(cols, STATUS_ROW[this.layout.id as UnitTableId][status], 1);
    if (status === 'joint') {
      if (u.fullMemberCount >= 3) this.add(cols, nb27 ? 7 : 6, 1);
      this.addDistinct(cols, nb27 ? 8 : 7, u.jointOrgIds);
    }
    if (nb27) {
      if (instructed) this.add(cols, 2, 1);
      this.addDistinct(cols, 12, u.instructorIds);
      this.add(cols, 13, u.staffOnPost);
      this.add(cols, 14, u.memberCount);
      if (OWN.includes(status) || status === 'joint') {
        this.add(cols, 15, u.staffOnPost);
        this.add(cols, 16, u.memberCount);
      } else if (instructed) {
        this.add(cols, 17, u.staffOnPost);
        this.add(cols, 18, u.memberCount);
      }
    } else {
      if (UNCOVERED.includes(status) && instructed) this.add(cols, 12, 1);
      this.add(cols, 13, u.employees);
      this.add(cols, 14, u.memberCount);
      this.add(cols, 15, Math.min(u.notTransferred, u.memberCount));
      this.addDistinct(cols, 16, u.instructorIds);
      if (u.absorbing && OWN.includes(status)) this.add(cols, 17 + OWN.indexOf(status), 1);
    }
    return true;
  }
}
