import { useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, setApiLanguage } from '../api.ts';
import { enUS, errorCodesEnUS } from './en-US.ts';
import { type MessageKey, zhCN } from './zh-CN.ts';

export type Lang = 'zh-CN' | 'en-US';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'dangjian.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Whether the dictionary has a key built at run time (e.g. an audit action code). */
  has: (key: string) => key is MessageKey;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    setApiLanguage(initial);
    return initial;
  });

  const queryClient = useQueryClient();
  const setLang = useCallback(
    (next: Lang) => {
      setApiLanguage(next);
      setLangState(next);
      // What the server wrote in the old language (prompts, warnings) is asked for again.
      void queryClient.invalidateQueries();
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    },
    [queryClient],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = dictionaries[lang]['app.title'];
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t: Translate = (key, vars) => {
      const text = dict[key] ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
    };
    const has = (key: string): key is MessageKey => key in dict;
    return { lang, setLang, t, has };
  }, [lang, setLang]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'zh-CN' ? zhCNAntd : enUSAntd}
        theme={{ token: { colorPrimary: '#c8161d' } }}
        // "登录", not antd's spaced "登 录": buttons read (and are named) as written.
        button={{ autoInsertSpace: false }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** What to tell the user about a failed request, in their language where we know it. */
export function useErrorText(): (error: unknown) => string {
  const { lang, t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.code === 'network') return t('error.network');
        if (lang === 'en-US' && errorCodesEnUS[error.code]) return errorCodesEnUS[error.code];
        return error.message || t('error.unknown');
      }
      return t('error.unknown');
    },
    [lang, t],
  );
}
