// The columns of the two organisational-life import files (docs/formats/orglife-import.md): past
// meetings (组织生活会议) and what organizations achieve (作用发挥). Their order is the
// template's; a header row is matched to them as the org and member files are (importColumns.ts).
import { ACHIEVEMENT_FORMS, ACHIEVEMENT_KINDS } from '../achievements/codes.ts';
import { YES_NO } from '../enterprise/codes.ts';
import { DATE_HINT, type ImportColumnDef, importColumnSet } from '../org/importColumns.ts';
import { MEETING_KINDS } from './meetings.ts';

/** Several names in one cell: separated by 、，,；; or a line break. */
export const NAME_LIST_HINT = '多个姓名用顿号、逗号、分号或换行分隔';

export const MEETING_COLUMN_KEYS = [
  'org',
  'kind',
  'group',
  'heldOn',
  'topic',
  'host',
  'place',
  'expected',
  'presentCount',
  'attendees',
  'absences',
  'election',
  'resolutions',
  'notes',
] as const;
export type MeetingColumnKey = (typeof MEETING_COLUMN_KEYS)[number];

const ORG_HINT = '党组织的名称或党组织代码，须在您的数据范围内（书记只能导入本支部）';

export const MEETING_COLUMNS: readonly ImportColumnDef<MeetingColumnKey>[] = [
  { key: 'org', header: '党组织', required: true, hint: ORG_HINT, aliases: ['党组织名称', '党组织代码'] },
  { key: 'kind', header: '会议类型', required: true, hint: '三会一课等会议的类型', choices: MEETING_KINDS },
  { key: 'group', header: '党小组', required: false, hint: '党小组会必填：本党组织的党小组名称；其他会议不填' },
  { key: 'heldOn', header: '会议日期', required: true, hint: `${DATE_HINT}；不能晚于今天，不能早于党组织成立日期` },
  { key: 'topic', header: '会议主题', required: true, hint: '1–100 个字', aliases: ['主题'] },
  { key: 'host', header: '主持人', required: false, hint: '不超过 30 个字' },
  { key: 'place', header: '地点', required: false, hint: '不超过 60 个字', aliases: ['会议地点'] },
  {
    key: 'expected',
    header: '应到人数',
    required: false,
    hint: '可不填；填写时须等于会议日期当天的应到名单人数（系统按党员名册计算）',
    aliases: ['应到'],
  },
  {
    key: 'presentCount',
    header: '实到人数',
    required: false,
    hint: '可不填；填写时须等于“到会人员”中本组织党员的人数',
    aliases: ['实到'],
  },
  {
    key: 'attendees',
    header: '到会人员',
    required: true,
    hint: `到会党员的姓名，须在会议日期当天的应到名单中（在此工作的流动党员也可）；${NAME_LIST_HINT}`,
    aliases: ['参会人员', '到会党员'],
  },
  {
    key: 'absences',
    header: '缺席人员及原因',
    required: false,
    hint: '每人写“姓名：请假”或“姓名：其他，说明”，多人用分号或换行分隔；流动在外的党员自动记为流动在外；未写原因的缺席者只记缺席',
    aliases: ['缺席人员'],
  },
  {
    key: 'election',
    header: '选举表决',
    required: false,
    hint: '支部党员大会进行选举时填“是”：须有半数以上有表决权的正式党员到会；其他会议不填',
    choices: YES_NO,
  },
  { key: 'resolutions', header: '决议事项', required: false, hint: '不超过 2000 个字' },
  { key: 'notes', header: '备注', required: false, hint: '不超过 2000 个字' },
];

export const ACHIEVEMENT_COLUMN_KEYS = [
  'org',
  'enterprise',
  'kind',
  'form',
  'onDate',
  'content',
  'members',
  'personName',
  'adopted',
  'fulfilled',
  'benefit',
  'amount',
  'fromOn',
  'toOn',
  'note',
] as const;
export type AchievementColumnKey = (typeof ACHIEVEMENT_COLUMN_KEYS)[number];

export const ACHIEVEMENT_COLUMNS: readonly ImportColumnDef<AchievementColumnKey>[] = [
  { key: 'org', header: '党组织', required: true, hint: ORG_HINT, aliases: ['党组织名称', '党组织代码'] },
  {
    key: 'enterprise',
    header: '企业',
    required: true,
    hint: '企业名称或统一社会信用代码：须是该党组织在“日期”当天覆盖的企业',
    aliases: ['企业名称', '统一社会信用代码'],
  },
  {
    key: 'kind',
    header: '类别',
    required: true,
    hint: '每行一条记录，类别决定该行须填哪些列（见下）',
    choices: ACHIEVEMENT_KINDS,
  },
  {
    key: 'form',
    header: '形式',
    required: false,
    hint: '建言献策：合理化建议、我为企业献一策、金点子；创新项目：技术攻关、小发明小革新；社会贡献：捐款捐物、助学、扶贫、村企共建；其他类别不填',
    choices: ACHIEVEMENT_FORMS,
  },
  { key: 'onDate', header: '日期', required: true, hint: `${DATE_HINT}；不能晚于今天，不能早于党组织成立日期` },
  { key: 'content', header: '内容', required: true, hint: '1–500 个字' },
  {
    key: 'members',
    header: '党员',
    required: false,
    hint: `本党组织党员的姓名；${NAME_LIST_HINT}。目标承诺填一名；示范岗、责任区至少一名；建言献策填提出人（党员）或填“非党员提出人”`,
  },
  { key: 'personName', header: '非党员提出人', required: false, hint: '只用于建言献策：提出人不是党员时填其姓名' },
  { key: 'adopted', header: '是否采纳', required: false, hint: '只用于建言献策；不填为“否”', choices: YES_NO },
  { key: 'fulfilled', header: '是否践诺', required: false, hint: '只用于目标承诺；不填为“否”', choices: YES_NO },
  {
    key: 'benefit',
    header: '经济效益（万元）',
    required: false,
    hint: '只用于建言献策、破解难题、创新项目；万元，不为负，最多两位小数',
    aliases: ['经济效益'],
  },
  {
    key: 'amount',
    header: '金额（万元）',
    required: false,
    hint: '社会贡献必填，其他类别不填；万元，不为负，最多两位小数',
    aliases: ['金额'],
  },
  {
    key: 'fromOn',
    header: '起始日期',
    required: false,
    hint: `目标承诺、党员示范岗、党员责任区必填；${DATE_HINT}`,
  },
  { key: 'toOn', header: '截止日期', required: false, hint: `目标承诺必填；示范岗、责任区结束后填；${DATE_HINT}` },
  { key: 'note', header: '备注', required: false, hint: '不超过 200 个字' },
];

export const meetingColumnSet = importColumnSet(MEETING_COLUMNS);
export const achievementColumnSet = importColumnSet(ACHIEVEMENT_COLUMNS);

/** Splits a cell of names: 、，,；; and line breaks; blanks dropped, each name trimmed. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
