// The API catalogue: every endpoint once, with its schemas. Server, client and OpenAPI all read it.
import { z } from 'zod';
import { IdParams, pageOf, PageQuery, Problem } from '../contracts/primitives';
import { Account, AccountCreate, AccountListQuery, AccountPatch } from '../contracts/accounts';
import { Contact, ContactCreate, ContactListQuery, ContactPatch } from '../contracts/contacts';
import { Import, ImportPatch, ImportPreview, ImportPreviewQuery, ImportUploadQuery } from '../contracts/imports';
import { Opportunity, OpportunityCreate, OpportunityListQuery, OpportunityPatch } from '../contracts/opportunities';
import { Task, TaskCreate, TaskListQuery, TaskPatch } from '../contracts/tasks';
import { Interaction, InteractionCreate, InteractionLookupQuery, InteractionPatch, TimelinePage, TimelineQuery } from '../contracts/interactions';
import { ConsentEntry, ConsentEntryCreate, ConsentHistory } from '../contracts/consents';
import { ContextQuery, ContextResponse } from '../contracts/context';
import { RegardingQuery, RegardingResults } from '../contracts/regarding';
import { ComposeCheckRequest, ComposeCheckResponse } from '../contracts/compose';
import { Health, Me, TenantSettings, TenantSettingsResponse } from '../contracts/tenant';
import { AccountOverview, MyWork } from '../contracts/teams';
import { AccountInsights, InsightsQuery, InsightTrend, InsightTrendQuery, TeamInsights } from '../contracts/insights';
import { Goal, GoalCreate, GoalListQuery, GoalPatch } from '../contracts/goals';
import { EmployeeInsights } from '../contracts/employee-figures';
import { ErasureQuery, ErasureRequest, ErasureResult, PersonalData, PersonalDataQuery, Restriction, RestrictionRequest } from '../contracts/privacy';
import {
  GraphNotificationBatch,
  GraphWebhookQuery,
  MySyncSwitches,
  SyncConflictList,
  SyncRunRequest,
  SyncRunResponse,
  SyncStatusResponse,
} from '../contracts/sync';
import {
  AuditEntry,
  AuditQuery,
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestListQuery,
  PrivacyRequestPatch,
  PrivacyRequestSummary,
} from '../contracts/privacy-requests';
import { AccountExportQuery, ContactExportQuery, InteractionExportQuery, OpportunityExportQuery } from '../contracts/exports';
import { AccountDuplicate, AccountMergeRequest, ContactDuplicate, ContactMergeRequest, DuplicateQuery, Merge } from '../contracts/duplicates';
import {
  RetentionPolicies,
  RetentionPoliciesQuery,
  RetentionPoliciesUpdate,
  RetentionPreview,
  RetentionRun,
  RetentionRunRequest,
} from '../contracts/retention';
import { route, type HttpMethod, type RouteName } from './routes';
import { webhookEndpoints } from './webhook-endpoints';
import { leadEndpoints } from './lead-endpoints';
import { teamEndpoints } from './team-endpoints';
import { caseEndpoints } from './case-endpoints';
import { segmentEndpoints } from './segment-endpoints';
import { automationEndpoints, notificationEndpoints } from './automation-endpoints';

export type { HttpMethod };

/** read: any role; write: not Reader or Privacy; manage: Admin or Manager; admin: Admin only; privacy: Privacy or Admin. */
export type Access = 'public' | 'read' | 'write' | 'manage' | 'admin' | 'privacy';

export interface Endpoint {
  name: string;
  method: HttpMethod;
  /** Path below /api with {param} placeholders, as Azure Functions routes write it. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Updates need If-Match with the ETag of the last read. */
  ifMatch?: boolean;
  response?: z.ZodType;
  /** The success status; idempotent creates also answer 200 with the existing record. */
  status: number;
  /** The implementation reads the body itself (Graph webhooks: a validation request has none). */
  raw?: boolean;
  /**
   * The media types the success answer comes in, the default first (application/json, described by `response`); the
   * client picks by Accept or by ?format=<subtype> (e.g. format=pdf), which the query schema then declares.
   */
  produces?: readonly [string, ...string[]];
}

const EmptyQuery = z.object({});

interface CrudSchemas<Item extends z.ZodType, Create extends z.ZodType, Patch extends z.ZodType, List extends z.ZodType> {
  item: Item;
  create: Create;
  patch: Patch;
  list: List;
}

