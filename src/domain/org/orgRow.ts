// One data row of the party-organization import file (党组织台账) → an OrgInput, or every reason
// it is not one; and the checks over the whole file that need no database. Whether the region,
// the covered enterprises and the referenced orgs exist is the server's check.
import { addMonths } from '../calendarDate.ts';
import { STANDALONE_MIN_FULL_MEMBERS } from '../enterprise/categories.ts';
import type { Cell } from '../enterprise/cell.ts';
import { cellText } from '../enterprise/cell.ts';
import { choiceParser, regionCodeParser, textParser } from '../enterprise/cellParsers.ts';
import { labelOf } from '../enterprise/codes.ts';
import { parseCount } from '../enterprise/count.ts';
import type { RowIssue } from '../enterprise/input.ts';
import type { Parsed } from '../enterprise/parsed.ts';
import { type CellParser, type ImportRowResult, type ParseRowOptions, rowReader } from '../enterprise/rowReader.ts';
import { charLength, normalizeName } from '../enterprise/text.ts';
import { toAsciiUpperCase, toHalfWidth } from '../fullwidth.ts';
import {
  FORMATIONS,
  type Formation,
  JOINT_BASES,
  type JointBasis,
  MANAGEMENT_MODES,
  type ManagementMode,
  ORG_TYPES,
  type OrgType,
  SECRETARY_SOURCES,
  type SecretarySource,
} from './codes.ts';
import { parseUsccListCell, type UsccList } from './coveredUscc.ts';
import { anyDateParser, pastDateParser } from './importRow.ts';
import { ORG_COLUMNS, type OrgColumnKey, orgHeaderOf } from './orgColumns.ts';
import { DEFAULT_TERM_YEARS, MAX_TERM_ADJUSTMENT_MONTHS } from './terms.ts';

export const ORG_NAME_MAX_LENGTH = 100;
export const ORG_CODE_MAX_LENGTH = 50;
/** Not in the spec: an org's name (parent, managing org, approving body) or a person's name. */
export const ORG_REFERENCE_MAX_LENGTH = 100;
export const SECRETARY_NAME_MAX_LENGTH = 50;
/** 党章: a primary org is set up where there are 3 or more full members; fewer is a warning (spec). */
export const ORG_MIN_FULL_MEMBERS = STANDALONE_MIN_FULL_MEMBERS;

/**
 * One party organization as the import file describes it. Optional columns left empty are
 * `null`, so every record has the same fields. Dates are YYYY-MM-DD.
 */
export interface OrgInput {
  name: string;
  /** Half-width, without spaces, letters upper-cased. */
  orgCode: string | null;
  /** Format checked only; whether the division exists is the server's check. */
  regionCode: string;
  type: OrgType;
  formation: Formation;
  /** Present exactly for joint orgs. */
  jointBasis: JointBasis | null;
  /** Normalised, each once, in the order given; one for a standalone org, one or more for a joint one. */
  coveredUscc: string[];
  /** The name or code of the parent org, as written (resolved by the server). */
  parentOrg: string | null;
  establishedOn: string;
  approvedBy: string | null;
  secretaryName: string | null;
  secretarySource: SecretarySource | null;
  fullMemberCount: number | null;
  probationaryCount: number | null;
  termStart: string | null;
  /** As given; when null the server computes it from the type (rules.md §5). */
  termEnd: string | null;
  management: ManagementMode | null;
  /** The name or code of the managing org, as written (resolved by the server). */
  managingOrg: string | null;
  dissolvedOn: string | null;
}

export type OrgRowResult = ImportRowResult<OrgInput>;

