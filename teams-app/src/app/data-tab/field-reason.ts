// The server's reason for a form field, from a 400's problem document, which names nested fields by path
// (serviceLevels.high.firstResponseHours): asked for a field, the first reason for it or for one under it.
import { ApiError } from '@crm/common/web';

export function reasonOf(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem?.errors?.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.reason;
}
