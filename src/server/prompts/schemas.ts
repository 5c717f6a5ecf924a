import { z } from '@hono/zod-openapi';

/** The fields of a prompt's item as a route answers them; the to-dos show the same, with their own links. */
export const promptItemFields = {
  level: z.enum(['overdue', 'due', 'warning', 'info']),
  title: z.string(),
  message: z.string(),
  dueOn: z.string().optional(),
};
