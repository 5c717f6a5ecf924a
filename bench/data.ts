/**
 * Deterministic synthetic enterprises for the import benchmark: the same seed gives the same
 * rows on every machine. Values look like a city's register (宜昌, 420500): Chinese names,
 * skewed sizes, mostly no party members, towns and counties that exist in the test provinces.
 */
import { pick, type Rand, seeded } from '../src/domain/random.ts';
import { makeUscc } from '../src/domain/uscc.ts';
import { divisionRows } from '../src/server/regions/load.ts';

export interface SyntheticEnterprise {
  uscc: string;
  name: string;
  kind: string;
  regionCode: string;
  industryCode: string | null;
  employees: number;
  memberCount: number;
  /** null: left blank in the file, so the parser estimates it from memberCount. */
  fullMemberCount: number | null;
  ownerName: string | null;
  ownerPoliticalStatus: string | null;
  aboveScale: boolean;
  cluster: string | null;
  foundedOn: string | null;
  registrationStatus: string;
  phone: string | null;
  reportedHasOrg: boolean | null;
  reportedFormation: string | null;
  hasUnion: boolean | null;
  hasLeague: boolean | null;
  legalPerson: boolean | null;
  staffOnPost: number | null;
  ownership: string | null;
  intermediaryKind: string | null;
}

/** The benchmark's city: towns (9 digits) and counties (6 digits) under 宜昌市. */
export const CITY = '420500';

export function cityRegions(): { counties: string[]; towns: string[] } {
  const rows = divisionRows(['42']).filter((r) => r.code.startsWith('4205') && r.code !== CITY);
  return {
    counties: rows.filter((r) => r.level === 3).map((r) => r.code),
    towns: rows.filter((r) => r.level === 4).map((r) => r.code),
  };
}

export const PLACES = [
  '宜昌',
  '夷陵',
  '当阳',
  '宜都',
  '枝江',
  '远安',
  '兴山',
  '秭归',
  '长阳',
  '五峰',
  '猇亭',
  '点军',
  '西陵',
];
export const BRANDS = [
  '华泰',
  '鑫源',
  '恒通',
  '三峡',
  '长江',
  '金鼎',
  '宏发',
  '天元',
  '博远',
  '新锐',
  '众诚',
  '瑞丰',
  '汇川',
  '同创',
  '德信',
  '安康',
  '嘉禾',
  '兴达',
  '正和',
  '永盛',
  '明珠',
  '楚天',
  '峡江',
  '清江',
  '银河',
  '东升',
  '润泽',
  '凯旋',
];
export const TRADES = [
  '科技',
  '商贸',
  '建筑工程',
  '餐饮管理',
  '物流',
  '电子',
  '农业开发',
  '食品',
  '机械制造',
  '化工',
  '文化传媒',
  '信息技术',
  '医药',
  '新能源',
  '旅游开发',
  '汽车服务',
  '环保科技',
  '服装',
  '五金',
  '茶业',
  '物业管理',
  '装饰工程',
];
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国红梅文斌波辉鹏宇浩凯';
const CLUSTERS = ['宜昌高新区电子信息产业园', '伍家岗区万达广场', '夷陵经济开发区', '猇亭化工园', '西陵区CBD金融大厦'];
const INDUSTRIES = [
  '13',
  '14',
  '18',
  '26',
  '30',
  '33',
  '34',
  '36',
  '39',
  '47',
  '48',
  '51',
  '52',
  '54',
  '59',
  '61',
  '62',
  '64',
  '65',
  '70',
  '72',
  '75',
  '80',
  '83',
  '84',
  '88',
  '95',
];

/** Picks by weight: `weights` pairs each value with its share. */
function weighted<T>(rand: Rand, weights: readonly (readonly [T, number])[]): T {
  let x = rand() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weights) {
    x -= w;
    if (x < 0) return value;
  }
  return weights[weights.length - 1][0];
}