/** The five standard operations of a collection, keeping each schema's type for the typed server table. */
const crud = <
  const Names extends { list: RouteName; create: RouteName; get: RouteName; update: RouteName; remove: RouteName },
  Item extends z.ZodType,
  Create extends z.ZodType,
  Patch extends z.ZodType,
  List extends z.ZodType,
>(
  tag: string,
  plural: string,
  schemas: CrudSchemas<Item, Create, Patch, List>,
  names: Names,
) =>
  [
    {
      ...route(names.list as Names['list']),
      summary: `List and search ${plural}`,
      tag,
      access: 'read',
      query: schemas.list,
      response: pageOf(schemas.item),
      status: 200,
    },
    {
      ...route(names.create as Names['create']),
      summary: `Create (idempotent when the client sends an id)`,
      tag,
      access: 'write',
      body: schemas.create,
      response: schemas.item,
      status: 201,
    },
    {
      ...route(names.get as Names['get']),
      summary: `Read one`,
      tag,
      access: 'read',
      params: IdParams,
      response: schemas.item,
      status: 200,
    },
    {
      ...route(names.update as Names['update']),
      summary: `Update (If-Match required)`,
      tag,
      access: 'write',
      params: IdParams,
      body: schemas.patch,
      ifMatch: true,
      response: schemas.item,
      status: 200,
    },
    {
      ...route(names.remove as Names['remove']),
      summary: `Delete (If-Match required)`,
      tag,
      access: 'manage',
      params: IdParams,
      ifMatch: true,
      status: 204,
    },
  ] as const;

// Outside the array literal: inside it, its contextual type would widen the names to string.
const accountCrud = crud(
  'accounts',
  'accounts',
  { item: Account, create: AccountCreate, patch: AccountPatch, list: AccountListQuery },
  { list: 'listAccounts', create: 'createAccount', get: 'getAccount', update: 'updateAccount', remove: 'deleteAccount' },
);
const contactCrud = crud(
  'contacts',
  'contacts',
  { item: Contact, create: ContactCreate, patch: ContactPatch, list: ContactListQuery },
  { list: 'listContacts', create: 'createContact', get: 'getContact', update: 'updateContact', remove: 'deleteContact' },
);
const opportunityCrud = crud(
  'opportunities',
  'opportunities',
  { item: Opportunity, create: OpportunityCreate, patch: OpportunityPatch, list: OpportunityListQuery },
  { list: 'listOpportunities', create: 'createOpportunity', get: 'getOpportunity', update: 'updateOpportunity', remove: 'deleteOpportunity' },
);
const taskCrud = crud(
  'tasks',
  'tasks',
  { item: Task, create: TaskCreate, patch: TaskPatch, list: TaskListQuery },
  { list: 'listTasks', create: 'createTask', get: 'getTask', update: 'updateTask', remove: 'deleteTask' },
);

/** Graph's webhooks: no token (Graph cannot send one), the body read by the handler since the handshake has none. */
const graphWebhook = <N extends 'graphNotifications' | 'graphLifecycle'>(name: N, summary: string) =>
  ({
    ...route(name),
    summary,
    tag: 'sync',
    access: 'public',
    query: GraphWebhookQuery,
    body: GraphNotificationBatch,
    raw: true,
    status: 202,
  }) as const;

/** A list as a file: CSV for German Excel (UTF-8 with BOM, semicolons) or XLSX, with the list's filters. */
const exportFile = <N extends 'exportAccounts' | 'exportContacts' | 'exportOpportunities' | 'exportInteractions', Q extends z.ZodType>(
  name: N,
  what: string,
  query: Q,
) =>
  ({
    ...route(name),
    summary: `Export ${what} as CSV (format=csv, decimal=comma|point) or XLSX (format=xlsx), with the list's filters`,
    tag: 'exports',
    access: 'read',
    query,
    status: 200,
  }) as const;

