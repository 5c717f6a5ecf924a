// 学历: the national member system's education code (shared/domain/codes.md). Our members keep
// their education in our own words (org/codes.ts EDUCATIONS); the national code is derived.
import type { Choice } from '../enterprise/codes.ts';
import { EDUCATIONS, type Education } from '../org/codes.ts';

export const NATIONAL_EDUCATIONS = [
  { code: '1', label: '研究生' },
  { code: '2', label: '大学本科' },
  { code: '3', label: '大学专科' },
  { code: '4', label: '中专' },
  { code: '5', label: '高中、中技' },
  { code: '6', label: '初中及以下' },
] as const satisfies readonly Choice<string>[];
export type NationalEducation = (typeof NATIONAL_EDUCATIONS)[number]['code'];

const CODE_OF: Record<Education, NationalEducation> = {
  postgraduate: '1',
  bachelor: '2',
  college: '3',
  secondary_vocational: '4',
  high_school: '5',
  junior_or_below: '6',
};

export function nationalEducationOf(education: Education): NationalEducation {
  return CODE_OF[education];
}

/** The national label of an education, as the national file writes it. */
export function nationalEducationLabel(education: Education): string {
  const code = CODE_OF[education];
  return NATIONAL_EDUCATIONS.find((e) => e.code === code)?.label ?? '';
}

/**
 * Our education choices accepting the national file's spellings as well: its code (1–6) and
 * its label “高中、中技”. 中技 is the national list's 5 (with 高中), not our 中专, in a national file.
 */
export const EDUCATIONS_WITH_NATIONAL_CODES: readonly Choice<Education>[] = EDUCATIONS.map((e) => {
  const national = NATIONAL_EDUCATIONS.find((n) => n.code === CODE_OF[e.code]);
  const extra = national && national.label !== e.label ? [national.code, national.label] : [national?.code ?? ''];
  const own = ('aliases' in e ? e.aliases : []) as readonly string[];
  return { code: e.code, label: e.label, aliases: [...own.filter((a) => a !== '中技'), ...extra] };
});
