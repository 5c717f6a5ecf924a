import { createRoute, z } from '@hono/zod-openapi';
import { localDateString } from '../../domain/calendarDate.ts';
import { can } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { caseworkSections } from './casework.ts';
import { enterpriseSections } from './enterprises.ts';
import { developmentSections, orgSections, restructuringSection, transferSection } from './records.ts';
import { PROMPT_SECTION_KEYS } from './types.ts';

const LIMIT = 50;

export const promptRoutes = newRouter();

promptRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/prompts',
    tags: ['工作提示'],
    middleware: [permit('prompt.read', 'prompt.read')],
    summary:
      '工作提示：管辖范围内应建未建、重点盯住、可联合组建、换届、组织设置、发展党员、组织关系转接、三同步等到期和逾期事项',
    responses: jsonResponse(
      z.object({
        today: z.string(),
        sections: z.array(
          z.object({
            key: z.enum(PROMPT_SECTION_KEYS),
            total: z.number(),
            listFilter: z.record(z.string(), z.unknown()).optional(),
            items: z.array(
              z.object({
                level: z.enum(['overdue', 'due', 'warning', 'info']),
                title: z.string(),
                message: z.string(),
                dueOn: z.string().optional(),
                link: z.object({
                  type: z.enum(['enterprise', 'org', 'member', 'development', 'request', 'assignment']),
                  id: z.number(),
                }),
              }),
            ),
          }),
        ),
      }),
      '工作提示',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { database } = c.get('deps');
    const today = localDateString(new Date());
    const sections = await inScope(database.db, actor, async (tx) => [
      ...(can(actor, 'ledger.read') ? await enterpriseSections(tx, actor, LIMIT) : []),
      ...(can(actor, 'org.read') ? await orgSections(tx, actor, today, LIMIT) : []),
      ...(can(actor, 'member.read')
        ? [...(await developmentSections(tx, actor, today, LIMIT)), await transferSection(tx, actor, today, LIMIT)]
        : []),
      ...(can(actor, 'ledger.read') ? [await restructuringSection(tx, actor, today, LIMIT)] : []),
      ...(can(actor, 'instructor.read') ? await caseworkSections(tx, actor, today, LIMIT) : []),
    ]);
    return c.json({ today, sections }, 200);
  },
);
