// The strings of work prompts, org and member imports, and the orgs and 三同步 on the enterprise page, in both languages.

export const workZhCN = {
  'nav.workPlaceholder': '',
} as const;

export const workEnUS: Record<keyof typeof workZhCN, string> = {
  'nav.workPlaceholder': '',
};
