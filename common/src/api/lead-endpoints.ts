// The leads part of the API catalogue: spread into endpoints.ts.
import { z } from 'zod';
import { Lead, LeadConversion, LeadConvertRequest, LeadCreate, LeadListQuery, LeadPatch } from '../contracts/leads';
import { Interaction } from '../contracts/interactions';
import { IdParams, pageOf, PageQuery, Uuid } from '../contracts/primitives';
import { InsightsPeriod, PeriodRange } from '../contracts/insights';
import { route } from './routes';

/** The Insights tab's period; without one, every lead so far. */
export const LeadSummaryQuery = z.object({ period: InsightsPeriod.optional() }).strict();

/**
 * With a period: the leads captured in it, by their status now, and the conversions made in it (docs/LEADS.md,
 * "Figures"). Without one: every lead so far and every conversion.
 */
export const LeadSummary = z.object({
  /** The period counted; null for all leads so far. */
  range: PeriodRange.nullable(),
  total: z.number().int(),
  bySource: z.array(z.object({ source: z.string(), count: z.number().int(), converted: z.number().int() })),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  /** converted / (converted + disqualified) of the leads counted in total; null when none of them is decided yet. */
  conversionRate: z.number().nullable(),
  /** Conversions made in the period, whenever their lead was captured. */
  conversions: z.number().int(),
  /** Median days from capture to conversion over those conversions. */
  medianDaysToConversion: z.number().nullable(),
});

/** A user of the tenant a lead or case can be handed to: the name only, no address. */
export const Colleague = z.object({ id: Uuid, displayName: z.string() });

export const leadEndpoints = [
  {
    ...route('listLeads'),
    summary: 'List leads, newest first; ownerId=me for my own',
    tag: 'leads',
    access: 'read',
    query: LeadListQuery,
    response: pageOf(Lead),
    status: 200,
  },
  {
    ...route('createLead'),
    summary: 'Capture a lead (idempotent when the client sends an id); the owner defaults to the caller',
    tag: 'leads',
    access: 'write',
    body: LeadCreate,
    response: Lead,
    status: 201,
  },
  {
    ...route('getLead'),
    summary: 'One lead with its score and the reason for each criterion',
    tag: 'leads',
    access: 'read',
    params: IdParams,
    response: Lead,
    status: 200,
  },
  {
    ...route('leadInteractions'),
    summary: "The lead's interactions so far (logged with its address before it became a contact), newest first",
    tag: 'leads',
    access: 'read',
    params: IdParams,
    query: PageQuery.strict(),
    response: pageOf(Interaction),
    status: 200,
  },
  {
    ...route('updateLead'),
    summary: 'Qualify, disqualify (with a reason) or hand over a lead (If-Match required)',
    tag: 'leads',
    access: 'write',
    params: IdParams,
    body: LeadPatch,
    ifMatch: true,
    response: Lead,
    status: 200,
  },
  { ...route('deleteLead'), summary: 'Delete a lead (If-Match required)', tag: 'leads', access: 'manage', params: IdParams, ifMatch: true, status: 204 },
  {
    ...route('convertLead'),
    summary: 'Convert a lead into an account and contact, found or created, and optionally an opportunity; converting again creates nothing (If-Match)',
    tag: 'leads',
    access: 'write',
    params: IdParams,
    body: LeadConvertRequest,
    ifMatch: true,
    response: LeadConversion,
    status: 200,
  },
  {
    ...route('leadSummary'),
    summary: 'Leads captured in a period (or all) by source and status, their conversion rate, and the median days to conversion of the conversions in it',
    tag: 'leads',
    access: 'read',
    query: LeadSummaryQuery,
    response: LeadSummary,
    status: 200,
  },
  {
    ...route('listColleagues'),
    summary: 'The users of the tenant by name, to hand a lead or case over to',
    tag: 'leads',
    access: 'read',
    response: z.object({ items: z.array(Colleague) }),
    status: 200,
  },
] as const;
