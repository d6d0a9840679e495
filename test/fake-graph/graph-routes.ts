// Graph API paths under /users/{id}: the user, events, contact folders and contacts (CRUD and delta).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requireMailbox, requirePermission, type RouteContext } from './context';
import { serveDelta } from './delta-routes';
import { GraphError, parseJsonBody, readBody, sendJson } from './http-util';
import type { ContactInput, Mailbox } from './model';
import { contactJson, eventJson, userJson } from './serialize';
import { sendActivityNotification } from './activity-feed-routes';

const notFound = () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

const CONTACT_FIELDS = ['givenName', 'surname', 'displayName', 'emailAddresses', 'companyName', 'jobTitle', 'businessPhones', 'mobilePhone'] as const;

function contactInput(body: Record<string, unknown>): ContactInput {
  const input: Record<string, unknown> = {};
  for (const field of CONTACT_FIELDS) if (field in body) input[field] = body[field];
  return input as ContactInput;
}

function folderOf(mailbox: Mailbox, folderId: string | undefined): string {
  if (folderId === undefined) return mailbox.defaultFolderId;
  if (!mailbox.folders.has(folderId)) throw notFound();
  return folderId;
}

/** parts: path segments after /users; linkBase: origin plus version prefix plus the request path, for paging links. */
export async function routeUsers(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  parts: string[],
  query: URLSearchParams,
  linkBase: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const mailbox = requireMailbox(ctx, parts[0] ?? '');
  const rest = parts.slice(1);
  const [a, b, c, d, e] = rest;

  if (rest.length === 0 && method === 'GET') return sendJson(res, 200, userJson(mailbox));

  if (a === 'teamwork' && b === 'sendActivityNotification' && rest.length === 2 && method === 'POST')
    return sendActivityNotification(req, res, mailbox, (entry) => ctx.model.activityNotifications.push(entry), ctx.model.now());

  if (a === 'calendarView' && b === 'delta' && rest.length === 2 && method === 'GET') return serveDelta(ctx, req, res, mailbox, 'events', '', query, linkBase);

  if (a === 'events' && b !== undefined && rest.length === 2 && method === 'GET') {
    requirePermission(mailbox, 'calendar');
    const stored = mailbox.events.get(b);
    const master = mailbox.series.get(b);
    if (master) return sendJson(res, 200, eventJson({ event: master, seq: 0, removed: false, startMs: 0, endMs: 0, prevRange: null }, mailbox));
    if (!stored || stored.removed) throw notFound();
    return sendJson(res, 200, eventJson(stored, mailbox));
  }

  if (a === 'contactFolders' && rest.length === 1) {
    requirePermission(mailbox, 'contacts');
    if (method === 'GET') {
      const wanted = /^displayName eq '(.*)'$/.exec(query.get('$filter') ?? '')?.[1]?.replaceAll("''", "'");
      const folders = [...mailbox.folders.values()].filter((f) => f.id !== mailbox.defaultFolderId && (wanted === undefined || f.displayName === wanted));
      return sendJson(res, 200, { value: folders });
    }
    if (method === 'POST') {
      const displayName = parseJsonBody(await readBody(req)).displayName;
      if (typeof displayName !== 'string' || displayName === '') throw new GraphError(400, 'ErrorInvalidRequest', 'displayName is required.');
      if ([...mailbox.folders.values()].some((f) => f.displayName === displayName && f.id !== mailbox.defaultFolderId))
        throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
      return sendJson(res, 201, ctx.model.addContactFolder(mailbox.id, displayName));
    }
  }

  if (a === 'contactFolders' && b !== undefined && rest.length === 2 && method === 'GET') {
    requirePermission(mailbox, 'contacts');
    return sendJson(res, 200, mailbox.folders.get(folderOf(mailbox, b)));
  }

  // /contacts... and /contactFolders/{id}/contacts... share one handler
  const inFolder = a === 'contactFolders' && c === 'contacts';
  if (a === 'contacts' || inFolder) {
    requirePermission(mailbox, 'contacts');
    const folderId = folderOf(mailbox, inFolder ? b : undefined);
    const [item, extra] = inFolder ? [d, e] : [b, c];
    if (extra !== undefined) throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${extra}'.`);
    // Contact delta is documented on a folder only (Learn: "contact: delta"); /users/{id}/contacts/delta is not.
    if (item === 'delta' && method === 'GET') {
      if (!inFolder) throw new GraphError(400, 'BadRequest', "Resource not found for the segment 'delta'. Use /contactFolders/{id}/contacts/delta.");
      return serveDelta(ctx, req, res, mailbox, 'contacts', folderId, query, linkBase);
    }
    if (item === undefined && method === 'GET')
      return sendJson(res, 200, { value: ctx.model.contacts(mailbox.id, folderId).map((contact) => contactJson({ contact, seq: 0, removed: false })) });
    if (item === undefined && method === 'POST') {
      const created = ctx.model.addContact(mailbox.id, contactInput(parseJsonBody(await readBody(req))), folderId);
      return sendJson(res, 201, contactJson({ contact: created, seq: 0, removed: false }));
    }
    if (item !== undefined) {
      const stored = mailbox.contacts.get(item);
      if (!stored || stored.removed || stored.contact.parentFolderId !== folderId) throw notFound();
      if (method === 'GET') return sendJson(res, 200, contactJson(stored));
      if (method === 'PATCH')
        return sendJson(
          res,
          200,
          contactJson({ contact: ctx.model.updateContact(mailbox.id, item, contactInput(parseJsonBody(await readBody(req)))), seq: 0, removed: false }),
        );
      if (method === 'DELETE') {
        ctx.model.deleteContact(mailbox.id, item);
        res.writeHead(204).end();
        return;
      }
    }
  }
  throw new GraphError(400, 'BadRequest', `Unsupported request: ${method} /users/${parts.join('/')}`);
}
