// Ids derived from a name: the same name always gives the same UUID, so a retried step that creates a record finds the
// one it made the first time (a lead's conversion, a case's escalation follow-up).
import { createHash } from 'node:crypto';

/** RFC 9562 version 8 (custom) UUID from SHA-256 of the name, with the RFC variant bits. */
export function nameBasedId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
