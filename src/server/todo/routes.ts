import { z } from '@hono/zod-openapi';
import { localDateString } from '../../domain/calendarDate.ts';
import { findingsIn, requestLang } from '../lang.ts';
import { promptItemFields } from '../prompts/schemas.ts';
import { areaRouter } from '../route.ts';
import { hasTodos, todoSections } from './collect.ts';
import { TODO_KEYS, TODO_LINK_TYPES } from './types.ts';

/** Items listed per kind; the count is exact whatever the limit. */
const LIMIT = 50;

export const todoRoutes = areaRouter('待办');

todoRoutes.define({
  method: 'get',
  path: '/api/todo/count',
  permission: null,
  action: 'todo.read',
  summary: '待办数：本人可处理、可打开的到期和逾期事项之和（页头铃铛；页面切换或回到窗口时读取）',
  response: z.object({
    enabled: z.boolean().describe('本人的权限是否可能有待办（否则不显示铃铛）'),
    total: z.number(),
  }),
  describe: '待办数',
  handler: async ({ tx, actor }) => {
    if (!hasTodos(actor)) return { enabled: false, total: 0 };
    const sections = await todoSections(tx, actor, localDateString(new Date()), 0);
    return { enabled: true, total: sections.reduce((n, s) => n + s.total, 0) };
  },
});

todoRoutes.define({
  method: 'get',
  path: '/api/todo',
  permission: null,
  action: 'todo.read',
  summary:
    '待办：按类别列出本人可处理、可打开的事项——到期和逾期的工作提示（换届、发展党员、组织关系转接、三同步、诉求未更新、未按期联系）和待报送的季报，各链接到其记录',
  response: z
    .object({
      today: z.string(),
      total: z.number().describe('各类待办之和，与铃铛上的数一致'),
      sections: z.array(
        z.object({
          key: z.enum(TODO_KEYS),
          total: z.number(),
          items: z.array(
            z.object({
              ...promptItemFields,
              link: z.object({
                type: z.enum(TODO_LINK_TYPES),
                id: z.number().optional().describe('记录编号（季报没有，以季度标识）'),
                quarter: z.string().optional().describe('季报的季度，如 2026Q3'),
              }),
            }),
          ),
        }),
      ),
    })
    .openapi('Todo'),
  describe: '待办',
  handler: async ({ tx, actor, c }) => {
    const today = localDateString(new Date());
    const sections = hasTodos(actor) ? await todoSections(tx, actor, today, LIMIT) : [];
    const lang = requestLang(c);
    return {
      today,
      total: sections.reduce((n, s) => n + s.total, 0),
      sections: sections.map((s) => ({
        ...s,
        items: findingsIn(lang, s.items),
      })),
    };
  },
});
