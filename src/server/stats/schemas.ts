import { z } from '@hono/zod-openapi';
import { ENTERPRISE_KINDS } from '../../domain/enterprise/codes.ts';
import { calendarDay } from '../schemas.ts';
import type { CoverageFilter } from './engine.ts';

const commaList = z.string().transform((s) => s.split(',').filter(Boolean));

/** The parameters every figure takes: region, date, survey scope and the filters of rules.md §1. */
export const FigureQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/)
    .optional()
    .describe('地区代码，默认为本人管辖地区'),
  date: calendarDay.optional().describe('统计日期，默认今天'),
  scope: z.enum(['all', 'survey']).optional().describe('统计口径，默认取系统设置'),
  kinds: commaList
    .pipe(z.array(z.enum(ENTERPRISE_KINDS.map((k) => k.code) as [string, ...string[]])))
    .optional()
    .describe('企业类型，逗号分隔'),
  bands: commaList
    .transform((xs) => xs.map(Number))
    .pipe(z.array(z.number().int().min(0).max(5)))
    .optional()
    .describe('人数档（0: <10, 1: 10–29, 2: 30–49, 3: 50–99, 4: 100–299, 5: 300+），逗号分隔'),
  aboveScale: z.enum(['true', 'false']).optional().describe('规模以上'),
  industry: z
    .string()
    .regex(/^([A-T]|\d{2})$/)
    .optional()
    .describe('行业门类字母或大类代码'),
});
export type FigureQuery = z.infer<typeof FigureQuery>;

export function filterOf(q: FigureQuery): CoverageFilter {
  return {
    ...(q.kinds?.length ? { kinds: q.kinds } : {}),
    ...(q.bands?.length ? { bands: q.bands } : {}),
    ...(q.aboveScale ? { aboveScale: q.aboveScale === 'true' } : {}),
    ...(q.industry ? { industry: q.industry } : {}),
  };
}

/** Enterprises in scope by ledger category (rules.md §3). */
export const CategoryCounts = z.object({
  standalone: z.number(),
  joint: z.number(),
  should_form: z.number(),
  joint_candidate: z.number(),
  no_member: z.number(),
});

/** The three coverage rates, in percent; null where nothing is in scope. */
export const coverageRates = {
  orgCoverageRate: z.number().nullable(),
  standaloneRate: z.number().nullable(),
  workCoverageRate: z.number().nullable(),
};

const counts = {
  inScope: z.number(),
  closed: z.number(),
  orgCovered: z.number(),
  standalone: z.number(),
  joint: z.number(),
  jointShouldStandalone: z.number().describe('联合组建中应单独组建（≥3 名正式党员）的企业'),
  workCovered: z.number(),
  categories: CategoryCounts,
  flags: z.object({ key_watch: z.number(), needs_instructor: z.number() }),
  aboveScale: z.number(),
  employees: z.number(),
  withMembers: z.number(),
  members: z.number(),
  fullMembers: z.number(),
  ...coverageRates,
};

export const RegionFiguresSchema = z
  .object({ region: z.string(), name: z.string(), direct: z.boolean().optional(), ...counts })
  .openapi('RegionFigures');

export const CoverageSchema = z
  .object({
    region: z.string(),
    name: z.string(),
    date: z.string(),
    scope: z.enum(['all', 'survey']),
    source: z.enum(['counts', 'facts']),
    ...counts,
    children: z.array(RegionFiguresSchema),
  })
  .openapi('Coverage');
