// One data row of the enterprise import file → an EnterpriseInput, or every reason it is not
// one. All errors of a row are reported together, so a user fixes a file in one pass.
import { validateUscc } from '../uscc.ts';
import type { Cell } from './cell.ts';
import { cellText } from './cell.ts';
import { choiceParser, numericCodeMessage, regionCodeParser, textParser } from './cellParsers.ts';
import {
  ENTERPRISE_KINDS,
  FORMATIONS,
  INTERMEDIARY_KINDS,
  labelOf,
  NON_PUBLIC_ENTERPRISE_KINDS,
  OWNERSHIPS,
  POLITICAL_STATUSES,
  REGISTRATION_STATUSES,
  YES_NO,
} from './codes.ts';
import { type ColumnKey, ENTERPRISE_COLUMNS } from './columns.ts';
import { parseCount } from './count.ts';
import { parseDateCell } from './date.ts';
import { parseIndustryCell } from './industry.ts';
import type { EnterpriseInput, RowResult } from './input.ts';
import type { Parsed } from './parsed.ts';
import { parsePhoneCell } from './phone.ts';
import { type ParseRowOptions, type RowReader, rowReader } from './rowReader.ts';
import { normalizeCluster, normalizeName } from './text.ts';

export type { ParseRowOptions } from './rowReader.ts';

export const NAME_MAX_LENGTH = 200;
export const OWNER_NAME_MAX_LENGTH = 50;
/** Not in the spec; long enough for “XX 经济开发区 XX 产业园 3 号楼”, short enough to be a name. */
export const CLUSTER_MAX_LENGTH = 200;

export function parseEnterpriseRow(
  cells: ReadonlyMap<ColumnKey, unknown>,
  rowNumber: number,
  options: ParseRowOptions = {},
): RowResult {
  const r = rowReader(ENTERPRISE_COLUMNS, cells, rowNumber, options);
  // In the file's column order, which is the order a row's errors are listed in.
  const v = r.readAll({
    uscc: parseUsccCell,
    name: parseName,
    kind: parseKind,
    regionCode: regionCodeParser,
    industryCode: parseIndustryCell,
    employees: parseCount,
    memberCount: parseCount,
    fullMemberCount: parseCount,
    ownerName: parseOwnerName,
    ownerPoliticalStatus: parsePoliticalStatus,
    aboveScale: parseYesNo,
    cluster: parseCluster,
    foundedOn: (cell, header) => parseDateCell(cell, header, r.today),
    registrationStatus: parseRegistrationStatus,
    phone: parsePhoneCell,
    reportedHasOrg: parseYesNo,
    reportedFormation: parseFormation,
    hasUnion: parseYesNo,
    hasLeague: parseYesNo,
    legalPerson: parseYesNo,
    staffOnPost: parseCount,
    ownership: parseOwnership,
    intermediaryKind: parseIntermediaryKind,
  });

  // Cross-column rules, checked only when both sides were read.
  if (typeof v.fullMemberCount === 'number' && typeof v.memberCount === 'number' && v.fullMemberCount > v.memberCount) {
    r.error(
      'fullMemberCount',
      `正式党员数（${v.fullMemberCount}）不能大于党员数（${v.memberCount}），党员数包括正式党员和预备党员`,
    );
  }
  if (typeof v.memberCount === 'number' && typeof v.employees === 'number' && v.memberCount > v.employees + 1) {
    // A warning only: the owner may be a member without being counted as an employee.
    r.warn(
      'memberCount',
      `党员数（${v.memberCount}）多于从业人员数（${v.employees}）加 1，请核对（负责人可不计入从业人员）`,
    );
  }
  if (v.reportedHasOrg === false && v.reportedFormation) {
    r.warn(
      'reportedFormation',
      `是否建立党组织填写为“否”，但党组织组建形式填写了“${labelOf(FORMATIONS, v.reportedFormation)}”，请核对`,
    );
  }

  annualTableRules(r, v);

  // No errors means every required field was read; the casts only restate that.
  const { ok: _, ...result } = r.finishAll(
    v,
    (c): EnterpriseInput => ({
      // Optional columns left empty are already null.
      ...c,
      uscc: c.uscc as string,
      name: c.name as string,
      kind: c.kind as EnterpriseInput['kind'],
      regionCode: c.regionCode as string,
      employees: c.employees as number,
      memberCount: c.memberCount as number,
      fullMemberCount: c.fullMemberCount ?? (c.memberCount as number),
      fullMemberEstimated: c.fullMemberCount === null,
      aboveScale: c.aboveScale ?? false,
      registrationStatus: c.registrationStatus ?? 'active',
    }),
  );
  // The enterprise result has no `ok`: the server and the ledger's edit form narrow on `value`.
  return result;
}

const parseName = textParser(normalizeName, NAME_MAX_LENGTH);
const parseOwnerName = textParser(normalizeName, OWNER_NAME_MAX_LENGTH);
const parseCluster = textParser(normalizeCluster, CLUSTER_MAX_LENGTH);
const parseKind = choiceParser(ENTERPRISE_KINDS);
const parsePoliticalStatus = choiceParser(POLITICAL_STATUSES);
const parseRegistrationStatus = choiceParser(REGISTRATION_STATUSES);
const parseFormation = choiceParser(FORMATIONS);
const parseYesNo = choiceParser(YES_NO);
const parseOwnership = choiceParser(OWNERSHIPS);
const parseIntermediaryKind = choiceParser(INTERMEDIARY_KINDS);

type Read = {
  [K in 'kind' | 'employees' | 'legalPerson' | 'staffOnPost' | 'ownership' | 'intermediaryKind']?:
    | EnterpriseInput[K]
    | null;
};

/** The 年报 facts against the kind and the 从业人员 (docs/annual-tables.md §3). */
function annualTableRules(r: RowReader<ColumnKey>, v: Read) {
  if (v.legalPerson === true && v.kind === 'individual')
    r.error('legalPerson', '市场主体类型为“个体工商户”，个体工商户不是法人单位，是否法人单位应填“否”');
  if (typeof v.staffOnPost === 'number' && typeof v.employees === 'number' && v.staffOnPost > v.employees)
    r.error('staffOnPost', `在岗职工数（${v.staffOnPost}）不能大于从业人员数（${v.employees}）`);
  if (v.ownership && v.kind && !NON_PUBLIC_ENTERPRISE_KINDS.includes(v.kind))
    r.error(
      'ownership',
      `资本构成只适用于私营企业、港澳台投资企业和外商投资企业，市场主体类型为“${labelOf(ENTERPRISE_KINDS, v.kind)}”时应留空`,
    );
  if (v.ownership && v.ownership !== 'sole' && v.kind && v.kind !== 'private')
    r.error('ownership', `“${labelOf(OWNERSHIPS, v.ownership)}”只适用于私营企业（私有经济控制的企业）`);
  if (v.intermediaryKind && v.kind && (NON_PUBLIC_ENTERPRISE_KINDS.includes(v.kind) || v.kind === 'individual'))
    r.error(
      'intermediaryKind',
      `中介组织类型只适用于社会组织和“其他”类型，市场主体类型为“${labelOf(ENTERPRISE_KINDS, v.kind)}”时应留空`,
    );
}

function parseUsccCell(cell: Cell, header: string): Parsed<string> {
  // A double holds about 15 significant digits; an all-digit 18-character code stored as a
  // number has already lost its last digits, and the check would only say “校验码错误”.
  if (cell.type === 'number') return { ok: false, message: numericCodeMessage(header) };
  return validateUscc(cellText(cell));
}
