import { oneOf } from './params.ts';
import type { ListState } from './useListState.ts';

/** `?new=1`: the list page's create form is open, so a link (a home page's 新增) can open it. */
export const CREATE_FORM = { new: oneOf(['1'] as const) };

export interface CreateForm {
  /** The user may create here: the page shows its 新增 button. */
  allowed: boolean;
  open: boolean;
  setOpen: (open: boolean) => void;
}

/**
 * The create form over a list page, open while the URL says `new=1` and the user may create;
 * opening and closing it keeps the list's page. With `replace`, neither is a step in the history.
 */
export function useCreateForm(
  list: ListState<typeof CREATE_FORM>,
  allowed: boolean,
  { replace = false }: { replace?: boolean } = {},
): CreateForm {
  return {
    allowed,
    open: list.filter.new === '1' && allowed,
    setOpen: (open) => list.set({ new: open ? '1' : undefined }, { page: list.page, replace }),
  };
}
