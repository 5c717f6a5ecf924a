// The 年报 tables 27, 30 and 43 as the official forms lay them out (docs/annual-tables.md, after
// docs/sources/annual-tables-27-30.md §2–3): rows numbered 1…n, columns lettered A…, a cell
// named by its column letter and row number (A1 … M18), as the official 审核要点 name them.
// One layout feeds the screen, the .xlsx, the JSON and the CLI, so they cannot disagree.

export type NbTableId = 'nb27' | 'nb30' | 'nb43';
/** The tables that count units (法人单位); table 43 counts members. */
export type UnitTableId = Exclude<NbTableId, 'nb43'>;

export interface NbColumn {
  letter: string;
  zh: string;
  en: string;
  /** The caption over a run of columns (merged in the printed header); absent for none. */
  group?: { zh: string; en: string };
}

export interface NbRow {
  no: number;
  zh: string;
  en: string;
  /** The section the row opens or belongs to (已单独建立党组织, 未建立党组织, 补充情况). */
  section?: { zh: string; en: string };
  /** 0 top level, 1 其中 / under, 2 其中 of an 其中. */
  indent: 0 | 1 | 2;
  /** 个 (units or orgs) or 人 (persons). */
  unit: 'units' | 'persons';
}

export interface NbLayout {
  id: NbTableId;
  number: 27 | 30 | 43;
  zh: string;
  en: string;
  columns: readonly NbColumn[];
  rows: readonly NbRow[];
}

const OWN = { zh: '已单独建立党组织', en: 'With their own party organization' };
const NONE = { zh: '未建立党组织', en: 'Without a party organization' };
const MORE = { zh: '补充情况', en: 'Supplementary' };
const ABSORB = {
  zh: '吸收未转入组织关系的党员建立党组织情况',
  en: 'Organizations formed with members whose relation is not transferred in',
};

const row = (no: number, zh: string, en: string, indent: 0 | 1 | 2, unit: NbRow['unit'], section?: NbRow['section']) =>
  ({ no, zh, en, indent, unit, ...(section ? { section } : {}) }) satisfies NbRow;

const PRIVATE = { zh: '私有经济控制', en: 'Privately controlled' };
const HMT = { zh: '港澳台商经济控制', en: 'Controlled by HK, Macao or Taiwan investors' };
const FOREIGN = { zh: '外商经济控制', en: 'Foreign controlled' };

export const NB27: NbLayout = {
  id: 'nb27',
  number: 27,
  zh: '非公有经济控制的企业法人单位建立党的基层组织情况',
  en: 'Party organizations in legal-person enterprises under non-public control',
  columns: [
    { letter: 'A', zh: '总数', en: 'Total' },
    { letter: 'B', zh: '从业人员50人以上企业', en: '50 or more employees', group: { zh: '其中', en: 'Of which' } },
    { letter: 'C', zh: '从业人员100人以上企业', en: '100 or more employees', group: { zh: '其中', en: 'Of which' } },
    { letter: 'D', zh: '法定代表人是党员的', en: 'Legal representative is a member' },
    { letter: 'E', zh: '兼任企业党组织书记的', en: 'Of which: also the org’s secretary' },
    { letter: 'F', zh: '私有经济控制', en: 'Privately controlled', group: PRIVATE },
    { letter: 'G', zh: '私营独资', en: 'Sole private ownership', group: PRIVATE },
    { letter: 'H', zh: '港澳台商投资', en: 'With HK/Macao/Taiwan investment', group: PRIVATE },
    { letter: 'I', zh: '外商投资', en: 'With foreign investment', group: PRIVATE },
    { letter: 'J', zh: '港澳台商经济控制', en: 'HK/Macao/Taiwan controlled', group: HMT },
    { letter: 'K', zh: '港澳台商独资', en: 'Sole HK/Macao/Taiwan ownership', group: HMT },
    { letter: 'L', zh: '外商经济控制', en: 'Foreign controlled', group: FOREIGN },
    { letter: 'M', zh: '外商独资', en: 'Sole foreign ownership', group: FOREIGN },
  ],
  rows: [
    row(1, '单位数', 'Units', 0, 'units'),
    row(2, '其中：党建工作指导员联系的', 'Of which: with a party-building instructor', 1, 'units'),
    row(3, '建立党委的', 'With a party committee', 1, 'units', OWN),
    row(4, '建立总支部的', 'With a general branch', 1, 'units', OWN),
    row(5, '建立支部的', 'With a branch', 1, 'units', OWN),
    row(6, '已建立联合党支部的', 'In a joint branch', 0, 'units'),
    row(7, '其中：具有3名以上党员的', 'Of which: with 3 or more full members', 1, 'units'),
    row(8, '联合党支部数', 'Joint branches', 1, 'units'),
    row(9, '应建尚未建立党组织的', 'Should form one and have not', 1, 'units', NONE),
    row(10, '仅有个别党员的', 'With only one or two members', 1, 'units', NONE),
    row(11, '没有党员的', 'Without members', 1, 'units', NONE),
    row(12, '党建工作指导员', 'Party-building instructors', 1, 'persons', MORE),
    row(13, '在岗职工', 'Staff on post', 1, 'persons', MORE),
    row(14, '其中：党员', 'Of which: members', 2, 'persons', MORE),
    row(15, '已建立党组织的企业在岗职工', 'Staff on post of enterprises with an org', 1, 'persons', MORE),
    row(16, '其中：党员', 'Of which: members', 2, 'persons', MORE),
    row(
      17,
      '未建立党组织、已派出党建指导员的企业在岗职工',
      'Staff on post of enterprises without an org but with an instructor',
      1,
      'persons',
      MORE,
    ),
    row(18, '其中：党员', 'Of which: members', 2, 'persons', MORE),
  ],
};

