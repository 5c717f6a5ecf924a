// One data row of the enterprise import file → an EnterpriseInput, or every reason it is not
// one. All errors of a row are reported together, so a user fixes a file in one pass.
import { validateRegionCodeFormat } from '../regionCode.ts';
import { validateUscc } from '../uscc.ts';
import type { Cell } from './cell.ts';
import { cellText, resolveCell } from './cell.ts';
import { parseChoice } from './choice.ts';
import {
  type Choice,
  ENTERPRISE_KINDS,
  FORMATIONS,
  labelOf,
  POLITICAL_STATUSES,
  REGISTRATION_STATUSES,
  YES_NO,
} from './codes.ts';
import { type ColumnKey, columnOf, headerOf } from './columns.ts';
import { parseCount } from './count.ts';
import { parseDateCell } from './date.ts';
import { parseIndustryCell } from './industry.ts';
import type { EnterpriseInput, RowIssue, RowResult } from './input.ts';
import type { Parsed } from './parsed.ts';
import { parsePhoneCell } from './phone.ts';
import { charLength, normalizeCluster, normalizeName } from './text.ts';

export const NAME_MAX_LENGTH = 200;
export const OWNER_NAME_MAX_LENGTH = 50;
/** Not in the spec; long enough for “XX 经济开发区 XX 产业园 3 号楼”, short enough to be a name. */
export const CLUSTER_MAX_LENGTH = 200;

export interface ParseRowOptions {
  /** What “in the future” is measured against for 成立日期; defaults to now (the server runs on 北京时间). */
  today?: Date;
}

type CellParser<T> = (cell: Cell, header: string) => Parsed<T>;

export function parseEnterpriseRow(
  cells: ReadonlyMap<ColumnKey, unknown>,
  rowNumber: number,
  options: ParseRowOptions = {},
): RowResult {
  const today = options.today ?? new Date();
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const issue = (key: ColumnKey, message: string): RowIssue => ({ row: rowNumber, column: headerOf(key), message });

  // null: the cell is empty (and the column optional); undefined: an error has been recorded.
  function read<T>(key: ColumnKey, parse: CellParser<T>): T | null | undefined {
    const header = headerOf(key);
    const cell = resolveCell(cells.get(key));
    if (cell.type === 'empty') {
      if (!columnOf(key).required) return null;
      errors.push(issue(key, `请填写${header}（必填项）`));
      return undefined;
    }
    if (cell.type === 'invalid') {
      errors.push(issue(key, `${header}：${cell.message}`));
      return undefined;
    }
    const r = parse(cell, header);
    if (!r.ok) {
      errors.push(issue(key, r.message));
      return undefined;
    }
    return r.value;
  }

  const uscc = read('uscc', parseUsccCell);
  const name = read('name', parseName);
  const kind = read('kind', parseKind);
  const regionCode = read('regionCode', parseRegionCell);
  const industryCode = read('industryCode', parseIndustryCell);
  const employees = read('employees', parseCount);
  const memberCount = read('memberCount', parseCount);
  const givenFullMemberCount = read('fullMemberCount', parseCount);
  const ownerName = read('ownerName', parseOwnerName);
  const ownerPoliticalStatus = read('ownerPoliticalStatus', parsePoliticalStatus);
  const aboveScale = read('aboveScale', parseYesNo);
  const cluster = read('cluster', parseCluster);
  const foundedOn = read('foundedOn', (cell, header) => parseDateCell(cell, header, today));
  const registrationStatus = read('registrationStatus', parseRegistrationStatus);
  const phone = read('phone', parsePhoneCell);
  const reportedHasOrg = read('reportedHasOrg', parseYesNo);
  const reportedFormation = read('reportedFormation', parseFormation);
  const hasUnion = read('hasUnion', parseYesNo);
  const hasLeague = read('hasLeague', parseYesNo);

  // Cross-column rules, checked only when both sides were read.
  if (
    typeof givenFullMemberCount === 'number' &&
    typeof memberCount === 'number' &&
    givenFullMemberCount > memberCount
  ) {
    errors.push(
      issue(
        'fullMemberCount',
        `正式党员数（${givenFullMemberCount}）不能大于党员数（${memberCount}），党员数包括正式党员和预备党员`,
      ),
    );
  }
  if (typeof memberCount === 'number' && typeof employees === 'number' && memberCount > employees + 1) {
    // A warning only: the owner may be a member without being counted as an employee.
    warnings.push(
      issue(
        'memberCount',
        `党员数（${memberCount}）多于从业人员数（${employees}）加 1，请核对（负责人可不计入从业人员）`,
      ),
    );
  }
  if (reportedHasOrg === false && reportedFormation) {
    warnings.push(
      issue(
        'reportedFormation',
        `是否建立党组织填写为“否”，但党组织组建形式填写了“${labelOf(FORMATIONS, reportedFormation)}”，请核对`,
      ),
    );
  }

  if (errors.length > 0) return { errors, warnings };
  // No errors means every required field was read; the casts only restate that.
  const value: EnterpriseInput = {
    uscc: uscc as string,
    name: name as string,
    kind: kind as EnterpriseInput['kind'],
    regionCode: regionCode as string,
    industryCode: industryCode ?? null,
    employees: employees as number,
    memberCount: memberCount as number,
    fullMemberCount: givenFullMemberCount ?? (memberCount as number),
    fullMemberEstimated: givenFullMemberCount === null,
    ownerName: ownerName ?? null,
    ownerPoliticalStatus: ownerPoliticalStatus ?? null,
    aboveScale: aboveScale ?? false,
    cluster: cluster ?? null,
    foundedOn: foundedOn ?? null,
    registrationStatus: registrationStatus ?? 'active',
    phone: phone ?? null,
    reportedHasOrg: reportedHasOrg ?? null,
    reportedFormation: reportedFormation ?? null,
    hasUnion: hasUnion ?? null,
    hasLeague: hasLeague ?? null,
  };
  return { value, errors, warnings };
}

const parseName = textParser(normalizeName, NAME_MAX_LENGTH);
const parseOwnerName = textParser(normalizeName, OWNER_NAME_MAX_LENGTH);
const parseCluster = textParser(normalizeCluster, CLUSTER_MAX_LENGTH);
const parseKind = choiceParser(ENTERPRISE_KINDS);
const parsePoliticalStatus = choiceParser(POLITICAL_STATUSES);
const parseRegistrationStatus = choiceParser(REGISTRATION_STATUSES);
const parseFormation = choiceParser(FORMATIONS);
const parseYesNo = choiceParser(YES_NO);

function parseUsccCell(cell: Cell): Parsed<string> {
  if (cell.type === 'number') {
    // A double holds about 15 significant digits; an all-digit 18-character code stored as a
    // number has already lost its last digits, and the check would only say “校验码错误”.
    return {
      ok: false,
      message: '统一社会信用代码被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写',
    };
  }
  return validateUscc(cellText(cell));
}

function parseRegionCell(cell: Cell): Parsed<string> {
  const r = validateRegionCodeFormat(cellText(cell));
  return r.ok ? { ok: true, value: r.value } : r;
}

function textParser(normalize: (s: string) => string, max: number): CellParser<string> {
  return (cell, header) => {
    const value = normalize(cellText(cell));
    const n = charLength(value);
    if (n > max) return { ok: false, message: `${header}不能超过 ${max} 个字，当前为 ${n} 个字` };
    return { ok: true, value };
  };
}

function choiceParser<C extends string | boolean>(choices: readonly Choice<C>[]): CellParser<C> {
  return (cell, header) => parseChoice(cell, header, choices);
}
