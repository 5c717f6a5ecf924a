// One data row of the party-member import file (党员名册) → a MemberInput, or every reason it is
// not one; and the checks over the whole file that need no database. ID and phone numbers are
// personal information: no message repeats one in full (ENGINEERING.md: never log full ID
// numbers), since error reports are downloaded, shown and stored.
import { addMonths, ageOn } from '../calendarDate.ts';
import type { Cell } from '../enterprise/cell.ts';
import { cellText } from '../enterprise/cell.ts';
import { choiceParser, numericCodeMessage, textParser } from '../enterprise/cellParsers.ts';
import { type Choice, labelOf, YES_NO } from '../enterprise/codes.ts';
import type { RowIssue } from '../enterprise/input.ts';
import type { Parsed } from '../enterprise/parsed.ts';
import { parsePhoneCell } from '../enterprise/phone.ts';
import {
  type CellParser,
  type ImportRowResult,
  type ParseRowOptions,
  type ReadCells,
  rowReader,
} from '../enterprise/rowReader.ts';
import { normalizeCode, normalizeName } from '../enterprise/text.ts';
import { type Sex, validateIdNumber } from '../idNumber.ts';
import { maskIdNumber, maskPhone } from '../mask.ts';
import { JOB_CODES } from '../national/codes-job.ts';
import { JOIN_TYPE_MAX_LENGTH } from '../national/codes-join-type.ts';
import { NEW_CLASS_CODES } from '../national/codes-new-class.ts';
import { EDUCATIONS, type Education, MEMBER_STATUSES, type MemberStatus, SEXES } from './codes.ts';
import { APPLICANT_MIN_AGE, PROBATION_MONTHS } from './development.ts';
import type { ImportColumnDef } from './importColumns.ts';
import { pastDateParser, usccParser } from './importRow.ts';
import { MEMBER_COLUMNS, type MemberColumnKey, memberHeaderOf } from './memberColumns.ts';

export const MEMBER_NAME_MAX_LENGTH = 50;
/** Not in the spec: long enough for “维吾尔族”, short enough to catch a pasted paragraph. */
export const ETHNICITY_MAX_LENGTH = 20;
export const POSITION_MAX_LENGTH = 50;
export const MEMBER_ORG_MAX_LENGTH = 100;

/**
 * One party member as the import file describes it. Optional columns left empty are `null`,
 * so every record has the same fields. Dates are YYYY-MM-DD.
 */
export interface MemberInput {
  name: string;
  /** 18 characters, half-width, a final X upper-cased. Encrypted at rest by the server. */
  idNumber: string;
  /** From the ID number. */
  birthDate: string;
  /** From the ID number (a 性别 cell must agree with it). */
  sex: Sex;
  ethnicity: string | null;
  education: Education | null;
  status: MemberStatus;
  /** The admission meeting's date. */
  joinedOn: string;
  /** Present exactly for full members. */
  fullOn: string | null;
  /** The name or code of the org, as written (resolved by the server). */
  org: string;
  employerUscc: string | null;
  position: string | null;
  phone: string | null;
  /** 是否流动党员; 否 when left empty. */
  mobile: boolean;
  /** Where the relation is held when not in `org` (流出地), as written. */
  relationOrg: string | null;
  /** The national system's codes (domain/national): 工作岗位, 新社会阶层类型, 是否农民工, 入党类型. */
  jobCode: string | null;
  newClass: string | null;
  /** 是否农民工 as written; when empty it follows the 工作岗位 (0164 / 0253). */
  migrantWorker: boolean | null;
  joinType: string | null;
}

/**
 * The columns of a member row: our roster's, and two only the national system's file has —
 * 出生日期 (checked against the ID number) and 是否失联党员 (checked, not stored: lost contact
 * is recorded in its own area).
 */
export type MemberRowKey = MemberColumnKey | 'birthDate' | 'lostContact';

export type MemberRowResult = ImportRowResult<MemberInput>;

/**
 * One row → a MemberInput. `defs` are the file's columns: our roster's (the default) or the
 * national system's (national/memberColumns.ts), whose headers the messages then name; a
 * column the layout lacks reads as empty.
 */
