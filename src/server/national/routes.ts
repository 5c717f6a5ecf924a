// The national system's files leaving as .xlsx: the member roster in its layout, for a region.
import { z } from '@hono/zod-openapi';
import { inScope } from '../db/tx.ts';
import { XLSX_TYPE } from '../download.ts';
import { areaRouter } from '../route.ts';
import { today } from '../today.ts';
import { exportNationalMembers, NATIONAL_MEMBERS_TITLE } from './memberExport.ts';

export const nationalRoutes = areaRouter('全国党员管理信息系统文件');

nationalRoutes.defineOwnTransaction({
  method: 'get',
  path: '/api/exports/national-members',
  permission: 'member.read',
  action: 'member.national_export',
  summary:
    '导出全国党员管理信息系统格式的党员信息（.xlsx，某地区的党员；号码脱敏，有查看完整号码权限者导出完整号码以供上传全国系统；记入审计）',
  query: z.object({ region: z.string().regex(/^\d{6,12}$/) }),
  response: { file: XLSX_TYPE, description: 'xlsx' },
  handler: async ({ db, actor, input, c }) => {
    const { region } = input.query as { region: string };
    const { buffer } = await inScope(db, actor, (tx) => exportNationalMembers(tx, actor, c.get('deps').keys, region));
    return new Response(new Uint8Array(buffer), {
      headers: {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${NATIONAL_MEMBERS_TITLE}-${region}-${today()}.xlsx`)}`,
      },
    });
  },
});
