// The member roster as the national system (全国党员管理信息系统) exports it: its headers in its
// order (docs/national-files.md cites where they were read), over the same keys as our own
// roster (org/memberColumns.ts), so one parser and one reconciliation serve both. Our roster's
// headers are accepted as aliases; the national file's other columns (学位, 党龄, 现居住地 …)
// are reported as ignored.
import { YES_NO } from '../enterprise/codes.ts';
import { MEMBER_STATUSES, SEXES } from '../org/codes.ts';
import { DATE_HINT, type ImportColumnDef, importColumnSet } from '../org/importColumns.ts';
import { memberColumnOf } from '../org/memberColumns.ts';
import type { MemberRowKey } from '../org/memberRow.ts';
import { EDUCATIONS_WITH_NATIONAL_CODES } from './codes-education.ts';

const ours = (key: Parameters<typeof memberColumnOf>[0]) => memberColumnOf(key);

/** A column of ours under the national header, with our header (and its aliases) still accepted. */
function renamed(
  key: Parameters<typeof memberColumnOf>[0],
  header: string,
  hint?: string,
): ImportColumnDef<MemberRowKey> {
  const c = ours(key);
  const aliases = [c.header, ...(c.aliases ?? [])].filter((a) => a !== header);
  return { ...c, header, aliases, hint: hint ?? c.hint };
}

export const NATIONAL_MEMBER_COLUMNS: readonly ImportColumnDef<MemberRowKey>[] = [
  ours('name'),
  { ...ours('sex'), choices: SEXES },
  renamed('idNumber', '公民身份号码'),
  ours('ethnicity'),
  {
    key: 'birthDate',
    header: '出生日期',
    required: false,
    hint: `须与公民身份号码中的出生日期一致；${DATE_HINT}`,
  },
  {
    ...ours('education'),
    hint: '研究生、大学本科、大学专科、中专、高中、中技或初中及以下，或代码 1–6',
    choices: EDUCATIONS_WITH_NATIONAL_CODES,
  },
  { ...ours('status'), choices: MEMBER_STATUSES },
  renamed('org', '所在党支部'),
  renamed('phone', '手机号码'),
  ours('joinedOn'),
  ours('fullOn'),
  ours('newClass'),
  ours('jobCode'),
  ours('migrantWorker'),
  {
    key: 'lostContact',
    header: '是否失联党员',
    required: false,
    hint: '是或否；失联党员在本系统的“失联党员”中登记，本列只作核对',
    choices: YES_NO,
  },
  ours('mobile'),
  ours('joinType'),
];

export const {
  headerOf: nationalMemberHeaderOf,
  mapHeader: mapNationalMemberHeader,
  rowCells: nationalMemberRowCells,
} = importColumnSet(NATIONAL_MEMBER_COLUMNS);
