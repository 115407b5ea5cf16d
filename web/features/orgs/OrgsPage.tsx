import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Result, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/errors.js';
import { PageHeader } from '../../shared/PageHeader.js';
import type { Org } from '../../shared/types.js';
import { MoveOrgModal } from './MoveOrgModal.js';
import { OrgDetailCard, type OrgActions } from './OrgDetailCard.js';
import { OrgFormModal, type OrgFormMode } from './OrgFormModal.js';
import { useOrgTree } from './orgs.api.js';
import { OrgTreePanel } from './OrgTreePanel.js';

export default function OrgsPage() {
  const { t } = useTranslation();
  const { index, isLoading, error, refetch, isFetching } = useOrgTree();
  const [selectedId, setSelectedId] = useState<string>();
  const [formMode, setFormMode] = useState<OrgFormMode | null>(null);
  const [moving, setMoving] = useState<Org | null>(null);

  const selected = index?.byId.get(selectedId ?? index.rootId);
  const actions: OrgActions = {
    onCreateChild: (parent) => setFormMode({ kind: 'create', parent }),
    onEdit: (org) => setFormMode({ kind: 'edit', org }),
    onMove: (org) => setMoving(org),
  };

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        description={t('orgs.description')}
        extra={
          <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      {error ? (
        <Result status="warning" title={errorMessage(t, error)} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9} xxl={7}>
            <Card title={t('orgs.treeTitle')} styles={{ body: { paddingTop: 12 } }}>
              {isLoading || !index ? <Skeleton active paragraph={{ rows: 10 }} /> : <OrgTreePanel index={index} selectedId={selected?.id} onSelect={setSelectedId} />}
            </Card>
          </Col>
          <Col xs={24} lg={15} xxl={17}>
            {selected && index ? (
              <OrgDetailCard org={selected} index={index} actions={actions} />
            ) : (
              <Card>{isLoading ? <Skeleton active /> : <Empty description={t('orgs.selectHint')} />}</Card>
            )}
          </Col>
        </Row>
      )}
      <OrgFormModal
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(org) => {
          setFormMode(null);
          setSelectedId(org.id);
        }}
      />
      {index && (
        <MoveOrgModal
          org={moving}
          index={index}
          onClose={() => setMoving(null)}
          onMoved={(org) => {
            setMoving(null);
            setSelectedId(org.id);
          }}
        />
      )}
    </>
  );
}
