import type { Widen } from '../widen.js';
import type zh from './followUp.zh-CN.js';

const followUp: Widen<typeof zh> = {
  title: 'Follow-up',
  hint: 'Each year, follow up an aided student’s studies, internship and employment; after the first, the application is marked followed up.',
  empty: 'No follow-up yet',
  journeyLink: 'See the chain of aid',
  columns: {
    year: 'Year',
    status: 'Situation',
    employer: 'Employer',
    contactedOn: 'Contacted on',
    note: 'Note',
    recordedBy: 'Recorded by',
  },
  record: {
    button: 'Record a follow-up',
    title: 'Record a follow-up',
    year: 'Year',
    status: 'Situation',
    employer: 'Employer',
    internshipEmployer: 'Internship at',
    employerRequired: 'Name the employer of an employed student',
    contactedOn: 'Contacted on',
    note: 'Note',
    notePlaceholder: 'Studies, daily life, work, new hardship in the family …',
    saved: 'Follow-up recorded',
    notAided: 'A student is followed up once the aid is paid',
  },
  journey: {
    title: 'Chain of aid',
    subtitle: 'Enrolment aid → in-school support → employment aid, with the household’s aid ledger',
    back: 'Back to the application',
    stages: {
      enrolment: 'Enrolment aid',
      inSchool: 'In-school support',
      employment: 'Employment aid',
    },
    stageHint: {
      enrolment: 'Applications and payments in the year of entering school',
      inSchool: 'Aid and follow-ups while in school',
      employment: 'Work after leaving school',
    },
    none: 'None yet',
    application: '{{year}} · {{campaign}}',
    applicationDetail: '{{org}} · {{school}} (entered {{admissionYear}})',
    grantPaid: '{{amount}} paid ({{date}})',
    grantReady: '{{amount}} to be paid',
    noGrant: 'Not paid',
    inKind: 'In kind: {{items}}',
    followUp: '{{year}} follow-up: {{status}}',
    employedAt: 'Employer: {{employer}}',
    internshipAt: 'Internship at: {{employer}}',
    placementPending: 'Referrals and placements by the employment service will show here',
    ledger: 'Household aid ledger',
    ledgerHint: 'All aid the student’s hardship household received (households in your area only)',
    noLedger: 'The student is not in the hardship archive, or the household is outside your area',
    ledgerColumns: {
      aidedOn: 'Date',
      program: 'Program',
      aidType: 'Form',
      amount: 'Amount',
      item: 'Item',
      note: 'Note',
    },
    aidType: {
      cash: 'Cash',
      in_kind: 'In kind',
      service: 'Service',
    },
  },
  errors: {
    follow_up_recorded: 'This year’s follow-up is recorded already (one a year)',
    status: 'The aid is not paid yet: no follow-up',
  },
};

export default followUp;
