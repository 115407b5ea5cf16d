import type { EnterpriseDto, HrAccountDto } from '../../../../contracts/enterprises.js';
import type { EnterpriseWithOrg } from './enterprises.queries.js';

export function presentEnterprise({ enterprise: e, orgName }: EnterpriseWithOrg): EnterpriseDto {
  return {
    id: e.id,
    orgId: e.orgId,
    orgName,
    name: e.name,
    uscc: e.uscc,
    industry: e.industry as EnterpriseDto['industry'],
    size: e.size as EnterpriseDto['size'],
    address: e.address,
    regionCode: e.regionCode,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    priorityPledge: e.priorityPledge,
    status: e.status as EnterpriseDto['status'],
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function presentHrAccount(u: { id: string; username: string; displayName: string; active: boolean; mustChangePassword: boolean; createdAt: Date }): HrAccountDto {
  return { id: u.id, username: u.username, displayName: u.displayName, active: u.active, mustChangePassword: u.mustChangePassword, createdAt: u.createdAt.toISOString() };
}
