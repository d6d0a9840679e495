// calendarView/delta and contacts/delta: first call, skip-token pages from a snapshot, and delta-token rounds; stale tokens answer 410.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requirePermission, type RouteContext } from './context';
import { collectChanges, decodeDeltaToken, decodeSkipToken, encodeDeltaToken, encodeSkipToken, type DeltaScope, type Snapshot } from './delta';
import { GraphError, preferences, sendJson } from './http-util';
import type { Mailbox } from './model';
import { isKnownZone } from './time-zones';

const syncStateGone = () => new GraphError(410, 'SyncStateNotFound', 'The sync state generation is invalid or expired.');

function initialScope(query: URLSearchParams, kind: DeltaScope['kind'], folderId: string): DeltaScope {
  if (kind === 'contacts') return { kind, folderId };
  const start = Date.parse(query.get('startDateTime') ?? '');
  const end = Date.parse(query.get('endDateTime') ?? '');
  if (Number.isNaN(start) || Number.isNaN(end))
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  return { kind, windowStart: start, windowEnd: end };
}

/** linkBase: the request's own URL without query, so links point back at the same path on the fake. */
export function serveDelta(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  mailbox: Mailbox,
  kind: DeltaScope['kind'],
  folderId: string,
  query: URLSearchParams,
  linkBase: string,
): void {
  requirePermission(mailbox, kind === 'events' ? 'calendar' : 'contacts');
  const prefs = preferences(req);
  const requested = Number(prefs.get('odata.maxpagesize'));
  const pageSize = Number.isInteger(requested) && requested > 0 ? Math.min(requested, ctx.maxPageSize) : ctx.defaultPageSize;
  const zone = prefs.get('outlook.timezone');
  const honoursZone = kind === 'contacts' || !mailbox.calendarQuirks.ignoresTimeZonePreference;
  const useZone = honoursZone && zone !== undefined && isKnownZone(zone) ? zone : undefined;
  let emptyFirstPage = false;

  let snapshotId: string;
  let offset = 0;
  const skip = query.get('$skiptoken');
  const deltaToken = query.get('$deltatoken');
  if (skip !== null) {
    const decoded = decodeSkipToken(skip);
    const snapshot = decoded && ctx.snapshots.get(decoded.snapshotId);
    if (!decoded || !snapshot || snapshot.mailboxId !== mailbox.id || snapshot.generation !== mailbox.generation) throw syncStateGone();
    snapshotId = decoded.snapshotId;
    offset = decoded.offset;
  } else {
    let scope: DeltaScope;
    let since: number | null = null;
    if (deltaToken !== null) {
      const state = decodeDeltaToken(deltaToken);
      if (!state || state.mailboxId !== mailbox.id || state.generation !== mailbox.generation || state.scope.kind !== kind) throw syncStateGone();
      scope = state.scope;
      since = state.seq;
    } else {
      scope = initialScope(query, kind, folderId);
      emptyFirstPage = kind === 'events' && mailbox.calendarQuirks.emptyFirstDeltaPage;
    }
    const snapshot: Snapshot = {
      mailboxId: mailbox.id,
      generation: mailbox.generation,
      scope,
      seq: mailbox.seq,
      items: collectChanges(mailbox, scope, since, useZone),
    };
    snapshotId = ctx.snapshots.create(snapshot);
  }

  const snapshot = ctx.snapshots.get(snapshotId)!;
  // An empty page that only points on is a valid delta page: a client must follow nextLink until a deltaLink comes.
  const size = emptyFirstPage ? 0 : pageSize;
  const value = snapshot.items.slice(offset, offset + size);
  const more = emptyFirstPage || offset + size < snapshot.items.length;
  const link = more
    ? { '@odata.nextLink': `${linkBase}?$skiptoken=${encodeSkipToken(snapshotId, offset + size)}` }
    : {
        '@odata.deltaLink': `${linkBase}?$deltatoken=${encodeDeltaToken({ mailboxId: mailbox.id, generation: snapshot.generation, seq: snapshot.seq, scope: snapshot.scope })}`,
      };
  const applied = [prefs.has('odata.maxpagesize') ? `odata.maxpagesize=${pageSize}` : '', useZone ? `outlook.timezone="${useZone}"` : '']
    .filter(Boolean)
    .join(', ');
  sendJson(
    res,
    200,
    { '@odata.context': `${ctx.origin}/v1.0/$metadata#Collection(${kind === 'events' ? 'event' : 'contact'})`, ...link, value },
    applied ? { 'preference-applied': applied } : {},
  );
}
