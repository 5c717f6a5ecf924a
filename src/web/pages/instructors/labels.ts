// The instructor area's codes in the user's language, and the reasons of a suggestion's rank.
import { useCallback } from 'react';
import { REQUEST_CATEGORIES } from '../../../domain/instructor/codes.ts';
import type { Reason } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useIndustries } from '../ledger/useIndustries.ts';

export const REQUEST_CODES = REQUEST_CATEGORIES.map((c) => c.code);
export const KIND_CODES = ['instructor', 'liaison'] as const;

/** Section letters with their names in the user's language (制造业 / Manufacturing). */
export function useSections() {
  const { lang } = useI18n();
  const industries = useIndustries();
  const sections = (industries.data ?? []).filter((i) => i.isSection);
  const name = useCallback(
    (letter: string) => {
      const s = sections.find((x) => x.code === letter);
      return s ? (lang === 'zh-CN' ? s.name : s.nameEn) : letter;
    },
    [sections, lang],
  );
  return { sections, name };
}

/** One reason of a suggestion's rank, as a sentence with its points. */
export function useReasonText() {
  const { t } = useI18n();
  const { name } = useSections();
  return useCallback(
    (r: Reason, sourceDepartmentName: string | null) => {
      const points = t('instructors.reason.points', { points: r.points });
      switch (r.factor) {
        case 'relevance': {
          if (r.matched === null || r.section === null) return `${t('instructors.reason.noIndustry')}（${points}）`;
          const vars = { department: sourceDepartmentName ?? '', industry: `${name(r.section)}（${r.section}）` };
          return `${t(r.matched ? 'instructors.reason.relevant' : 'instructors.reason.unrelated', vars)}（${points}）`;
        }
        case 'region':
          return `${t(`instructors.reason.region.${r.proximity}`)}（${points}）`;
        case 'load':
          return `${r.load === 0 ? t('instructors.reason.load0') : t('instructors.reason.load', { load: r.load })}（${points}）`;
      }
    },
    [t, name],
  );
}
