import fs from 'node:fs';
import { and, eq, like } from 'drizzle-orm';
import { ENTERPRISE_COLUMNS } from '../../domain/enterprise/columns.ts';
import { pick, type Rand, seeded } from '../../domain/random.ts';
import { makeUscc } from '../../domain/uscc.ts';
import type { Db } from '../db/client.ts';
import { regions } from '../db/schema.ts';
import type { Scale } from './accounts.ts';
import { chineseName } from './names.ts';

const PER_SCALE: Record<Scale, number> = { county: 400, city: 4000, province: 30000 };

const TRADE =
  '鑫达 华盛 恒通 宏远 金辉 长江 三峡 瑞丰 永兴 德信 天成 盛世 东方 明珠 新锐 博远 正泰 汇通 嘉禾 锦程 楚天 荆楚 峡江 清江 泰和 兴隆 安康 润泽 海纳 中科'.split(
    ' ',
  );
const TRADES_BY_INDUSTRY: [string, string][] = [
  ['13', '农产品加工'],
  ['14', '食品'],
  ['17', '纺织'],
  ['26', '化工'],
  ['27', '医药'],
  ['30', '建材'],
  ['34', '机械'],
  ['36', '汽车零部件'],
  ['39', '电子'],
  ['47', '建筑工程'],
  ['51', '商贸'],
  ['52', '超市'],
  ['54', '运输'],
  ['59', '物流'],
  ['62', '餐饮'],
  ['65', '科技'],
  ['70', '置业'],
  ['72', '咨询'],
  ['80', '家政服务'],
  ['83', '培训'],
];

type Kind = { label: string; weight: number; suffix: (rand: Rand) => string };
const KINDS: Kind[] = [
  { label: '私营企业', weight: 68, suffix: (r) => pick(r, ['有限公司', '有限公司', '有限责任公司', '股份有限公司']) },
  { label: '个体工商户', weight: 20, suffix: (r) => pick(r, ['经营部', '商行', '店', '门市部']) },
  { label: '外商投资企业', weight: 3, suffix: () => '（中国）有限公司' },
  { label: '港澳台投资企业', weight: 2, suffix: () => '有限公司' },
  { label: '社会团体', weight: 3, suffix: (r) => pick(r, ['协会', '商会', '促进会']) },
  { label: '社会服务机构', weight: 3, suffix: (r) => pick(r, ['培训学校', '养老服务中心', '社会工作服务中心']) },
  { label: '基金会', weight: 1, suffix: () => '慈善基金会' },
];

function weighted<T extends { weight: number }>(rand: Rand, items: T[]): T {
  let x = rand() * items.reduce((s, i) => s + i.weight, 0);
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return items[items.length - 1];
}

/** Head counts as small businesses have them: most are small, a few are large. */
function employees(rand: Rand, kind: string): number {
  if (kind === '个体工商户') return 1 + Math.floor(rand() * 8);
  const u = rand();
  return Math.floor(3 * Math.exp(u * u * 7.2));
}

