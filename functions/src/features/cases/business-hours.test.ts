// Due times in business hours, against hand-computed instants: Monday to Friday 08:00-17:00 in Europe/Berlin (CET is
// UTC+1, CEST UTC+2; summer time ended on 25 October 2026 and starts on 28 March 2027).
import { randomUUID } from 'node:crypto';
import { BusinessHours, ServiceLevelSettings } from '@crm/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { addBusinessHours } from './business-hours';
import { dueTimes } from './service-levels';

const BERLIN = BusinessHours.parse({ timeZone: 'Europe/Berlin' });
const at = (iso: string) => new Date(iso);
const plus = (from: string, hours: number, hours_ = BERLIN) => addBusinessHours(at(from), hours, hours_).toISOString();

describe('business hours', () => {
  it('carries what is left on Friday evening over the weekend to Monday', () => {
    // Fri 27 Nov 15:00 CET: 2 h until 17:00, the other 6 h from Mon 08:00 CET, so 14:00 CET = 13:00 UTC.
    expect(plus('2026-11-27T14:00:00Z', 8)).toBe('2026-11-30T13:00:00.000Z');
  });

  it('starts counting at the next opening when the message came in before or after the hours', () => {
    // Mon 30 Nov 06:30 CET: from 08:00 CET, 2 h later 10:00 CET.
    expect(plus('2026-11-30T05:30:00Z', 2)).toBe('2026-11-30T09:00:00.000Z');
    // Mon 30 Nov 18:00 CET: from Tue 08:00 CET.
    expect(plus('2026-11-30T17:00:00Z', 2)).toBe('2026-12-01T09:00:00.000Z');
    // Sat 28 Nov noon: from Mon 08:00 CET.
    expect(plus('2026-11-28T11:00:00Z', 1)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('spans several working days', () => {
    // Mon 08:00 CET + 24 h: 9 on Monday, 9 on Tuesday, 6 on Wednesday, so Wed 2 Dec 14:00 CET.
    expect(plus('2026-11-30T07:00:00Z', 24)).toBe('2026-12-02T13:00:00.000Z');
  });

  it('follows the end of summer time over the weekend', () => {
    // Fri 23 Oct 16:00 CEST (14:00 UTC): 1 h until 17:00 CEST; Mon 26 Oct opens 08:00 CET = 07:00 UTC, +3 h.
    expect(plus('2026-10-23T14:00:00Z', 4)).toBe('2026-10-26T10:00:00.000Z');
  });

  it('follows the start of summer time over the weekend', () => {
    // Fri 26 Mar 16:00 CET (15:00 UTC): 1 h; Mon 29 Mar opens 08:00 CEST = 06:00 UTC, +3 h.
    expect(plus('2027-03-26T15:00:00Z', 4)).toBe('2027-03-29T09:00:00.000Z');
  });

  it('counts nothing on holidays', () => {
    const christmas = BusinessHours.parse({ timeZone: 'Europe/Berlin', holidays: ['2026-12-24', '2026-12-25'] });
    // Wed 23 Dec 16:00 CET: 1 h; Thu and Fri off, the weekend; Mon 28 Dec the full 9 h, so 17:00 CET.
    expect(plus('2026-12-23T15:00:00Z', 10, christmas)).toBe('2026-12-28T16:00:00.000Z');
  });

  it('counts on the clock without business hours, and refuses hours that cannot be', () => {
    const clock = ServiceLevelSettings.parse({});
    expect(dueTimes(at('2026-11-27T14:00:00Z'), 'high', clock).firstResponseDue.toISOString()).toBe('2026-11-27T22:00:00.000Z');
    expect(BusinessHours.safeParse({ timeZone: 'Mitteleuropa' }).error?.issues[0]).toMatchObject({ path: ['timeZone'] });
    expect(BusinessHours.safeParse({ timeZone: 'Europe/Berlin', start: '17:00', end: '08:00' }).error?.issues[0]).toMatchObject({ path: ['end'] });
    expect(BusinessHours.safeParse({ timeZone: 'Europe/Berlin', start: '8:00' }).success).toBe(false);
  });
});

describeEachDatabase('cases in business hours', (getDb) => {
  let api: ApiHarness;
  let admin: string;
  const call = callAs(() => api);
  const created = (path: string, body: unknown) => createAs(() => api)(admin, path, body);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    admin = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    const settings = await call(admin, 'GET', '/api/settings');
    const { etag: _etag, ...document } = settings.body as Record<string, unknown>;
    const put = await call(
      admin,
      'PUT',
      '/api/settings',
      { ...document, serviceLevels: { businessHours: { timeZone: 'Europe/Berlin', holidays: ['2026-12-24'] } } },
      settings.headers.get('etag')!,
    );
    expect(put.status, put.text).toBe(200);
  });

  it("opens a case with due times in the tenant's business hours, and says which field is wrong", async () => {
    const account = await created('/api/accounts', { name: 'Wochenend Kunde GmbH' });
    // Fri 27 Nov 15:00 CET; high: 8 h to the first response, 48 h to the resolution.
    const complaint = await created('/api/interactions', { type: 'complaint', subject: 'Freitagnachmittag', occurredAt: '2026-11-27T14:00:00Z', accountIds: [account.id] });
    const opened = await created('/api/cases', { interactionId: complaint.id, priority: 'high' });
    // 2 h on Friday, then 9 h a day: Mon, Tue, Wed, Thu, Fri (46 - 45 = 1 h left), Mon 7 Dec 09:00 CET.
    expect(opened).toMatchObject({ firstResponseDue: '2026-11-30T13:00:00.000Z', resolutionDue: '2026-12-07T08:00:00.000Z' });

    const settings = await call(admin, 'GET', '/api/settings');
    const { etag: _etag, ...document } = settings.body as Record<string, unknown>;
    const wrong = await call(admin, 'PUT', '/api/settings', { ...document, serviceLevels: { businessHours: { timeZone: 'Berlin' } } }, settings.headers.get('etag')!);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'serviceLevels.businessHours.timeZone' });
  });
});
