import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../../shared/labels.js';
import type { OrgIndex } from './org-tree.js';
import { useOrgTree } from './orgs.api.js';

interface OrgOption {
  value: string;
  title: string;
  search: string;
  disabled?: boolean;
  children?: OrgOption[];
}

function toOptions(index: OrgIndex, id: string, language: string, inactiveSuffix: string, isDisabled: (id: string) => boolean): OrgOption {
  const org = index.byId.get(id)!;
  const children = (index.children.get(id) ?? []).map((c) => toOptions(index, c.id, language, inactiveSuffix, isDisabled));
  return {
    value: org.id,
    title: localName(org, language) + (org.active ? '' : inactiveSuffix),
    search: `${org.name} ${org.nameEn} ${org.code}`.toLowerCase(),
    disabled: isDisabled(org.id),
    children: children.length ? children : undefined,
  };
}

export interface OrgTreeSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Deactivated orgs cannot be picked (e.g. as the org of a new user). */
  activeOnly?: boolean;
  /** Further orgs that cannot be picked (e.g. an org's own subtree when moving it). */
  disabledIds?: Set<string>;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/** Picks one org from the user's subtree, searchable by name or code. */
export function OrgTreeSelect({ value, onChange, placeholder, allowClear, disabled, activeOnly, disabledIds, style, id, ...rest }: OrgTreeSelectProps) {
  const { t, i18n } = useTranslation();
  const { index, isLoading } = useOrgTree();
  const inactiveSuffix = ` (${t('common.inactive')})`;
  const treeData = useMemo(() => {
    if (!index) return [];
    const isDisabled = (orgId: string) => !!disabledIds?.has(orgId) || (!!activeOnly && !index.byId.get(orgId)?.active);
    return [toOptions(index, index.rootId, i18n.language, inactiveSuffix, isDisabled)];
  }, [index, i18n.language, inactiveSuffix, activeOnly, disabledIds]);

  return (
    <TreeSelect<string, OrgOption>
      id={id}
      data-testid={rest['data-testid']}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isLoading}
      placeholder={placeholder ?? t('orgs.selectOrg')}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ filterTreeNode: (input, node) => String(node.search ?? '').includes(input.trim().toLowerCase()) }}
      treeNodeLabelProp="title"
      treeDefaultExpandedKeys={index ? [index.rootId] : []}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
      style={{ width: '100%', ...style }}
    />
  );
}