/** Members: most enterprises have none; those that have are mostly small groups. */
function members(rand: Rand, staff: number): [number, number] {
  const u = rand();
  if (u < 0.62) return [0, 0];
  const m = u < 0.88 ? 1 + Math.floor(rand() * 2) : 3 + Math.floor(rand() * Math.min(40, staff / 8 + 3));
  const probationary = rand() < 0.15 ? 1 : 0;
  return [m, Math.max(0, m - probationary)];
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes a realistic, deterministic enterprise file in the import layout for the towns of
 * a region: the demo then goes through the real import, as a county's first file would.
 */
export async function writeDemoEnterpriseFile(db: Db, rand: Rand, regionCode: string, scale: Scale, file: string) {
  const [root] = await db.select().from(regions).where(eq(regions.code, regionCode));
  const towns = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(like(regions.code, `${root.prefix}%`), eq(regions.level, 4)))
    .orderBy(regions.code);
  if (towns.length === 0) throw new Error(`${root.name} 下没有乡镇（街道）区划，无法生成演示企业`);
  const clusters = Array.from({ length: Math.max(2, Math.round(PER_SCALE[scale] / 120)) }, (_, i) => {
    const town = towns[i % towns.length];
    return `${town.name.replace(/(街道|镇|乡)$/, '')}${pick(rand, ['工业园', '创业园', '商务楼宇', '农贸市场', '物流园'])}`;
  });
  const headers = ENTERPRISE_COLUMNS.map((c) => c.header);
  const out = fs.createWriteStream(file);
  out.write(`\uFEFF${headers.join(',')}\n`);
  const today = new Date();
  // The 年报 facts draw from their own sequence, so the rest of the demo stays as it was.
  const facts = seeded(1727);
  for (let i = 0; i < PER_SCALE[scale]; i++) {
    const town = pick(rand, towns);
    const kind = weighted(rand, KINDS);
    const [division, trade] = pick(rand, TRADES_BY_INDUSTRY);
    const staff = employees(rand, kind.label);
    const [memberCount, fullMemberCount] = members(rand, staff);
    const place = town.name.replace(/(街道|镇|乡|办事处)$/, '');
    const name =
      kind.label === '个体工商户'
        ? `${place}${chineseName(rand).slice(0, 1)}记${trade}${kind.suffix(rand)}`
        : `${place}${pick(rand, TRADE)}${trade}${kind.suffix(rand)}`;
    const founded = new Date(today.getTime() - Math.floor(rand() * 25 * 365) * 86_400_000).toISOString().slice(0, 10);
    const status = rand() < 0.04 ? pick(rand, ['吊销', '注销', '迁出']) : pick(rand, ['存续', '存续', '在营']);
    const values: Record<string, string | number> = {
      uscc: makeUscc(rand),
      name,
      kind: kind.label,
      regionCode: town.code,
      industryCode: division,
      employees: staff,
      memberCount,
      fullMemberCount,
      ownerName: chineseName(rand),
      ownerPoliticalStatus:
        memberCount > 0 && rand() < 0.3 ? '中共党员' : pick(rand, ['群众', '群众', '群众', '民主党派', '共青团员']),
      aboveScale: staff >= 100 && rand() < 0.6 ? '是' : '否',
      cluster: rand() < 0.35 ? pick(rand, clusters) : '',
      foundedOn: founded,
      registrationStatus: status,
      phone: `1${pick(rand, ['3', '5', '8'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
      reportedHasOrg: '',
      reportedFormation: '',
      hasUnion: staff >= 25 ? pick(rand, ['是', '否']) : '否',
      hasLeague: staff >= 50 && rand() < 0.4 ? '是' : '否',
      ...annualTableFacts(facts, kind.label, staff),
    };
    out.write(`${ENTERPRISE_COLUMNS.map((c) => csvCell(values[c.key] ?? '')).join(',')}\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return PER_SCALE[scale];
}

/** 在岗职工, 资本构成 and 中介组织类型, so that every cell of the demo's 年报 tables 27 and 30 can be filled. */
function annualTableFacts(r: Rand, kind: string, staff: number): Record<string, string | number> {
  const staffOnPost = Math.floor(staff * (0.7 + 0.3 * r()));
  if (kind === '私营企业') return { staffOnPost, ownership: pick(r, ['', '', '独资', '含港澳台商投资', '含外商投资']) };
  if (kind === '外商投资企业' || kind === '港澳台投资企业') return { staffOnPost, ownership: pick(r, ['', '独资']) };
  if (kind === '社会服务机构' || kind === '社会团体')
    return { staffOnPost, intermediaryKind: r() < 0.3 ? pick(r, ['律师事务所', '会计师事务所', '税务师事务所']) : '' };
  return { staffOnPost };
}
