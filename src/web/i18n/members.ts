// The strings of party members, their card, development, transfers and mobile members, in both languages.

export const membersZhCN = {
  'nav.membersPlaceholder': '',
} as const;

export const membersEnUS: Record<keyof typeof membersZhCN, string> = {
  'nav.membersPlaceholder': '',
};
