// The analytics settings live in the tenant settings: an existing tenant reads their defaults, a partial document keeps
// its values, and a PUT body with a typo or impossible shares is refused.
import { InsightsSettings, TenantSettings } from '@crm/common';
import { expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { defaultSettings, getSettings } from '../settings';

describeEachDatabase('insights settings', (getDb) => {
  const storeDocument = (tenantId: string, document: unknown) =>
    getDb().query(`UPDATE tenants SET settings = $2 WHERE tenant_id = $1`, [tenantId, JSON.stringify(document)]);

  it('gives a tenant saved before the insights existed the written-down defaults', async () => {
    const admin = await seedActor(getDb(), { roles: ['CRM.Admin'] });
    const { insights, ...older } = defaultSettings;
    await storeDocument(admin.tenantId, older);
    expect((await getSettings(getDb(), admin.tenantId)).insights).toEqual(insights);
    expect(insights).toEqual({
      revenueSource: 'imported',
      // Figures per employee need a works council agreement (BetrVG §87(1) Nr. 6): off until an admin switches them on.
      perEmployeeFigures: false,
      abc: { aPercent: 10, bPercent: 20 },
      clv: { horizonYears: 5, discountRatePercent: 8, defaultMarginPercent: 30, historyYears: 3 },
      churn: { weights: { inactivity: 35, revenueTrend: 25, complaints: 20, consents: 10, buyingCenter: 10 }, sleepingRhythmFactor: 2 },
      segments: {
        atRiskMinScore: 60,
        atRiskDeclinePercent: 20,
        championsTopPercent: 20,
        championsMinYears: 2,
        loyalMinYears: 2,
        potentialGrowthPercent: 20,
        rules: { atRiskScore: true, atRiskDecline: true, champions: true, loyal: true, potentialRating: true, potentialPipeline: true, potentialGrowth: true, potentialNew: true },
      },
    });
  });

  it('keeps the saved values of a partial document, fills the rest and drops retired keys', async () => {
    const admin = await seedActor(getDb(), { roles: ['CRM.Admin'] });
    await storeDocument(admin.tenantId, { insights: { clv: { horizonYears: 10, retired: 1 }, churn: { weights: { complaints: 40 } } } });
    const read = (await getSettings(getDb(), admin.tenantId)).insights;
    expect(read?.clv).toEqual({ horizonYears: 10, discountRatePercent: 8, defaultMarginPercent: 30, historyYears: 3 });
    expect(read?.churn.weights).toEqual({ inactivity: 35, revenueTrend: 25, complaints: 40, consents: 10, buyingCenter: 10 });
  });
});

it('refuses an unknown key and shares over 100 % in the PUT body, naming the field', () => {
  const body = (insights: unknown) => TenantSettings.safeParse({ ...defaultSettings, insights });
  expect(body({ clv: { horizon: 5 } }).error?.issues[0]?.path).toEqual(['insights', 'clv']);
  expect(body({ abc: { aPercent: 60, bPercent: 50 } }).error?.issues[0]).toMatchObject({
    path: ['insights', 'abc'],
    message: 'aPercent and bPercent together must not exceed 100',
  });
  expect(InsightsSettings.parse({ abc: { aPercent: 20 } }).abc).toEqual({ aPercent: 20, bPercent: 20 });
});