export const endpoints = [
  { ...route('health'), summary: 'Liveness and database check', tag: 'system', access: 'public', response: Health, status: 200 },
  { ...route('openapi'), summary: 'This OpenAPI 3.1 document', tag: 'system', access: 'public', status: 200 },
  { ...route('me'), summary: 'The signed-in user', tag: 'system', access: 'read', response: Me, status: 200 },
  {
    ...route('getSettings'),
    summary: 'Tenant settings (stage model and defaults)',
    tag: 'settings',
    access: 'read',
    response: TenantSettingsResponse,
    status: 200,
  },
  {
    ...route('putSettings'),
    summary: 'Replace tenant settings (admins only, If-Match required)',
    tag: 'settings',
    access: 'admin',
    body: TenantSettings,
    ifMatch: true,
    response: TenantSettingsResponse,
    status: 200,
  },
  ...accountCrud,
  {
    ...route('accountTimeline'),
    summary: 'Interactions of an account that have happened, newest first; filters by type (several), person and words (q); count=true adds the total',
    tag: 'accounts',
    access: 'read',
    params: IdParams,
    query: TimelineQuery,
    response: TimelinePage,
    status: 200,
  },
  ...contactCrud,
  {
    ...route('contactConsents'),
    summary: 'Current consent state and full ledger of a contact',
    tag: 'consents',
    access: 'read',
    params: IdParams,
    response: ConsentHistory,
    status: 200,
  },
  // Data subject rights (CRM.Privacy and CRM.Admin)
  {
    ...route('eraseContact'),
    summary:
      'Erase a person (Art. 17, If-Match required): contact, addresses, consents and links in one transaction; the addresses are blocked from coming back (the legal basis of what was kept in lang=de|en or Accept-Language)',
    tag: 'privacy',
    access: 'privacy',
    params: IdParams,
    query: ErasureQuery,
    body: ErasureRequest,
    ifMatch: true,
    response: ErasureResult,
    status: 200,
  },
  {
    ...route('restrictContact'),
    summary: 'Restrict processing of a person (Art. 18): read-only, hidden from everyone but CRM.Privacy and CRM.Admin',
    tag: 'privacy',
    access: 'privacy',
    params: IdParams,
    body: RestrictionRequest,
    response: Restriction,
    status: 200,
  },
  {
    ...route('liftRestriction'),
    summary: 'Lift the restriction of processing of a person (Art. 18), with a reason',
    tag: 'privacy',
    access: 'privacy',
    params: IdParams,
    body: RestrictionRequest,
    response: Restriction,
    status: 200,
  },
  {
    ...route('contactPersonalData'),
    summary:
      'Everything stored about a person as one JSON document (access, Art. 15; portability, Art. 20), or the same as a readable PDF in German or English (Accept: application/pdf or ?format=pdf; ?lang= or Accept-Language)',
    tag: 'privacy',
    access: 'privacy',
    params: IdParams,
    query: PersonalDataQuery,
    response: PersonalData,
    produces: ['application/json', 'application/pdf'],
    status: 200,
  },
  // Retention (CRM.Privacy and CRM.Admin)
  {
    ...route('getRetentionPolicies'),
    summary: 'The retention policy of every data class (German defaults until saved), with what each removes and keeps (lang=de|en or Accept-Language)',
    tag: 'privacy',
    access: 'privacy',
    query: RetentionPoliciesQuery,
    response: RetentionPolicies,
    status: 200,
  },
  {
    ...route('putRetentionPolicies'),
    summary: 'Replace the retention policies and switch the nightly run on or off (If-Match required, "0" before the first save)',
    tag: 'privacy',
    access: 'privacy',
    query: RetentionPoliciesQuery,
    body: RetentionPoliciesUpdate,
    ifMatch: true,
    response: RetentionPolicies,
    status: 200,
  },
  {
    ...route('previewRetention'),
    summary: 'What a retention run would do now: a planned run with counts per policy and the oldest records of each; nothing is changed',
    tag: 'privacy',
    access: 'privacy',
    response: RetentionPreview,
    status: 201,
  },
  {
    ...route('runRetention'),
    summary: 'Carry out a preview (or resume a paused run) in batches: exactly the records the preview listed, those still due',
    tag: 'privacy',
    access: 'privacy',
    body: RetentionRunRequest,
    response: RetentionRun,
    status: 200,
  },
  {
    ...route('listRetentionRuns'),
    summary: 'Every retention run, newest first, with counts per policy (never the removed content)',
    tag: 'privacy',
    access: 'privacy',
    query: PageQuery,
    response: pageOf(RetentionRun),
    status: 200,
  },
  {
    ...route('getRetentionRun'),
    summary: 'One retention run with its progress',
    tag: 'privacy',
    access: 'privacy',
    params: IdParams,
    response: RetentionRun,
    status: 200,
  },
  {
    ...route('listPrivacyRequests'),
    summary: 'The register of data subject requests (Art. 12, 15-21), earliest deadline first, with overdue and due-this-week flags',
    tag: 'privacy',
    access: 'privacy',
    query: PrivacyRequestListQuery,
    response: pageOf(PrivacyRequestSummary),
    status: 200,
  },
  {
    ...route('createPrivacyRequest'),
    summary: 'Register a data subject request; due one month from receipt (idempotent when the client sends an id)',
    tag: 'privacy',
    access: 'privacy',
    body: PrivacyRequestCreate,
    response: PrivacyRequest,
    status: 201,
  },
  {
    ...route('getPrivacyRequest'),
    summary: 'One data subject request with its actions and linked changes',
    tag: 'privacy',
    access: 'privacy',
    params: IdParams,
    response: PrivacyRequest,
    status: 200,
  },
  {
    ...route('updatePrivacyRequest'),
    summary: 'Change status, extend once, record an action, the answer or the changes of a rectification (If-Match required)',
    tag: 'privacy',
    access: 'privacy',
    params: IdParams,
    body: PrivacyRequestPatch,
    ifMatch: true,
    response: PrivacyRequest,
    status: 200,
  },
  {
    ...route('searchAudit'),
    summary: 'The audit log of reads and changes, newest first, by person, record, actor and time',
    tag: 'privacy',
    access: 'privacy',
    query: AuditQuery,
    response: pageOf(AuditEntry),
    status: 200,
  },
  ...opportunityCrud,
  ...taskCrud,
  {
    ...route('logInteraction'),
    summary: 'Log an interaction; the same email (internet message id) or meeting (iCalUId) is never logged twice',
    tag: 'interactions',
    access: 'write',
    body: InteractionCreate,
    response: Interaction,
    status: 201,
  },
  {
    ...route('findInteractions'),
    summary: 'Find logged interactions by natural key (is this email already logged?)',
    tag: 'interactions',
    access: 'read',
    query: InteractionLookupQuery,
    response: z.object({ items: z.array(Interaction) }),
    status: 200,
  },
  {
    ...route('getInteraction'),
    summary: 'Read one interaction',
    tag: 'interactions',
    access: 'read',
    params: IdParams,
    response: Interaction,
    status: 200,
  },
  {
    ...route('updateInteraction'),
    summary: 'Update an interaction, e.g. resolve a complaint (If-Match required)',
    tag: 'interactions',
    access: 'write',
    params: IdParams,
    body: InteractionPatch,
    ifMatch: true,
    response: Interaction,
    status: 200,
  },
  {
    ...route('recordConsent'),
    summary: 'Append a grant, withdrawal or objection to the consent ledger',
    tag: 'consents',
    access: 'write',
    body: ConsentEntryCreate,
    response: ConsentEntry,
    status: 201,
  },
  // Imports (CRM.Manager and CRM.Admin)
  {
    ...route('uploadImport'),
    summary:
      'Upload a CSV or XLSX list (the body is the file, up to 20 MiB; ?fileName= and optionally encoding, delimiter, sheet): answers what was detected, the proposed mapping and a decision per row; the same file again answers its import',
    tag: 'imports',
    access: 'manage',
    query: ImportUploadQuery,
    raw: true,
    response: Import,
    status: 201,
  },
  {
    ...route('listImports'),
    summary: 'The history of imports, newest first: file, status, progress and summary of each (the rows are read per import)',
    tag: 'imports',
    access: 'manage',
    query: PageQuery,
    response: pageOf(Import),
    status: 200,
  },
  {
    ...route('getImport'),
    summary: 'An import with its status, progress and summary, and its rows page by page with the proposed and chosen decisions (?action= filters)',
    tag: 'imports',
    access: 'manage',
    params: IdParams,
    query: ImportPreviewQuery,
    response: ImportPreview,
    status: 200,
  },
  {
    ...route('updateImport'),
    summary: 'Change what was read, the mapping (saved as the template) or the decisions, per row or in bulk (If-Match required)',
    tag: 'imports',
    access: 'manage',
    params: IdParams,
    body: ImportPatch,
    ifMatch: true,
    response: Import,
    status: 200,
  },
  {
    ...route('commitImport'),
    summary: 'Write the decided rows in batches: 200 when done, 202 with the progress while rows remain (call again to continue; a commit that died resumes)',
    tag: 'imports',
    access: 'manage',
    params: IdParams,
    response: Import,
    status: 200,
  },
  {
    ...route('undoImport'),
    summary: 'Roll back what a commit created or changed, for 30 days; records edited or used since are left alone and listed',
    tag: 'imports',
    access: 'manage',
    params: IdParams,
    response: Import,
    status: 200,
  },
  {
    ...route('importReport'),
    summary: 'What happened to every row and why, as CSV for German Excel (UTF-8 with BOM, semicolons)',
    tag: 'imports',
    access: 'manage',
    params: IdParams,
    status: 200,
  },
  {
    ...route('context'),
    summary: 'Customer context for email addresses (one call per email in Outlook)',
    tag: 'context',
    access: 'read',
    query: ContextQuery,
    response: ContextResponse,
    status: 200,
  },
  {
    ...route('searchRegarding'),
    summary:
      'Type-ahead over what an email or meeting can be logged regarding: accounts, open opportunities and open complaints whose name, subject or account name contains q (at most limit of each kind)',
    tag: 'context',
    access: 'read',
    query: RegardingQuery,
    response: RegardingResults,
    status: 200,
  },
  {
    ...route('composeCheck'),
    summary: 'Consent check before sending: per recipient (To, Cc, Bcc) whether the email may go out for the chosen purpose, and why not',
    tag: 'context',
    access: 'read',
    body: ComposeCheckRequest,
    response: ComposeCheckResponse,
    status: 200,
  },
  // Teams tabs
  {
    ...route('accountOverview'),
    summary: 'An account at a glance: figures, contacts with roles and email consent, pipeline by stage, open follow-ups and complaints',
    tag: 'accounts',
    access: 'read',
    params: IdParams,
    response: AccountOverview,
    status: 200,
  },
  {
    ...route('myWork'),
    summary: "The signed-in user's follow-ups, pipeline, quarterly forecast, accounts and sleeping customers",
    tag: 'system',
    access: 'read',
    response: MyWork,
    status: 200,
  },
  // Insights (analytics)
  {
    ...route('accountInsights'),
    summary: "An account's ABC class, lifetime value with its inputs and yearly terms, segment with its rule, churn risk with each factor",
    tag: 'insights',
    access: 'read',
    params: IdParams,
    query: InsightsQuery,
    response: AccountInsights,
    status: 200,
  },
  {
    ...route('teamInsights'),
    summary: "The team's key figures for a period: pipeline, forecast, win rate, customers, churn, complaints, ABC and segments, at-risk accounts",
    tag: 'insights',
    access: 'read',
    query: InsightsQuery,
    response: TeamInsights,
    status: 200,
  },
  {
    ...route('insightTrend'),
    summary: "The team's figures month by month, from the snapshots taken when each month had ended (oldest first)",
    tag: 'insights',
    access: 'read',
    query: InsightTrendQuery,
    response: InsightTrend,
    status: 200,
  },
  {
    ...route('employeeInsights'),
    summary:
      "Key figures per employee for a period (managers; only where the tenant's insights.perEmployeeFigures is on, which needs a works council agreement, BetrVG §87(1) Nr. 6; otherwise 403)",
    tag: 'insights',
    access: 'manage',
    query: InsightsQuery,
    response: EmployeeInsights,
    status: 200,
  },
  {
    ...route('listGoals'),
    summary: "The team's goals, soonest deadline first, each with its progress on its key figure today and month by month",
    tag: 'insights',
    access: 'read',
    query: GoalListQuery,
    response: pageOf(Goal),
    status: 200,
  },
  {
    ...route('createGoal'),
    summary: 'Set a goal: a target value on one team key figure by a deadline (managers; idempotent when the client sends an id)',
    tag: 'insights',
    access: 'manage',
    body: GoalCreate,
    response: Goal,
    status: 201,
  },
  {
    ...route('getGoal'),
    summary: 'Read one goal with its progress',
    tag: 'insights',
    access: 'read',
    params: IdParams,
    response: Goal,
    status: 200,
  },
  {
    ...route('updateGoal'),
    summary: 'Change a goal (managers; If-Match required)',
    tag: 'insights',
    access: 'manage',
    params: IdParams,
    body: GoalPatch,
    ifMatch: true,
    response: Goal,
    status: 200,
  },
  {
    ...route('deleteGoal'),
    summary: 'Delete a goal (managers; If-Match required)',
    tag: 'insights',
    access: 'manage',
    params: IdParams,
    ifMatch: true,
    status: 204,
  },
  // Graph sync
  {
    ...route('getMySync'),
    summary: "The signed-in user's calendar and contact sync: switches and status",
    tag: 'sync',
    access: 'read',
    response: SyncStatusResponse,
    status: 200,
  },
  {
    ...route('putMySync'),
    summary: 'Turn calendar and contact sync on or off for the signed-in user',
    tag: 'sync',
    access: 'write',
    body: MySyncSwitches,
    response: SyncStatusResponse,
    status: 200,
  },
  {
    ...route('syncStatus'),
    summary: 'Sync status per mailbox and resource: your own, or every mailbox for admins',
    tag: 'sync',
    access: 'read',
    response: SyncStatusResponse,
    status: 200,
  },
  {
    ...route('runSync'),
    summary: 'Sync now (admins): every enabled mailbox of the tenant, or one user or resource; answers a summary per mailbox',
    tag: 'sync',
    access: 'admin',
    body: SyncRunRequest,
    response: SyncRunResponse,
    status: 200,
  },
  {
    ...route('syncConflicts'),
    summary: 'Contact fields changed on both sides since the last sync, and which side won (admins)',
    tag: 'sync',
    access: 'admin',
    response: SyncConflictList,
    status: 200,
  },
  graphWebhook('graphNotifications', 'Microsoft Graph change notifications (validation handshake, clientState checked, answers 202)'),
  graphWebhook('graphLifecycle', 'Microsoft Graph lifecycle notifications: reauthorizationRequired, subscriptionRemoved, missed'),
  exportFile('exportAccounts', 'accounts', AccountExportQuery),
  exportFile('exportContacts', 'contacts (restricted persons left out)', ContactExportQuery),
  exportFile('exportOpportunities', 'opportunities', OpportunityExportQuery),
  exportFile('exportInteractions', 'interactions, newest first (those about restricted persons alone left out)', InteractionExportQuery),
  {
    ...route('contactDuplicates'),
    summary: 'Possible duplicate contacts: the same or a similar name within an account, the same name at another; best score first',
    tag: 'duplicates',
    access: 'read',
    query: DuplicateQuery,
    response: pageOf(ContactDuplicate),
    status: 200,
  },
  {
    ...route('accountDuplicates'),
    summary: 'Possible duplicate accounts: customer number, email domain, the same name (legal forms compared apart), similar names (pg_trgm)',
    tag: 'duplicates',
    access: 'read',
    query: DuplicateQuery,
    response: pageOf(AccountDuplicate),
    status: 200,
  },
  {
    ...route('mergeContacts'),
    summary: 'Merge another contact (mergedId, mergedEtag) into this one with all history (If-Match required); undoable',
    tag: 'duplicates',
    access: 'manage',
    params: IdParams,
    body: ContactMergeRequest,
    ifMatch: true,
    response: Merge,
    status: 200,
  },
  {
    ...route('mergeAccounts'),
    summary: 'Merge another account (mergedId, mergedEtag) into this one with its contacts, opportunities and history (If-Match required); undoable',
    tag: 'duplicates',
    access: 'manage',
    params: IdParams,
    body: AccountMergeRequest,
    ifMatch: true,
    response: Merge,
    status: 200,
  },
  {
    ...route('undoMerge'),
    summary: 'Undo a merge: both records as they were, with the links it moved; refused once the survivor was changed since',
    tag: 'duplicates',
    access: 'manage',
    params: IdParams,
    response: Merge,
    status: 200,
  },
  ...webhookEndpoints,
  ...leadEndpoints,
  ...teamEndpoints,
  ...caseEndpoints,
  ...segmentEndpoints,
  ...automationEndpoints,
  ...notificationEndpoints,
] as const satisfies readonly Endpoint[];

export type EndpointName = (typeof endpoints)[number]['name'];
export const endpointByName = new Map<string, Endpoint>(endpoints.map((e) => [e.name, e]));
export { EmptyQuery, Problem };
