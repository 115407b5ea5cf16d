import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financeAtRoot, makeDrive, sampleDonation } from '../../../test-support/donation-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let fin: Session;
let driveId: string;

beforeAll(async () => {
  t = await createTestApp();
  fin = await financeAtRoot(t);
  ({ driveId } = await makeDrive(t, 'B'));
});
afterAll(() => t.close());

describe('what the public page tells of a donor', () => {
  it('shows an anonymous gift without its unit: a small office would name its donor', async () => {
    expect((await fin.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ donorKind: 'anonymous', donorName: null, donorUnit: '机关党委办公室', amountFen: 1 }))).statusCode).toBe(201);
    expect((await fin.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ donorName: '张三丰', donorUnit: '财务科', amountFen: 2 }))).statusCode).toBe(201);
    const thanks = (await t.app.inject({ method: 'GET', url: `/api/public/donation-drives/${driveId}/thanks` })).json().items;
    expect(thanks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ donorKind: 'anonymous', donorName: null, donorUnit: null, amountFen: 1 }),
        expect.objectContaining({ donorKind: 'person', donorName: '张**', donorUnit: '财务科', amountFen: 2 }),
      ]),
    );
    expect(JSON.stringify(thanks)).not.toContain('机关党委办公室');
  });

  it('refuses an ID or bank card number in a donor’s name or unit, alone or in a batch row', async () => {
    for (const [field, value] of [
      ['donorName', '410802199001011234'],
      ['donorName', '张三 410802 19900101 1234'],
      ['donorUnit', '6222-0212-3456-7890-123'],
    ]) {
      const res = await fin.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ [field]: value }));
      expect(res.statusCode, value).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual([`body.${field}`]);
    }
    const batch = await fin.post(`/api/donation-drives/${driveId}/donation-batches`, { channel: 'cash', receivedOn: '2026-03-01', rows: [{ donorName: '李四', amountFen: 100 }, { donorName: '410802199001011234', amountFen: 100 }] });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['body.rows.1.donorName']);
    // A name with a few digits (a staff number, a workshop) is a name.
    expect((await fin.post(`/api/donation-drives/${driveId}/donations`, sampleDonation({ donorName: '职工2021', donorUnit: '第3车间' }))).statusCode).toBe(201);
  });
});
