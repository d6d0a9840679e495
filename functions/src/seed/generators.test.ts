// The generators are deterministic, their ids valid and unique, and their emails unique however many contacts an account has.
import { Uuid } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { contactGenerator, layoutContacts, personAt } from './contacts';
import { idSource } from './ids';
import { interactionGenerator } from './interactions';
import { weightedIndex } from './picker';
import { scaledSampleEmails } from './seed-scaled';
import { planTenant } from './tenant-plan';
import type { TenantSpec } from './tenant-spec';

const spec = (overrides: Partial<TenantSpec> = {}): TenantSpec => ({
  tenantId: '11111111-2222-4333-8444-555555555555',
  name: 'Test',
  seed: 1,
  now: new Date('2026-11-24T08:00:00Z'),
  sellerDomain: 'seller.example',
  users: [
    { id: 'u1', oid: 'o1', displayName: 'Writer', email: 'w@seller.example', roles: ['CRM.User'] },
    { id: 'u2', oid: 'o2', displayName: 'Reader', email: 'r@seller.example', roles: ['CRM.Reader'] },
  ],
  sizes: { accounts: 300, contacts: 3_000, interactions: 1_000, opportunities: 100, tasks: 100 },
  ...overrides,
});

describe('seed generators', () => {
  it('makes valid v4 UUIDs that never collide, and differ per tenant', () => {
    const ids = idSource(1, 'tenant-a');
    const made = new Set<string>();
    for (const kind of ['account', 'contact', 'interaction'] as const) {
      for (let i = 0; i < 30_000; i++) made.add(ids.uuid(kind, i));
    }
    expect(made.size).toBe(90_000);
    for (const id of [...made].slice(0, 2_000)) expect(Uuid.safeParse(id).success).toBe(true);
    expect(idSource(1, 'tenant-b').uuid('account', 0)).not.toBe(ids.uuid('account', 0));
    expect(idSource(1, 'tenant-a').uuid('account', 0)).toBe(ids.uuid('account', 0));
  });

  it('plans the same tenant twice from the same spec, and the same interaction from the same index', () => {
    const [a, b] = [planTenant(spec()), planTenant(spec())];
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(interactionGenerator(b)(777)).toEqual(interactionGenerator(a)(777));
    expect(contactGenerator(b)(1_234)).toEqual(contactGenerator(a)(1_234));
  });

  it('gives every account at least one contact and uses up exactly the requested number', () => {
    const { accounts, layout } = planTenant(spec());
    expect(layout.start[accounts.length]).toBe(3_000);
    for (let a = 0; a < accounts.length; a++) expect(layout.start[a + 1]! - layout.start[a]!).toBeGreaterThanOrEqual(1);
    expect(layoutContacts(accounts, 120).start[accounts.length]).toBe(120);
  });

  it('keeps emails unique within an account far beyond the name pool', () => {
    const { accounts } = planTenant(spec());
    const account = accounts.find((a) => a.country.culture === 'de')!;
    const locals = new Set(Array.from({ length: 5_000 }, (_, m) => personAt(account, m).local));
    expect(locals.size).toBe(5_000);
  });

  it('lets no reader own accounts or log interactions', () => {
    const plan = planTenant(spec());
    expect(new Set(plan.accounts.map((a) => a.ownerId))).toEqual(new Set(['u1']));
    const interactionAt = interactionGenerator(plan);
    for (let k = 0; k < 500; k++) expect(interactionAt(k).createdBy).toBe('u1');
  });

  it('derives sample emails from sizes and seed alone', () => {
    const sizes = { accounts: 1_000, contacts: 10_000 };
    const sample = scaledSampleEmails(sizes, 2_000);
    expect(new Set(sample).size).toBe(2_000);
    expect(scaledSampleEmails(sizes, 2_000)).toEqual(sample);
    expect(scaledSampleEmails({ ...sizes, seed: 8 }, 2_000)).not.toEqual(sample);
  });

  it('picks by weight', () => {
    const pick = weightedIndex([1, 0, 3]);
    expect([0, 0.2, 0.25, 0.99].map(pick)).toEqual([0, 0, 2, 2]);
  });
});