export function parseMemberRow(
  cells: ReadonlyMap<MemberRowKey, unknown>,
  rowNumber: number,
  options: ParseRowOptions = {},
  defs: readonly ImportColumnDef<MemberRowKey>[] = MEMBER_COLUMNS,
): MemberRowResult {
  const present = new Set(defs.map((c) => c.key));
  const r = rowReader(defs, cells, rowNumber, options);
  const pastDate = pastDateParser(r.today);
  const education = defs.find((c) => c.key === 'education')?.choices as readonly Choice<Education>[] | undefined;
  // In the file's column order, which is the order a row's errors are listed in.
  const all = {
    name: parseMemberName,
    idNumber: (cell: Cell, header: string) => parseIdNumberCell(cell, header, r.today),
    sex: parseSex,
    ethnicity: parseEthnicity,
    birthDate: pastDate,
    education: education ? choiceParser(education) : parseEducation,
    status: parseStatus,
    joinedOn: pastDate,
    fullOn: pastDate,
    org: parseOrgReference,
    employerUscc: usccParser,
    position: parsePosition,
    phone: parseMemberPhone,
    mobile: parseYesNo,
    relationOrg: parseOrgReference,
    jobCode: parseJobCode,
    newClass: parseNewClass,
    migrantWorker: parseYesNo,
    lostContact: parseYesNo,
    joinType: parseJoinType,
  };
  const v = r.readAll(
    Object.fromEntries(Object.entries(all).filter(([k]) => present.has(k as MemberRowKey))) as Partial<typeof all>,
  ) as ReadCells<typeof all>;
  const { idNumber: id, sex, status, joinedOn, fullOn } = v;

  const header = (key: MemberRowKey) => r.header(key);
  if (id && v.birthDate && v.birthDate !== id.birthDate) {
    r.error('birthDate', `${header('birthDate')}（${v.birthDate}）与${header('idNumber')}中的出生日期不符，请核对`);
  }
  if (v.lostContact) {
    r.warn(
      'lostContact',
      `${header('lostContact')}为“是”：失联党员在本系统的“失联党员”中登记（失联情形、查找经过），本列只作核对，不写入`,
    );
  }
  // Cross-column rules, each checked only when its columns were read.
  if (id && sex && sex !== id.sex) {
    r.error(
      'sex',
      `${header('sex')}填写为“${labelOf(SEXES, sex)}”，与${header('idNumber')}不符：按${header('idNumber')}第 17 位应为“${labelOf(SEXES, id.sex)}”`,
    );
  }
  if (id && joinedOn) {
    const age = ageOn(id.birthDate, joinedOn);
    if (age < 0) {
      r.error('joinedOn', `${header('joinedOn')}（${joinedOn}）早于${header('idNumber')}中的出生日期，请核对`);
    } else if (age < APPLICANT_MIN_AGE) {
      r.error(
        'joinedOn',
        `${header('joinedOn')}（${joinedOn}）时按${header('idNumber')}计算为 ${age} 周岁，入党须年满 ${APPLICANT_MIN_AGE} 周岁`,
      );
    }
  }
  if (status === 'full' && fullOn === null) {
    r.error('fullOn', `${header('status')}为正式党员时必须填写${header('fullOn')}`);
  }
  if (status === 'probationary' && fullOn) {
    r.error(
      'fullOn',
      `${header('status')}为预备党员时不应填写${header('fullOn')}（当前为 ${fullOn}）；已转正的请将${header('status')}改为正式党员`,
    );
  }
  if (status !== 'probationary' && joinedOn && fullOn) {
    if (fullOn < joinedOn) {
      r.error('fullOn', `${header('fullOn')}（${fullOn}）不能早于${header('joinedOn')}（${joinedOn}）`);
    } else if (fullOn < addMonths(joinedOn, PROBATION_MONTHS)) {
      r.warn(
        'fullOn',
        `${header('fullOn')}（${fullOn}）距${header('joinedOn')}（${joinedOn}）不满 1 年，预备期一般为 1 年，请核对`,
      );
    }
  }

  // No errors means every required field was read; the casts only restate that.
  return r.finishAll(v, (c): MemberInput => {
    const valid = c.idNumber as ValidId;
    return {
      // Optional columns left empty are already null.
      ...c,
      name: c.name as string,
      idNumber: valid.value,
      birthDate: valid.birthDate,
      sex: valid.sex,
      status: c.status as MemberStatus,
      joinedOn: c.joinedOn as string,
      org: c.org as string,
      mobile: c.mobile ?? false,
      employerUscc: c.employerUscc ?? null,
      position: c.position ?? null,
      phone: c.phone ?? null,
      relationOrg: c.relationOrg ?? null,
      ethnicity: c.ethnicity ?? null,
      education: c.education ?? null,
      jobCode: c.jobCode ?? null,
      newClass: c.newClass ?? null,
      migrantWorker: c.migrantWorker ?? null,
      joinType: c.joinType ?? null,
    };
  });
}

