import { importTemplate } from '../../files/template.ts';
import { ORGLIFE_KINDS, type OrglifeImportKind } from './kinds.ts';

/** The import template (src/server/files/template.ts) of the meeting or achievement file, the allowed values listed. */
export function orglifeTemplate(kind: OrglifeImportKind): Promise<Buffer> {
  const { title, columns, footer } = ORGLIFE_KINDS[kind];
  return importTemplate(
    title,
    columns.map((c) => ({
      ...c,
      note: [c.hint, c.choices ? `可选：${c.choices.map((x) => x.label).join('、')}` : ''].filter(Boolean).join('；'),
    })),
    footer,
  );
}
