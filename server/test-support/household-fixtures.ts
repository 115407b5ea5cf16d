import { makeCnId } from '../../contracts/cn-ids.js';
import type { CreateHouseholdInput } from '../../contracts/households.js';

let idCounter = 0;
/** Unique even across calls: varies the birth year and sequence. */
export function uniqueIdNumber(birthYear = 1980): string {
  idCounter += 1;
  const year = birthYear + Math.floor(idCounter / 9000) ;
  const seqNo = (idCounter % 900) + 100;
  const month = String(1 + (Math.floor(idCounter / 900) % 10)).padStart(2, '0');
  return makeCnId('410803', `${year}${month}15`, String(seqNo));
}

export function sampleHousehold(orgId: string, overrides: Partial<CreateHouseholdInput> = {}): CreateHouseholdInput {
  return {
    orgId,
    name: '王建国',
    idNumber: uniqueIdNumber(1978),
    phone: '13803910001',
    employmentForm: 'worker',
    employerName: '焦作市某机械厂',
    health: 'chronic',
    disabilityType: 'none',
    singleParent: false,
    bankName: '中国工商银行',
    bankCard: '6222021234567890123',
    monthlyIncomeFen: 180000,
    otherAnnualIncomeFen: 120000,
    category: 'deep',
    mainCause: 'serious_illness',
    secondaryCauses: ['children_schooling'],
    members: [
      { relation: 'spouse', name: '李秀英', idNumber: uniqueIdNumber(1980), health: 'serious', monthlyIncomeFen: 0 },
      { relation: 'child', name: '王小明', idNumber: uniqueIdNumber(2007), health: 'healthy', monthlyIncomeFen: 0, schoolStage: 'undergraduate', enrolmentYear: 2025, schoolOrEmployer: '河南理工大学' },
    ],
    ...overrides,
  } as CreateHouseholdInput;
}
