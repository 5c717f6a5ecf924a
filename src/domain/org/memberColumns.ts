// The columns of the party-member import file (shared/formats/org-import.md, 党员名册), in the
// spec's order — which is also the order of the downloadable template — and how a header row
// is matched to them.
import { YES_NO } from '../enterprise/codes.ts';
import { JOB_CODES } from '../national/codes-job.ts';
import { JOIN_TYPE_MAX_LENGTH } from '../national/codes-join-type.ts';
import { NEW_CLASS_CODES } from '../national/codes-new-class.ts';
import { EDUCATIONS, MEMBER_STATUSES, SEXES } from './codes.ts';
import { DATE_HINT, type ImportColumnDef, type ImportHeaderMapping, importColumnSet } from './importColumns.ts';

export const MEMBER_COLUMN_KEYS = [
  'name',
  'idNumber',
  'sex',
  'ethnicity',
  'education',
  'status',
  'joinedOn',
  'fullOn',
  'org',
  'employerUscc',
  'position',
  'phone',
  'mobile',
  'relationOrg',
  'jobCode',
  'newClass',
  'migrantWorker',
  'joinType',
] as const;
export type MemberColumnKey = (typeof MEMBER_COLUMN_KEYS)[number];

export type MemberColumnDef = ImportColumnDef<MemberColumnKey>;

export const MEMBER_COLUMNS: readonly MemberColumnDef[] = [
  { key: 'name', header: '姓名', required: true, hint: '1–50 个字', aliases: ['党员姓名'] },
  {
    key: 'idNumber',
    header: '公民身份号码',
    required: true,
    hint: '18 位身份证号码，末位 X 大小写均可；请将本列设为文本格式，以免 Excel 改写。出生日期和性别由号码得出',
    aliases: ['身份证号码', '身份证号', '公民身份证号码'],
  },
  { key: 'sex', header: '性别', required: false, hint: '男或女；须与身份证号码一致，可不填', choices: SEXES },
  { key: 'ethnicity', header: '民族', required: false, hint: '如 汉族' },
  {
    key: 'education',
    header: '学历',
    required: false,
    hint: '研究生、大学本科、大学专科、中专、高中或初中及以下',
    choices: EDUCATIONS,
    aliases: ['文化程度'],
  },
  {
    key: 'status',
    header: '人员类别',
    required: true,
    hint: '正式党员或预备党员',
    choices: MEMBER_STATUSES,
    aliases: ['党员类别'],
  },
  {
    key: 'joinedOn',
    header: '入党日期',
    required: true,
    hint: `支部大会通过接收为预备党员的日期；${DATE_HINT}`,
    aliases: ['入党时间'],
  },
  {
    key: 'fullOn',
    header: '转正日期',
    required: false,
    hint: '正式党员必填，不早于入党日期；预备党员不填',
    aliases: ['转正时间'],
  },
  {
    key: 'org',
    header: '所在党组织',
    required: true,
    hint: '党组织的名称或代码，须已在系统中',
    aliases: ['所在党支部', '所属党组织'],
  },
  {
    key: 'employerUscc',
    header: '工作单位信用代码',
    required: false,
    hint: '工作单位的统一社会信用代码，企业须已在台账中',
    aliases: ['工作单位统一社会信用代码'],
  },
  { key: 'position', header: '岗位', required: false, hint: '职务或岗位', aliases: ['职务'] },
  {
    key: 'phone',
    header: '联系电话',
    required: false,
    hint: '数字、-、+、空格，5–20 个字符',
    aliases: ['手机号码', '手机号'],
  },
  { key: 'mobile', header: '是否流动党员', required: false, hint: '是或否，不填按否', choices: YES_NO },
  {
    key: 'relationOrg',
    header: '组织关系所在',
    required: false,
    hint: '组织关系不在所在党组织时填写（流出地党组织）',
    aliases: ['组织关系所在党组织'],
  },
  {
    key: 'jobCode',
    header: '工作岗位',
    required: false,
    hint: '全国党员管理信息系统的工作岗位，填名称或代码，如 非公有制企业专业技术人员（022）',
    choices: JOB_CODES,
  },
  {
    key: 'newClass',
    header: '新社会阶层类型',
    required: false,
    hint: '属于新社会阶层的填写，填名称或代码，如 私营企业主（4）',
    choices: NEW_CLASS_CODES,
  },
  {
    key: 'migrantWorker',
    header: '是否农民工',
    required: false,
    hint: '是或否；不填时按工作岗位判断',
    choices: YES_NO,
  },
  {
    key: 'joinType',
    header: '入党类型',
    required: false,
    hint: `按全国党员管理信息系统中的写法填写，${JOIN_TYPE_MAX_LENGTH} 个字以内`,
  },
];

export type MemberHeaderMapping = ImportHeaderMapping<MemberColumnKey>;

export const {
  columnOf: memberColumnOf,
  /** The zh-CN header of a column: what error reports name. */
  headerOf: memberHeaderOf,
  /** Matches a header row to the columns (like the enterprise `mapHeader`). */
  mapHeader: mapMemberHeader,
  /** One data row as the cells of each known column, ready for `parseMemberRow`. */
  rowCells: memberRowCells,
} = importColumnSet(MEMBER_COLUMNS);
