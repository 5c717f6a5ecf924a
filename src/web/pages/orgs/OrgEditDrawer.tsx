import { App } from 'antd';
import type { ApiResponse, OrgDetail } from '../../api/types.ts';
import { api } from '../../api.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { normalProfile, OrgProfileFields, PROFILE_FIELDS, type ProfileValues } from './OrgProfileFields.tsx';

interface Props {
  detail: OrgDetail;
  onClose: () => void;
  onSaved: () => void;
}

/** Correcting an org's profile (PATCH): only the fields changed are sent; formation and coverage have their own actions. */
export function OrgEditDrawer({ detail, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { org } = detail;
  const before = normalProfile(org);

  // Nothing changed: no request, and null tells onDone so.
  const save = async (v: ProfileValues) => {
    const after = normalProfile(v);
    const patch: ProfileValues = {};
    for (const k of PROFILE_FIELDS) if (after[k] !== before[k]) patch[k] = after[k];
    if (Object.keys(patch).length === 0) return null;
    return api.patch<ApiResponse<'/api/orgs/{id}', 'patch'>>(`/api/orgs/${org.id}`, patch);
  };

  return (
    <FormDrawer
      title={t('org.editTitle', { name: org.name })}
      width={600}
      onClose={onClose}
      initialValues={before}
      submit={save}
      onDone={(r) => {
        if (!r) {
          void message.info(t('enterprise.noChanges'));
          return;
        }
        void message.success(
          r.changed.length
            ? t('org.saved', {
                fields: r.changed.map((f) => t(`org.field.${f}` as MessageKey)).join(t('common.listSeparator')),
              })
            : t('enterprise.noChanges'),
        );
        onSaved();
      }}
    >
      <OrgProfileFields
        joint={org.formation === 'joint'}
        self={org.id}
        parent={detail.parent}
        managingOrg={detail.managingOrg}
      />
    </FormDrawer>
  );
}