const parseMemberName = textParser(normalizeName, MEMBER_NAME_MAX_LENGTH);
const parseEthnicity = textParser(normalizeName, ETHNICITY_MAX_LENGTH);
const parsePosition = textParser(normalizeName, POSITION_MAX_LENGTH);
const parseOrgReference = textParser(normalizeName, MEMBER_ORG_MAX_LENGTH);
const parseSex = choiceParser(SEXES);
const parseEducation = choiceParser(EDUCATIONS);
const parseStatus = choiceParser(MEMBER_STATUSES);
const parseYesNo = choiceParser(YES_NO);
const parseJobCode = choiceParser(JOB_CODES);
const parseNewClass = choiceParser(NEW_CLASS_CODES);
const parseJoinType = textParser(normalizeName, JOIN_TYPE_MAX_LENGTH);

interface ValidId {
  value: string;
  birthDate: string;
  sex: Sex;
}

/**
 * The checker's messages, which never repeat the number (only one wrong character, or the
 * birth date part), with the column's header for “身份证号码”.
 */
function parseIdNumberCell(cell: Cell, header: string, today: Date): Parsed<ValidId> {
  // 18 digits exceed a double's precision: the last digits are gone already.
  if (cell.type === 'number') return { ok: false, message: numericCodeMessage(header) };
  const r = validateIdNumber(cellText(cell), today);
  if (!r.ok) return { ok: false, message: r.message.replace(/^身份证号码/, header) };
  return { ok: true, value: { value: r.value, birthDate: r.birthDate, sex: r.sex } };
}

/** The enterprise file's phone rules, with the number masked in any message. */
const parseMemberPhone: CellParser<string> = (cell, header) => {
  const r = parsePhoneCell(cell, header);
  if (r.ok) return r;
  // The value as parsePhoneCell shows it.
  const shown = normalizeCode(cellText(cell)).replace(/\s+/g, ' ');
  return { ok: false, message: r.message.split(`“${shown}”`).join(`“${maskPhone(shown)}”`) };
};

// ---------------------------------------------------------------------------------------------
// Checks over the whole file that need no database.

/** A row that parsed, with its row number as the user sees it. */
export interface ParsedMemberRow {
  row: number;
  value: MemberInput;
}

/**
 * The errors that only the whole file shows: an ID number on more than one row (on every row
 * concerned, naming all of them, the number masked). Rows are in file order.
 */
export function checkMemberFile(rows: readonly ParsedMemberRow[]): RowIssue[] {
  const byId = new Map<string, number[]>();
  for (const { row, value } of rows) {
    const at = byId.get(value.idNumber);
    if (at) at.push(row);
    else byId.set(value.idNumber, [row]);
  }
  const errors: RowIssue[] = [];
  const column = memberHeaderOf('idNumber');
  for (const [id, at] of byId) {
    if (at.length < 2) continue;
    const list = at.map((n) => `第 ${n} 行`).join('、');
    const message = `${column} ${maskIdNumber(id)} 在文件中重复出现（${list}），同一党员只能占一行`;
    for (const row of at) errors.push({ row, column, message });
  }
  return errors;
}
