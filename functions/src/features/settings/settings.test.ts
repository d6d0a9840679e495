// Tenant settings are replaced as a whole and only by someone who read the current version.
import { expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import { getSettings } from './store';
import { replaceSettings } from './service';
import { defaultSettings } from './defaults';

describeEachDatabase('tenant settings', (getDb) => {
  const newAdmin = () => seedActor(getDb(), { roles: ['CRM.Admin'] });

  it('starts every tenant with the default stage model at version 1', async () => {
    const admin = await newAdmin();
    expect(await getSettings(getDb(), admin.tenantId)).toEqual({ ...defaultSettings, etag: '"1"' });
  });

  it('replaces the settings with the version read and refuses a stale version without changing anything', async () => {
    const admin = await newAdmin();
    const stages = [{ key: 'only', label: { de: 'Einzig', en: 'Only' }, probability: 40 }];
    const graphSync = { ...defaultSettings.graphSync, connected: true };
    const saved = await replaceSettings(
      getDb(),
      admin,
      { stages, sleepingAfterDays: 30, defaultCurrency: 'CHF', graphSync, internalDomains: ['werk.example'] },
      1,
    );
    expect(saved).toEqual({
      stages,
      sleepingAfterDays: 30,
      defaultCurrency: 'CHF',
      graphSync,
      internalDomains: ['werk.example'],
      insights: defaultSettings.insights,
      leads: defaultSettings.leads,
      serviceLevels: defaultSettings.serviceLevels,
      logWhenSentToCustomers: false,
      etag: '"2"',
    });
    expect(await getSettings(getDb(), admin.tenantId)).toEqual(saved);

    await domainError(replaceSettings(getDb(), admin, defaultSettings, 1), 'precondition_failed');
    expect(await getSettings(getDb(), admin.tenantId)).toEqual(saved);
  });

  const storeDocument = (tenantId: string, document: unknown) =>
    getDb().query(`UPDATE tenants SET settings = $2 WHERE tenant_id = $1`, [tenantId, JSON.stringify(document)]);

  it('reads a document saved before graphSync existed, or before one of its keys existed, with the defaults', async () => {
    const admin = await newAdmin();
    const { graphSync, ...older } = defaultSettings;
    await storeDocument(admin.tenantId, { ...older, sleepingAfterDays: 45 });
    expect(await getSettings(getDb(), admin.tenantId)).toEqual({ ...defaultSettings, sleepingAfterDays: 45, etag: '"1"' });

    await storeDocument(admin.tenantId, { ...older, graphSync: { connected: true, contactCreation: 'never', calendarDaysBack: 30 } });
    expect((await getSettings(getDb(), admin.tenantId)).graphSync).toEqual({ ...graphSync, connected: true, contactCreation: 'never', calendarDaysBack: 30 });
  });

  it('keeps "Log when sent" off for emails to customers unless an admin turns it on, also in a document saved before it existed', async () => {
    const admin = await newAdmin();
    const { logWhenSentToCustomers, ...older } = defaultSettings;
    expect(logWhenSentToCustomers).toBe(false);
    await storeDocument(admin.tenantId, older);
    expect((await getSettings(getDb(), admin.tenantId)).logWhenSentToCustomers).toBe(false);
    const saved = await replaceSettings(getDb(), admin, { ...older, logWhenSentToCustomers: true }, 1);
    expect(saved.logWhenSentToCustomers).toBe(true);
    expect((await getSettings(getDb(), admin.tenantId)).logWhenSentToCustomers).toBe(true);
  });

  it('drops keys the schema no longer has, top-level and nested', async () => {
    const admin = await newAdmin();
    await storeDocument(admin.tenantId, { ...defaultSettings, retiredFlag: true, graphSync: { ...defaultSettings.graphSync, retiredPolicy: 'x' } });
    expect(await getSettings(getDb(), admin.tenantId)).toEqual({ ...defaultSettings, etag: '"1"' });
  });

  it("changes only the caller's tenant", async () => {
    const [admin, other] = [await newAdmin(), await newAdmin()];
    await replaceSettings(getDb(), other, { ...defaultSettings, sleepingAfterDays: 365 }, 1);
    expect(await getSettings(getDb(), admin.tenantId)).toEqual({ ...defaultSettings, etag: '"1"' });
  });
});