export const NB30: NbLayout = {
  id: 'nb30',
  number: 30,
  zh: '社会组织法人单位建立党的基层组织情况',
  en: 'Party organizations in legal-person social organizations',
  columns: [
    { letter: 'A', zh: '总数', en: 'Total' },
    { letter: 'B', zh: '社会团体', en: 'Associations' },
    { letter: 'C', zh: '基金会', en: 'Foundations' },
    { letter: 'D', zh: '民办非企业单位', en: 'Social service organizations' },
    { letter: 'E', zh: '律师事务所', en: 'Law firms' },
    { letter: 'F', zh: '会计师事务所', en: 'Accounting firms' },
    { letter: 'G', zh: '税务师事务所', en: 'Tax agent firms' },
  ],
  rows: [
    row(1, '单位数', 'Units', 0, 'units'),
    row(2, '建立党委的', 'With a party committee', 1, 'units', OWN),
    row(3, '建立总支部的', 'With a general branch', 1, 'units', OWN),
    row(4, '建立支部的', 'With a branch', 1, 'units', OWN),
    row(5, '已建立联合党支部的', 'In a joint branch', 0, 'units'),
    row(6, '其中：具有3名以上党员的', 'Of which: with 3 or more full members', 1, 'units'),
    row(7, '联合党支部数', 'Joint branches', 1, 'units'),
    row(8, '应建尚未建立党组织的', 'Should form one and have not', 1, 'units', NONE),
    row(9, '其中：建立党小组的', 'Of which: with a party group', 2, 'units', NONE),
    row(10, '仅有个别党员的', 'With only one or two members', 1, 'units', NONE),
    row(11, '没有党员的', 'Without members', 1, 'units', NONE),
    row(12, '已派党建工作指导员的', 'With an instructor sent', 1, 'units', NONE),
    row(13, '从业人员', 'Staff', 1, 'persons', MORE),
    row(14, '其中：党员', 'Of which: members', 2, 'persons', MORE),
    row(15, '其中：未转入组织关系的', 'Of which: relation not transferred in', 2, 'persons', MORE),
    row(16, '党建工作指导员', 'Party-building instructors', 1, 'persons', MORE),
    row(17, '建立党委的', 'Party committees', 1, 'units', ABSORB),
    row(18, '建立总支部的', 'General branches', 1, 'units', ABSORB),
    row(19, '建立支部的', 'Branches', 1, 'units', ABSORB),
  ],
};

const OF_WHICH = { zh: '其中', en: 'Of which' };
const AGE = { zh: '年龄', en: 'Age' };
const STANDING = { zh: '党龄', en: 'Years as a full member' };
const SCHOOLING = { zh: '学历', en: 'Education' };
const LOST_FOR = { zh: '失去联系时间', en: 'Out of contact for' };
const CIRCUMSTANCE = { zh: '失去联系具体情形', en: 'Circumstance' };