export function parseOrgRow(
  cells: ReadonlyMap<OrgColumnKey, unknown>,
  rowNumber: number,
  options: ParseRowOptions = {},
): OrgRowResult {
  const r = rowReader(ORG_COLUMNS, cells, rowNumber, options);
  const pastDate = pastDateParser(r.today);

  const name = r.read('name', parseOrgName);
  const orgCode = r.read('orgCode', parseOrgCode);
  const regionCode = r.read('regionCode', regionCodeParser);
  const type = r.read('type', parseOrgType);
  const formation = r.read('formation', parseFormation);
  const jointBasis = r.read('jointBasis', parseJointBasis);
  const covered = r.read('coveredUscc', readUsccList);
  for (const message of covered?.errors ?? []) r.error('coveredUscc', message);
  const parentOrg = r.read('parentOrg', parseReference);
  const establishedOn = r.read('establishedOn', pastDate);
  const approvedBy = r.read('approvedBy', parseReference);
  const secretaryName = r.read('secretaryName', parseSecretaryName);
  const secretarySource = r.read('secretarySource', parseSecretarySource);
  const fullMemberCount = r.read('fullMemberCount', parseCount);
  const probationaryCount = r.read('probationaryCount', parseCount);
  const termStart = r.read('termStart', pastDate);
  // The end of the current term normally lies ahead.
  const termEnd = r.read('termEnd', anyDateParser);
  const management = r.read('management', parseManagement);
  const managingOrg = r.read('managingOrg', parseReference);
  const dissolvedOn = r.read('dissolvedOn', pastDate);

  const H = orgHeaderOf;
  for (const code of covered?.repeated ?? []) {
    r.warn('coveredUscc', `${H('coveredUscc')}中“${code}”填写了不止一次，按 1 家企业计`);
  }
  // Bad entries still count: “standalone with 2 codes” is worth saying even if one is mistyped.
  const units = covered ? covered.codes.length + covered.errors.length : 0;

  // Cross-column rules, each checked only when its columns were read.
  if (formation === 'joint' && jointBasis === null) {
    r.error('jointBasis', `组建形式为联合组建时必须填写${H('jointBasis')}（区域联建 或 行业联建）`);
  }
  if (formation === 'standalone' && jointBasis) {
    r.error(
      'jointBasis',
      `组建形式为单独组建时不应填写${H('jointBasis')}（当前为“${labelOf(JOINT_BASES, jointBasis)}”），联建类型只用于联合组建`,
    );
  }
  if (formation === 'standalone' && units > 1) {
    r.error(
      'coveredUscc',
      `组建形式为单独组建时，${H('coveredUscc')}只能填写 1 个，当前为 ${units} 个；覆盖多家企业的请选择联合组建`,
    );
  }
  if (formation === 'joint' && units === 1 && covered?.errors.length === 0) {
    r.warn(
      'coveredUscc',
      `组建形式为联合组建，但${H('coveredUscc')}只有 1 个，请核对组建形式（只覆盖 1 家企业的一般为单独组建）`,
    );
  }
  if (type === 'joint_branch' && formation === 'standalone') {
    r.warn('formation', `${H('type')}为联合党支部，但组建形式为单独组建，请核对`);
  }
  if (parentOrg && name && (parentOrg === name || (orgCode !== null && codeForm(parentOrg) === orgCode))) {
    r.error('parentOrg', `${H('parentOrg')}“${parentOrg}”就是本党组织，上级党组织应为另一个党组织`);
  }
  if (termStart && termEnd && termEnd <= termStart) {
    r.error('termEnd', `${H('termEnd')}（${termEnd}）应晚于${H('termStart')}（${termStart}）`);
  } else if (termStart && termEnd && type && DEFAULT_TERM_YEARS[type] !== null) {
    // rules.md §5: a term may be moved by at most a year, and older data has 2- or 4-year terms;
    // an end further off is more likely a typo in a year.
    const years = DEFAULT_TERM_YEARS[type] as number;
    const shortest = addMonths(termStart, years * 12 - MAX_TERM_ADJUSTMENT_MONTHS);
    const longest = addMonths(termStart, years * 12 + MAX_TERM_ADJUSTMENT_MONTHS);
    if (termEnd < shortest || termEnd > longest) {
      r.warn(
        'termEnd',
        `本届任期 ${termStart} 至 ${termEnd}，与${labelOf(ORG_TYPES, type)}每届 ${years} 年相差超过 1 年，请核对`,
      );
    }
  }
  if (establishedOn && termStart && termStart < establishedOn) {
    r.warn('termStart', `${H('termStart')}（${termStart}）早于${H('establishedOn')}（${establishedOn}），请核对`);
  }
  if (establishedOn && dissolvedOn && dissolvedOn < establishedOn) {
    r.error('dissolvedOn', `${H('dissolvedOn')}（${dissolvedOn}）不能早于${H('establishedOn')}（${establishedOn}）`);
  }
  if (typeof fullMemberCount === 'number' && fullMemberCount < ORG_MIN_FULL_MEMBERS && dissolvedOn === null) {
    r.warn(
      'fullMemberCount',
      `${H('fullMemberCount')}为 ${fullMemberCount}，少于 ${ORG_MIN_FULL_MEMBERS} 名：党组织应有 ${ORG_MIN_FULL_MEMBERS} 名以上正式党员，请核对`,
    );
  }

  // No errors means every required field was read; the casts only restate that.
  return r.finish(
    (): OrgInput => ({
      name: name as string,
      orgCode: orgCode ?? null,
      regionCode: regionCode as string,
      type: type as OrgType,
      formation: formation as Formation,
      jointBasis: jointBasis ?? null,
      coveredUscc: (covered as UsccList).codes,
      parentOrg: parentOrg ?? null,
      establishedOn: establishedOn as string,
      approvedBy: approvedBy ?? null,
      secretaryName: secretaryName ?? null,
      secretarySource: secretarySource ?? null,
      fullMemberCount: fullMemberCount ?? null,
      probationaryCount: probationaryCount ?? null,
      termStart: termStart ?? null,
      termEnd: termEnd ?? null,
      management: management ?? null,
      managingOrg: managingOrg ?? null,
      dissolvedOn: dissolvedOn ?? null,
    }),
  );
}

