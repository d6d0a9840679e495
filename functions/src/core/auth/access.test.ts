// Who may do what: the data protection officer's role reads and answers data subject requests, nothing else.
import { describe, expect, it } from 'vitest';
import { requireAccess } from './access';
import { AuthError } from './principal';

const refused = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error instanceof AuthError ? error.status : error;
  }
  return 'allowed';
};

describe('requireAccess', () => {
  it('lets CRM.Privacy and CRM.Admin handle data subject requests, and no other role', () => {
    expect(refused(() => requireAccess(['CRM.Privacy'], 'privacy'))).toBe('allowed');
    expect(refused(() => requireAccess(['CRM.Admin'], 'privacy'))).toBe('allowed');
    for (const role of ['CRM.Manager', 'CRM.User', 'CRM.Reader'] as const) expect(refused(() => requireAccess([role], 'privacy'))).toBe(403);
  });

  it('lets CRM.Privacy read CRM data but not change or delete it', () => {
    expect(refused(() => requireAccess(['CRM.Privacy'], 'read'))).toBe('allowed');
    expect(refused(() => requireAccess(['CRM.Privacy'], 'write'))).toBe(403);
    expect(refused(() => requireAccess(['CRM.Privacy'], 'manage'))).toBe(403);
  });

  it('names the roles a refused call needs', () => {
    expect(() => requireAccess(['CRM.User'], 'privacy')).toThrow(/needs one of CRM\.Privacy, CRM\.Admin/);
  });
});
