import type { ApiResponse, Member } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { fromDay } from '../orgs/dates.ts';
import { editBody, editValues, MemberFormFields, type MemberFormValues } from './MemberFormFields.tsx';

/** 修改党员信息: the record's fields but the org (which moves by a transfer); the numbers only when retyped. */
export function MemberEditDrawer({
  member,
  onSaved,
  onClose,
}: {
  member: Member;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <FormDrawer<MemberFormValues, ApiResponse<'/api/members/{id}', 'patch'>>
      title={t('member.editTitle', { name: member.name })}
      width={720}
      onClose={onClose}
      name="memberEdit"
      initialValues={editValues(member, fromDay)}
      submit={(v) => api.patch(`/api/members/${member.id}`, editBody(v))}
      saved={({ changed }) => (changed.length ? t('member.saved') : t('member.unchanged'))}
      onDone={onSaved}
    >
      <MemberFormFields mode="edit" member={member} />
    </FormDrawer>
  );
}
