// Errors in logs without personal data, for every place that logs a failure (API requests, timers, background sync).

/**
 * What an unexpected error may put in the log: its kind, PostgreSQL's code and constraint, and where it happened.
 * Messages and PostgreSQL's detail can quote the row ("Key (email)=(...) already exists"), so they stay out.
 */
export function redactedError(cause: unknown): Record<string, string> {
  if (!(cause instanceof Error)) return { kind: typeof cause };
  const fields = cause as Error & { code?: unknown; constraint?: unknown; table?: unknown };
  const where = (cause.stack ?? '')
    .split('\n')
    .slice(1, 6)
    .map((line) => line.trim())
    .join(' | ');
  return {
    name: cause.name,
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.constraint === 'string' ? { constraint: fields.constraint } : {}),
    ...(typeof fields.table === 'string' ? { table: fields.table } : {}),
    where,
  };
}
