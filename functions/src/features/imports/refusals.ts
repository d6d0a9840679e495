// The CRM's own refusal of a row's write (a DomainError from the accounts, contacts or privacy rules) as a reason with a
// code, so a commit outcome that quotes it reads German in German too. The error's message is English and may name an
// address or a company; the codes go by what the error says about itself (its kind, field and details), and the
// English outcome keeps quoting the message as it always did.
import type { DomainError } from '../../core/errors';
import { because, type Reason } from './reasons';

export function refusalOf(error: DomainError): Reason {
  const reason = error.details?.reason;
  if (reason === 'erased') return because('refusal.erased');
  if (reason === 'restricted') return because('refusal.restricted');
  const field = error.field ?? '';
  if (error.kind === 'conflict' && field.startsWith('emails')) return because('refusal.emailTaken');
  if (error.kind === 'conflict' && field.startsWith('domains')) return because('refusal.domainTaken');
  if (error.kind === 'precondition_failed') return because('refusal.changedMeanwhile');
  if (error.kind === 'not_found') return because('refusal.notFound');
  if (error.kind === 'invalid') return because('refusal.invalid', { field: field || null });
  return because('refusal.other');
}