/**
 * Table 43 失去联系党员情况 (docs/annual-tables.md §7, after the public rebuild of the 43-table
 * set): members out of contact at 31 December, by the kind of unit their org sits in. Only the
 * rows this system holds members for are laid out, under their official numbers (1 总计,
 * 7 非公有经济控制企业, 8 社会组织, 9 其他); rows 2–6 (村, 社区, 机关, 事业单位, 公有企业) and the
 * supplementary lines (高校, 人才服务机构) are the national system's.
 */
export const NB43: NbLayout = {
  id: 'nb43',
  number: 43,
  zh: '失去联系党员情况',
  en: 'Members out of contact',
  columns: [
    { letter: 'A', zh: '总数', en: 'Total' },
    { letter: 'B', zh: '预备党员', en: 'Probationary', group: OF_WHICH },
    { letter: 'C', zh: '女', en: 'Women', group: OF_WHICH },
    { letter: 'D', zh: '少数民族', en: 'Ethnic minorities', group: OF_WHICH },
    { letter: 'E', zh: '35岁及以下', en: '35 or under', group: AGE },
    { letter: 'F', zh: '36岁至45岁', en: '36–45', group: AGE },
    { letter: 'G', zh: '46岁至60岁', en: '46–60', group: AGE },
    { letter: 'H', zh: '61岁及以上', en: '61 or over', group: AGE },
    { letter: 'I', zh: '1年以下', en: 'Under 1 year', group: STANDING },
    { letter: 'J', zh: '1年至5年', en: '1–5 years', group: STANDING },
    { letter: 'K', zh: '6年至10年', en: '6–10 years', group: STANDING },
    { letter: 'L', zh: '11年至20年', en: '11–20 years', group: STANDING },
    { letter: 'M', zh: '21年及以上', en: '21 years or more', group: STANDING },
    { letter: 'N', zh: '大专及以上', en: 'College or above', group: SCHOOLING },
    { letter: 'O', zh: '中专、高中、中技', en: 'Secondary', group: SCHOOLING },
    { letter: 'P', zh: '初中及以下', en: 'Junior secondary or below', group: SCHOOLING },
    { letter: 'Q', zh: '6个月以上不满1年', en: '6 months to under 1 year', group: LOST_FOR },
    { letter: 'R', zh: '1年至5年', en: '1–5 years', group: LOST_FOR },
    { letter: 'S', zh: '6年至10年', en: '6–10 years', group: LOST_FOR },
    { letter: 'T', zh: '11年及以上', en: '11 years or more', group: LOST_FOR },
    { letter: 'U', zh: '外出务工经商', en: 'Working or trading away', group: CIRCUMSTANCE },
    { letter: 'V', zh: '单位改制或破产', en: 'Employer restructured or bankrupt', group: CIRCUMSTANCE },
    { letter: 'W', zh: '毕业后去向不明', en: 'Unknown after graduation', group: CIRCUMSTANCE },
    { letter: 'X', zh: '工作单位改变', en: 'Changed employer', group: CIRCUMSTANCE },
    { letter: 'Y', zh: '出国（境）', en: 'Went abroad', group: CIRCUMSTANCE },
    { letter: 'Z', zh: '居住地改变', en: 'Moved home', group: CIRCUMSTANCE },
    { letter: 'AA', zh: '其他', en: 'Other', group: CIRCUMSTANCE },
  ],
  rows: [
    row(1, '总计', 'Total', 0, 'persons'),
    row(7, '非公有经济控制企业', 'Enterprises under non-public control', 1, 'persons'),
    row(8, '社会组织', 'Social organizations', 1, 'persons'),
    row(9, '其他', 'Other', 1, 'persons'),
  ],
};

export const NB_LAYOUTS: Record<NbTableId, NbLayout> = { nb27: NB27, nb30: NB30, nb43: NB43 };

/** Every cell key of a table, row by row: A1, B1, … M1, A2, … */
export function cellKeys(t: NbLayout): string[] {
  return t.rows.flatMap((r) => t.columns.map((c) => `${c.letter}${r.no}`));
}

/** A table's cells, each a count, under their keys (A1 …). */
export type NbCells = Record<string, number>;

export function emptyCells(t: NbLayout): NbCells {
  return Object.fromEntries(cellKeys(t).map((k) => [k, 0]));
}
