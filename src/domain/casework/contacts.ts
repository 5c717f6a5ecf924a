/** How an instructor was in touch with an enterprise (走访 / 电话 / 座谈). */
export const CONTACT_KINDS = ['visit', 'phone', 'meeting'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
