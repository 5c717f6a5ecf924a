import { z } from '@hono/zod-openapi';
import { isHalfYear, isOwnerSurveyPeriod } from '../../domain/assessment/period.ts';
import { isScore } from '../../domain/assessment/settings.ts';
import { calendarDay, idParam } from '../schemas.ts';

export const halfYear = z
  .string({ error: '请填写考核期' })
  .refine(isHalfYear, '考核期为半年度，格式如 2026H2（H1 上半年，H2 下半年）');

export const ownerSurveyPeriod = z
  .string({ error: '请填写问卷期' })
  .refine(isOwnerSurveyPeriod, '问卷期为年度或半年度，格式如 2026 或 2026H2');

export const score = z.number({ error: '请填写分数' }).refine(isScore, '分数须为 0–100，最多两位小数');

export const note = z
  .string()
  .trim()
  .max(500, '备注不能超过 500 字')
  .nullable()
  .default(null)
  .transform((s) => s || null);

export const expiresOn = calendarDay;

export const instructorId = idParam;

/** A link token as issued: 32 random bytes in base64url (43 characters). */
export const linkToken = z
  .string({ error: '缺少链接凭据' })
  .regex(/^[A-Za-z0-9_-]{43}$/, '链接不完整：请完整复制收到的链接后重新打开');
