import { useQuery } from '@tanstack/react-query';
import type { Industry } from '../../api/types.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';

/** GB/T 4754-2017 sections and divisions; reference data, fetched once. */
export function useIndustries() {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => api.get<Industry[]>('/api/industries'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One industry picker for two filters: `S:C` is a section, `D:13` a division. */
export function useIndustryTree() {
  const { lang } = useI18n();
  const industries = useIndustries();
  const data = industries.data ?? [];
  const name = (i: Industry) => `${i.code} ${lang === 'en-US' ? i.nameEn : i.name}`;
  const treeData = data
    .filter((i) => i.isSection)
    .map((s) => ({
      value: `S:${s.code}`,
      title: name(s),
      children: data
        .filter((d) => !d.isSection && d.section === s.code)
        .map((d) => ({ value: `D:${d.code}`, title: name(d) })),
    }));
  return { treeData, loading: industries.isPending };
}

/** The picker's value for a section or division filter, and back. */
export const industryValue = (f: { section?: string; industry?: string }) =>
  f.industry ? `D:${f.industry}` : f.section ? `S:${f.section}` : undefined;

export function industryFilter(value: string | undefined): { section?: string; industry?: string } {
  const [type, code] = value?.split(':') ?? [];
  return { ...(type === 'S' ? { section: code } : {}), ...(type === 'D' ? { industry: code } : {}) };
}
