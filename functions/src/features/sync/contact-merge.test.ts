import { describe, expect, it } from 'vitest';
import { addedAddresses, mergeContact, type SyncedSnapshot } from './contact-merge';

const fields = (over: Partial<Record<'firstName' | 'lastName' | 'jobTitle' | 'phone', string>> = {}) => ({
  firstName: 'Julia',
  lastName: 'Hoffmann',
  jobTitle: 'Einkauf',
  phone: '+49 711 1',
  ...over,
});
const earlier = new Date('2026-11-01T10:00:00Z');
const later = new Date('2026-11-02T10:00:00Z');

describe('two-way contact merge', () => {
  it("takes each side's own changes and reports nothing when they touch different fields", () => {
    const last: SyncedSnapshot = { crm: fields(), outlook: fields() };
    const result = mergeContact(fields({ jobTitle: 'Leitung Einkauf' }), earlier, fields({ phone: '+49 711 2' }), later, last);
    expect(result.toCrm).toEqual({ phone: '+49 711 2' });
    expect(result.toOutlook).toEqual({ jobTitle: 'Leitung Einkauf' });
    expect(result.conflicts).toEqual([]);
    expect(result.snapshot.crm).toEqual(result.snapshot.outlook);
  });

  it('lets the newer change win when both sides changed the same field, and records the conflict', () => {
    const last: SyncedSnapshot = { crm: fields(), outlook: fields() };
    const outlookNewer = mergeContact(fields({ jobTitle: 'CRM title' }), earlier, fields({ jobTitle: 'Outlook title' }), later, last);
    expect(outlookNewer.toCrm).toEqual({ jobTitle: 'Outlook title' });
    expect(outlookNewer.conflicts).toEqual([{ field: 'jobTitle', crmValue: 'CRM title', outlookValue: 'Outlook title', winner: 'outlook' }]);
    const crmNewer = mergeContact(fields({ jobTitle: 'CRM title' }), later, fields({ jobTitle: 'Outlook title' }), earlier, last);
    expect(crmNewer.toOutlook).toEqual({ jobTitle: 'CRM title' });
    expect(crmNewer.conflicts[0]!.winner).toBe('crm');
  });

  it('on first link fills gaps on either side and otherwise keeps the CRM value, without conflicts', () => {
    const result = mergeContact(fields({ phone: '' }), earlier, fields({ jobTitle: 'Anything' }), later, null);
    expect(result.toCrm).toEqual({ phone: '+49 711 1' });
    expect(result.toOutlook).toEqual({ jobTitle: 'Einkauf' });
    expect(result.conflicts).toEqual([]);
  });

  it('changes nothing when neither side moved', () => {
    const last: SyncedSnapshot = { crm: fields(), outlook: fields({ phone: 'old' }) };
    expect(mergeContact(fields(), later, fields({ phone: 'old' }), later, last)).toMatchObject({ toCrm: {}, toOutlook: {}, conflicts: [] });
  });

  it('adds the addresses Outlook gained since the last sync, never one the CRM removed, and takes none away', () => {
    const last: SyncedSnapshot = { crm: fields(), outlook: fields(), outlookEmails: ['a@x.de', 'b@x.de'] };
    expect(addedAddresses(['a@x.de'], ['a@x.de', 'b@x.de', 'c@x.de'], last)).toEqual(['c@x.de']);
    expect(addedAddresses(['a@x.de', 'z@x.de'], ['a@x.de'], last)).toEqual([]);
    expect(addedAddresses(['a@x.de'], ['p@gmail.com', 'a@x.de'], null)).toEqual(['p@gmail.com']);
  });
});
