// The columns of the party-organization import file (shared/formats/org-import.md, 党组织台账),
// in the spec's order — which is also the order of the downloadable template — and how a
// header row is matched to them.
import { FORMATIONS, JOINT_BASES, MANAGEMENT_MODES, ORG_TYPES, SECRETARY_SOURCES } from './codes.ts';
import { DATE_HINT, type ImportColumnDef, type ImportHeaderMapping, importColumnSet } from './importColumns.ts';

export const ORG_COLUMN_KEYS = [
  'name',
  'orgCode',
  'regionCode',
  'type',
  'formation',
  'jointBasis',
  'coveredUscc',
  'parentOrg',
  'establishedOn',
  'approvedBy',
  'secretaryName',
  'secretarySource',
  'fullMemberCount',
  'probationaryCount',
  'termStart',
  'termEnd',
  'management',
  'managingOrg',
  'dissolvedOn',
] as const;
export type OrgColumnKey = (typeof ORG_COLUMN_KEYS)[number];

export type OrgColumnDef = ImportColumnDef<OrgColumnKey>;

export const ORG_COLUMNS: readonly OrgColumnDef[] = [
  { key: 'name', header: '党组织名称', required: true, hint: '党组织全称，1–100 个字', aliases: ['党组织全称'] },
  {
    key: 'orgCode',
    header: '党组织代码',
    required: false,
    hint: '上级组织部门使用的代码；填写时在文件内和系统中须唯一',
    aliases: ['组织代码'],
  },
  {
    key: 'regionCode',
    header: '行政区划代码',
    required: true,
    hint: '统计用区划代码：县级 6 位、乡镇（街道）9 位、村（社区）12 位',
    aliases: ['区划代码'],
  },
  {
    key: 'type',
    header: '组织类别',
    required: true,
    hint: '党委、党总支、党支部、联合党支部或临时党支部',
    choices: ORG_TYPES,
    aliases: ['党组织类别', '组织类型', '党组织类型'],
  },
  { key: 'formation', header: '组建形式', required: true, hint: '单独组建或联合组建', choices: FORMATIONS },
  {
    key: 'jointBasis',
    header: '联建类型',
    required: false,
    hint: '联合组建时必填：区域联建或行业联建；单独组建时不填',
    choices: JOINT_BASES,
    aliases: ['联建方式'],
  },
  {
    key: 'coveredUscc',
    header: '覆盖企业信用代码',
    required: true,
    hint: '所覆盖企业的统一社会信用代码，企业须已在台账中；单独组建填 1 个，联合组建填多个，用分号、逗号或换行分隔',
    aliases: ['覆盖企业统一社会信用代码'],
  },
  {
    key: 'parentOrg',
    header: '上级党组织',
    required: false,
    hint: '上级党组织的名称或代码，须已在系统中，或在本文件中更靠前的行',
  },
  { key: 'establishedOn', header: '成立日期', required: true, hint: DATE_HINT, aliases: ['建立日期'] },
  { key: 'approvedBy', header: '批准机关', required: false, hint: '批准成立的党组织名称' },
  { key: 'secretaryName', header: '书记姓名', required: false, hint: '1–50 个字', aliases: ['书记'] },
  {
    key: 'secretarySource',
    header: '书记来源',
    required: false,
    hint: '企业内部、下派或选聘',
    choices: SECRETARY_SOURCES,
  },
  {
    key: 'fullMemberCount',
    header: '正式党员数',
    required: false,
    hint: '不小于 0 的整数；逐一录入党员后以党员名册为准',
  },
  { key: 'probationaryCount', header: '预备党员数', required: false, hint: '不小于 0 的整数' },
  { key: 'termStart', header: '本届任期开始', required: false, hint: DATE_HINT, aliases: ['任期开始日期'] },
  {
    key: 'termEnd',
    header: '本届任期届满',
    required: false,
    hint: '晚于本届任期开始；不填时按组织类别计算（党委 5 年，其他 3 年）',
    aliases: ['任期届满日期'],
  },
  { key: 'management', header: '管理方式', required: false, hint: '属地管理或行业管理', choices: MANAGEMENT_MODES },
  { key: 'managingOrg', header: '管理党组织', required: false, hint: '负责管理的党组织的名称或代码' },
  {
    key: 'dissolvedOn',
    header: '撤销日期',
    required: false,
    hint: '已撤销的党组织填写；不早于成立日期，自该日起不再覆盖企业',
  },
];

export type OrgHeaderMapping = ImportHeaderMapping<OrgColumnKey>;

export const {
  columnOf: orgColumnOf,
  /** The zh-CN header of a column: what error reports name. */
  headerOf: orgHeaderOf,
  /** Matches a header row to the columns (like the enterprise `mapHeader`). */
  mapHeader: mapOrgHeader,
  /** One data row as the cells of each known column, ready for `parseOrgRow`. */
  rowCells: orgRowCells,
} = importColumnSet(ORG_COLUMNS);
