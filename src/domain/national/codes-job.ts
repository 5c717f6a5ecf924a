// 工作岗位: the national member system's job code of a member (shared/domain/codes.md lists the
// top levels and the leaves this system needs; the official list has about 45 leaves). Stored
// on the member as the code (members.job_code); shown by its label.
import type { Choice } from '../enterprise/codes.ts';

export const JOB_CODES = [
  { code: '0', label: '在岗职工' },
  { code: '01', label: '公有制单位在岗职工' },
  { code: '011', label: '党政机关工作人员' },
  { code: '012', label: '事业单位管理人员' },
  { code: '013', label: '事业单位专业技术人员' },
  { code: '014', label: '公有制企业管理人员' },
  { code: '015', label: '公有制企业专业技术人员' },
  { code: '016', label: '公有制单位工勤技能人员' },
  { code: '0164', label: '公有制单位农民工' },
  { code: '02', label: '非公有制单位在岗职工' },
  { code: '021', label: '非公有制企业管理人员', aliases: ['企业管理人员'] },
  { code: '022', label: '非公有制企业专业技术人员', aliases: ['企业专业技术人员'] },
  { code: '023', label: '民办非企业单位管理人员' },
  { code: '024', label: '民办非企业单位专业技术人员' },
  { code: '025', label: '非公有制单位工勤技能人员', aliases: ['工勤技能人员'] },
  { code: '0253', label: '非公有制单位农民工', aliases: ['农民工'] },
  { code: '1', label: '农牧渔民' },
  { code: '113', label: '外出务工经商人员', aliases: ['外出务工经商'] },
  { code: '2', label: '军人、武警' },
  { code: '3', label: '学生' },
  { code: '4', label: '离退休人员' },
  { code: '5', label: '其他' },
] as const satisfies readonly Choice<string>[];
export type JobCode = (typeof JOB_CODES)[number]['code'];

/** 是否农民工 follows from a 工作岗位 of 0164 or 0253 (a file may also say so on its own). */
export function isMigrantWorkerJob(code: string | null): boolean {
  return code === '0164' || code === '0253';
}
