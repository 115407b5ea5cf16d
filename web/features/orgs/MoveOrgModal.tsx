import { Alert, App, Descriptions, Form, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../../shared/labels.js';
import type { Org } from '../../shared/types.js';
import { useReportError } from '../../shared/useReportError.js';
import { subtreeIds, type OrgIndex } from './org-tree.js';
import { useMoveOrg } from './orgs.api.js';
import { OrgTreeSelect } from './OrgTreeSelect.js';

/** Moves an org (with its subtree) under a new parent; its own subtree and its current parent cannot be picked. */
export function MoveOrgModal({ org, index, onClose, onMoved }: { org: Org | null; index: OrgIndex; onClose: () => void; onMoved: (org: Org) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<{ newParentId: string }>();
  const move = useMoveOrg();

  const disabledIds = useMemo(() => {
    if (!org) return new Set<string>();
    const ids = subtreeIds(index, org.id);
    if (org.parentId) ids.add(org.parentId);
    return ids;
  }, [org, index]);

  const parent = org?.parentId ? index.byId.get(org.parentId) : undefined;

  const submit = async () => {
    const { newParentId } = await form.validateFields();
    try {
      const moved = await move.mutateAsync({ id: org!.id, newParentId });
      void message.success(t('orgs.moved'));
      onMoved(moved);
    } catch (err) {
      reportError(err, { instance: form, fields: ['newParentId'] });
    }
  };

  return (
    <Modal
      open={!!org}
      title={t('orgs.moveTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
      width={560}
    >
      {org && (
        <>
          <Descriptions
            column={1}
            size="small"
            style={{ margin: '16px 0' }}
            items={[
              { key: 'name', label: t('orgs.name'), children: localName(org, i18n.language) },
              { key: 'parent', label: t('orgs.moveCurrentParent'), children: parent ? localName(parent, i18n.language) : '-' },
            ]}
          />
          <Alert type="info" showIcon title={t('orgs.moveHint')} style={{ marginBottom: 16 }} />
          <Form form={form} layout="vertical" preserve={false}>
            <Form.Item name="newParentId" label={t('orgs.newParent')} rules={[{ required: true, message: t('common.selectRequired', { field: t('orgs.newParent') }) }]}>
              <OrgTreeSelect activeOnly disabledIds={disabledIds} data-testid="org-move-parent" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