const parseOrgName = textParser(normalizeName, ORG_NAME_MAX_LENGTH);
const parseReference = textParser(normalizeName, ORG_REFERENCE_MAX_LENGTH);
const parseSecretaryName = textParser(normalizeName, SECRETARY_NAME_MAX_LENGTH);
const parseOrgType = choiceParser(ORG_TYPES);
const parseFormation = choiceParser(FORMATIONS);
const parseJointBasis = choiceParser(JOINT_BASES);
const parseSecretarySource = choiceParser(SECRETARY_SOURCES);
const parseManagement = choiceParser(MANAGEMENT_MODES);

/** Never fails as a cell: its bad entries are reported one by one, after the list is read. */
const readUsccList: CellParser<UsccList> = (cell, header) => ({ ok: true, value: parseUsccListCell(cell, header) });

/** A code as compared: half-width, no whitespace, upper case (“ｄｊ-０１ ” is “DJ-01”). */
function codeForm(s: string): string {
  return toAsciiUpperCase(toHalfWidth(s).replace(/\s+/g, ''));
}

const ORG_CODE = /^[0-9A-Z][0-9A-Z._-]*$/;

function parseOrgCode(cell: Cell, header: string): Parsed<string> {
  const value = codeForm(cellText(cell));
  const n = charLength(value);
  if (n > ORG_CODE_MAX_LENGTH) {
    return { ok: false, message: `${header}不能超过 ${ORG_CODE_MAX_LENGTH} 个字符，当前为 ${n} 个` };
  }
  if (!ORG_CODE.test(value)) {
    return { ok: false, message: `${header}“${value}”无效，只能包含字母、数字和“-”“_”“.”，并以字母或数字开头` };
  }
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Checks over the whole file that need no database.

/** A row that parsed, with its row number as the user sees it. */
export interface ParsedOrgRow {
  row: number;
  value: OrgInput;
}

function rowList(rows: readonly number[]): string {
  return rows.map((r) => `第 ${r} 行`).join('、');
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The errors that only the whole file shows, each on every row concerned and naming all of
 * them: an org code twice; a name twice in one region; an enterprise under two standalone
 * orgs in force (not dissolved); a parent org that is only found later in the file (the spec
 * allows a parent “already present (or earlier in the same file)”). Rows are in file order.
 */
export function checkOrgFile(rows: readonly ParsedOrgRow[]): RowIssue[] {
  const errors: RowIssue[] = [];
  const H = orgHeaderOf;

  for (const [code, group] of groupBy(rows, (r) => r.value.orgCode)) {
    if (group.length < 2) continue;
    const message = `${H('orgCode')}“${code}”在文件中重复出现（${rowList(group.map((g) => g.row))}），同一党组织只能占一行`;
    for (const g of group) errors.push({ row: g.row, column: H('orgCode'), message });
  }

  // JSON: a name may contain any character, so no separator is safe in a joined key.
  for (const group of groupBy(rows, (r) => JSON.stringify([r.value.regionCode, r.value.name])).values()) {
    if (group.length < 2) continue;
    const { regionCode, name } = group[0].value;
    const message = `${H('regionCode')} ${regionCode} 下的${H('name')}“${name}”在文件中重复出现（${rowList(group.map((g) => g.row))}），同一地区的党组织名称不能重复`;
    for (const g of group) errors.push({ row: g.row, column: H('name'), message });
  }

  const standaloneInForce = rows.filter((r) => r.value.formation === 'standalone' && r.value.dissolvedOn === null);
  const byEnterprise = new Map<string, ParsedOrgRow[]>();
  for (const r of standaloneInForce) {
    for (const uscc of r.value.coveredUscc) {
      const group = byEnterprise.get(uscc);
      if (group) group.push(r);
      else byEnterprise.set(uscc, [r]);
    }
  }
  for (const [uscc, group] of byEnterprise) {
    if (group.length < 2) continue;
    const orgs = group.map((g) => `第 ${g.row} 行“${g.value.name}”`).join('、');
    const message = `企业“${uscc}”在文件中被多个单独组建且未撤销的党组织覆盖（${orgs}），一家企业只能有一个单独组建的党组织`;
    for (const g of group) errors.push({ row: g.row, column: H('coveredUscc'), message });
  }

  // A reference matches a row by name or by code: index the rows where each name and code appear.
  const at = groupBy(
    rows.flatMap((r, i) => [
      { key: `name:${r.value.name}`, i },
      ...(r.value.orgCode === null ? [] : [{ key: `code:${r.value.orgCode}`, i }]),
    ]),
    (e) => e.key,
  );
  rows.forEach((r, i) => {
    const ref = r.value.parentOrg;
    if (ref === null) return;
    const found = [...(at.get(`name:${ref}`) ?? []), ...(at.get(`code:${codeForm(ref)}`) ?? [])].map((e) => e.i);
    if (found.some((j) => j < i)) return;
    const later = found.filter((j) => j > i);
    if (later.length === 0) return;
    errors.push({
      row: r.row,
      column: H('parentOrg'),
      message: `${H('parentOrg')}“${ref}”在本文件第 ${rows[Math.min(...later)].row} 行，应放在本行之前：上级党组织须已在系统中，或在文件中更靠前的行`,
    });
  });
  return errors;
}
