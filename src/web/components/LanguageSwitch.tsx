import { Segmented } from 'antd';
import { type Lang, useI18n } from '../i18n/index.tsx';

/** 中文 / English in one tap, each named in its own language; the choice is kept in localStorage. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.switch')}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh-CN', label: t('lang.zh-CN') },
        { value: 'en-US', label: t(compact ? 'lang.en-US.short' : 'lang.en-US') },
      ]}
    />
  );
}
