import { App, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORG_TYPES, OrgCode } from '../../../contracts/orgs.js';
import { localName, orgTypeLabel } from '../../shared/labels.js';
import type { Org, OrgType } from '../../shared/types.js';
import { useReportError } from '../../shared/useReportError.js';
import { useCreateOrg, useUpdateOrg, type UpdateOrgBody } from './orgs.api.js';

interface OrgFormValues {
  code: string;
  name: string;
  nameEn?: string;
  type: OrgType;
  regionCode?: string;
}

const FIELDS = ['code', 'name', 'nameEn', 'type', 'regionCode'] as const;
const NAME_MAX = 100;
const NAME_EN_MAX = 200;

/** Only what the user changed, so the audit log records real changes. */
function changedFields(org: Org, v: OrgFormValues): UpdateOrgBody {
  const next: UpdateOrgBody = { name: v.name.trim(), nameEn: v.nameEn?.trim() ?? '', type: v.type, regionCode: v.regionCode?.trim() || null };
  const out: UpdateOrgBody = {};
  if (next.name !== org.name) out.name = next.name;
  if (next.nameEn !== org.nameEn) out.nameEn = next.nameEn;
  if (next.type !== org.type) out.type = next.type;
  if (next.regionCode !== org.regionCode) out.regionCode = next.regionCode;
  return out;
}

export type OrgFormMode = { kind: 'create'; parent: Org } | { kind: 'edit'; org: Org };

/** Creates a child org under `parent`, or edits `org` (its code is fixed once created). */
export function OrgFormModal({ mode, onClose, onSaved }: { mode: OrgFormMode | null; onClose: () => void; onSaved: (org: Org) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<OrgFormValues>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const editing = mode?.kind === 'edit' ? mode.org : null;

  const initialValues = editing
    ? { code: editing.code, name: editing.name, nameEn: editing.nameEn, type: editing.type, regionCode: editing.regionCode ?? undefined }
    : undefined;

  const submit = async () => {
    const v = await form.validateFields();
    const regionCode = v.regionCode?.trim() || undefined;
    try {
      const saved =
        mode?.kind === 'create'
          ? await create.mutateAsync({ parentId: mode.parent.id, code: v.code, name: v.name.trim(), nameEn: v.nameEn?.trim() || undefined, type: v.type, regionCode })
          : await update.mutateAsync({ id: editing!.id, ...changedFields(editing!, v) });
      void message.success(t(mode?.kind === 'create' ? 'orgs.created' : 'orgs.updated'));
      onSaved(saved);
    } catch (err) {
      reportError(err, { instance: form, fields: FIELDS });
    }
  };

  return (
    <Modal
      open={!!mode}
      title={t(mode?.kind === 'edit' ? 'orgs.editTitle' : 'orgs.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      {mode?.kind === 'create' && (
        <Descriptions size="small" column={1} style={{ marginTop: 16 }} items={[{ key: 'parent', label: t('orgs.parentLabel'), children: localName(mode.parent, i18n.language) }]} />
      )}
      <Form form={form} layout="vertical" requiredMark="optional" style={{ marginTop: 16 }} preserve={false} initialValues={initialValues}>
        <Form.Item
          name="code"
          label={t('orgs.code')}
          extra={editing ? undefined : t('orgs.codeRule')}
          normalize={(v: string) => v?.toUpperCase()}
          rules={[
            { required: true, message: t('common.required', { field: t('orgs.code') }) },
            { validator: (_, v: string) => (!v || OrgCode.safeParse(v).success ? Promise.resolve() : Promise.reject(new Error(t('orgs.codeInvalid')))) },
          ]}
        >
          <Input disabled={!!editing} maxLength={32} placeholder="JZ-ZZ-FC" data-testid="org-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('orgs.name') }) },
            { max: NAME_MAX, message: t('orgs.nameTooLong', { max: NAME_MAX }) },
          ]}
        >
          <Input data-testid="org-form-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('orgs.nameEn')} rules={[{ max: NAME_EN_MAX, message: t('orgs.nameTooLong', { max: NAME_EN_MAX }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="type" label={t('orgs.type')} rules={[{ required: true, message: t('common.selectRequired', { field: t('orgs.type') }) }]}>
          <Select data-testid="org-form-type" options={ORG_TYPES.map((type) => ({ value: type, label: orgTypeLabel(t, type) }))} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('orgs.regionCode')}
          extra={t('orgs.regionRule')}
          rules={[{ pattern: /^\d{6}$/, message: t('orgs.regionInvalid') }]}
        >
          <Input maxLength={6} inputMode="numeric" placeholder="410800" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
