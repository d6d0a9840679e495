// The audit entries that become webhook events, and the ones that stay internal.
import { describe, expect, it } from 'vitest';
import { webhookEventOf } from './webhook-events';

describe('webhookEventOf', () => {
  it('names record changes, logged interactions, consent changes and erasures', () => {
    expect(webhookEventOf({ action: 'create', entity: 'account' })).toBe('account.created');
    expect(webhookEventOf({ action: 'update', entity: 'contact', changedFields: ['jobTitle'] })).toBe('contact.changed');
    expect(webhookEventOf({ action: 'delete', entity: 'opportunity' })).toBe('opportunity.deleted');
    expect(webhookEventOf({ action: 'sync', entity: 'contact' })).toBe('contact.created');
    expect(webhookEventOf({ action: 'sync', entity: 'contact', changedFields: ['phones'] })).toBe('contact.changed');
    expect(webhookEventOf({ action: 'log', entity: 'interaction' })).toBe('interaction.logged');
    expect(webhookEventOf({ action: 'consent', entity: 'contact' })).toBe('consent.changed');
    expect(webhookEventOf({ action: 'erase', entity: 'contact' })).toBe('person.erased');
    expect(webhookEventOf({ action: 'convert', entity: 'lead' })).toBe('lead.converted');
    expect(webhookEventOf({ action: 'update', entity: 'case', changedFields: ['status'] })).toBe('case.changed');
    expect(webhookEventOf({ action: 'update', entity: 'lead' })).toBeNull();
  });

  it('keeps follow-ups, settings, repeat logs and restrictions internal', () => {
    expect(webhookEventOf({ action: 'create', entity: 'task' })).toBeNull();
    expect(webhookEventOf({ action: 'settings', entity: 'tenant' })).toBeNull();
    expect(webhookEventOf({ action: 'log-again', entity: 'interaction' })).toBeNull();
    expect(webhookEventOf({ action: 'restrict', entity: 'contact' })).toBeNull();
  });
});
