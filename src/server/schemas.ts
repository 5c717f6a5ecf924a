import { z } from '@hono/zod-openapi';
import { isRealDate } from '../domain/calendarDate.ts';

/** A calendar date 'YYYY-MM-DD' that exists (no 2026-02-30). */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
  .refine((s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), '日期不存在');

export const idParam = z.coerce.number().int().positive();

/** A yes/no query parameter: `true` or `false`, absent is no. */
export const queryFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/** A choice among coded values, named by code. */
export const codeOf = <C extends string>(choices: readonly { code: C }[]) =>
  z.enum(choices.map((c) => c.code) as [C, ...C[]]);

/** The same, refused with a Chinese message a form can show beside the field. */
export const choiceOf = <C extends string>(choices: readonly { code: C }[], message: string) =>
  z.enum(choices.map((c) => c.code) as [C, ...C[]], { error: message });

/** A region code as typed: a province-level 6 digits, then 3 more per level below. */
export const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字');

/** The paging parameters of a list: 1-based page, at most 200 rows a page. */
export const pageQuery = (defaultSize = 50) => ({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(defaultSize),
});

/** One page of a list and how many rows the whole list has. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });

/** The path of a route on one record: `/…/{id}`. */
export const byId = z.object({ id: idParam });