const KINDS = [
  ['private', 55],
  ['individual', 30],
  ['foreign', 2],
  ['hmt', 1],
  ['association', 5],
  ['social_service', 5],
  ['foundation', 0.5],
  ['other', 1.5],
] as const;
const STATUSES = [
  ['active', 85],
  ['operating', 8],
  ['moved_in', 2],
  ['moved_out', 1],
  ['revoked', 2],
  ['cancelled', 2],
] as const;
const SUFFIX: Record<string, readonly string[]> = {
  private: ['有限公司', '有限责任公司', '股份有限公司'],
  individual: ['经营部', '店', '批发部', '服务部'],
  foreign: ['（宜昌）有限公司'],
  hmt: ['（宜昌）有限公司'],
  association: ['协会', '商会'],
  social_service: ['培训学校', '服务中心', '养老院'],
  foundation: ['慈善基金会'],
  other: ['合作社', '中心'],
};

function employeesOf(rand: Rand, kind: string): number {
  if (kind === 'individual') return 1 + Math.floor(rand() * 8);
  // Log-uniform from 1 to about 3,000: most are small, a few are large.
  return Math.floor(Math.exp(rand() * rand() * 8));
}

function date(rand: Rand): string {
  const y = 1990 + Math.floor(rand() * 35);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `count` enterprises, one at a time; the uscc codes are distinct. */
export function* syntheticEnterprises(count: number, seed = 20260501): Generator<SyntheticEnterprise> {
  const rand = seeded(seed);
  const { counties, towns } = cityRegions();
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    let uscc = makeUscc(rand);
    while (seen.has(uscc)) uscc = makeUscc(rand);
    seen.add(uscc);
    const kind = weighted(rand, KINDS);
    const employees = employeesOf(rand, kind);
    const hasMembers = rand() < (employees >= 50 ? 0.6 : 0.2);
    const memberCount = hasMembers ? Math.min(employees, 1 + Math.floor(rand() * rand() * Math.min(employees, 40))) : 0;
    const fullMemberCount =
      memberCount > 0 && rand() < 0.7 ? memberCount - Math.floor(rand() * 2 * (memberCount > 1 ? 1 : 0)) : null;
    const reportedHasOrg =
      memberCount >= 3 ? rand() < 0.7 : memberCount > 0 ? rand() < 0.3 : rand() < 0.05 ? true : null;
    const name = `${pick(rand, PLACES)}${pick(rand, BRANDS)}${pick(rand, BRANDS)}${pick(rand, TRADES)}${pick(rand, SUFFIX[kind])}`;
    yield {
      uscc,
      name,
      kind,
      regionCode: rand() < 0.9 ? pick(rand, towns) : pick(rand, counties),
      industryCode: rand() < 0.9 ? pick(rand, INDUSTRIES) : null,
      employees,
      memberCount,
      fullMemberCount,
      ownerName:
        rand() < 0.95 ? `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}${rand() < 0.6 ? pick(rand, GIVEN) : ''}` : null,
      ownerPoliticalStatus: weighted(rand, [
        ['masses', 80],
        ['member', 12],
        ['democratic_party', 2],
        [null, 6],
      ] as const),
      aboveScale: employees >= 100 && rand() < 0.6,
      cluster: rand() < 0.15 ? pick(rand, CLUSTERS) : null,
      foundedOn: rand() < 0.9 ? date(rand) : null,
      registrationStatus: weighted(rand, STATUSES),
      phone:
        rand() < 0.8
          ? rand() < 0.7
            ? `1${3 + Math.floor(rand() * 6)}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`
            : `0717-${6000000 + Math.floor(rand() * 999999)}`
          : null,
      reportedHasOrg,
      reportedFormation: reportedHasOrg ? (memberCount >= 3 && rand() < 0.6 ? 'standalone' : 'joint') : null,
      hasUnion: employees >= 25 ? rand() < 0.5 : null,
      hasLeague: employees >= 25 ? rand() < 0.2 : null,
      legalPerson: null,
      staffOnPost: null,
      ownership: null,
      intermediaryKind: null,
    };
  }
}
