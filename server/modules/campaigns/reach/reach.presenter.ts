import type { CampaignContact, WorklistEntry, WorklistReason } from '../../../../contracts/campaigns.js';
import type { listContacts, WorklistRow } from './reach.queries.js';

/** A worklist entry as lists show it: masked ID and phone only. */
export function presentWorklistEntry(r: WorklistRow): WorklistEntry {
  return {
    studentIdHash: r.entry.studentIdHash,
    studentName: r.entry.studentName,
    studentIdMasked: r.entry.studentIdMasked,
    schoolStage: r.entry.schoolStage,
    reason: r.entry.reason as WorklistReason,
    householdId: r.entry.householdId,
    householdName: r.householdName,
    caseNo: r.caseNo,
    phoneMasked: r.phoneMasked,
    orgId: r.entry.orgId,
    orgName: r.orgName,
    reached: r.reached,
    lastContact: r.lastContact ? { ...r.lastContact, recordedAt: new Date(r.lastContact.recordedAt).toISOString() } : null,
    applied: r.applied,
  };
}

export function presentContact(r: Awaited<ReturnType<typeof listContacts>>[number]): CampaignContact {
  return {
    id: r.contact.id,
    method: r.contact.method,
    outcome: r.contact.outcome,
    contactedOn: r.contact.contactedOn,
    note: r.contact.note,
    notificationStatus: r.notificationStatus,
    recordedByName: r.recordedByName,
    recordedAt: r.contact.recordedAt.toISOString(),
  };
}
