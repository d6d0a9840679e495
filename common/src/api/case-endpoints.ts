// The service case part of the API catalogue: spread into endpoints.ts.
import { z } from 'zod';
import { Case, CaseCreate, CaseListQuery, CasePatch } from '../contracts/cases';
import { pageOf, Uuid } from '../contracts/primitives';
import { route } from './routes';

const IdParams = z.object({ id: Uuid });

export const caseEndpoints = [
  {
    ...route('listCases'),
    summary: 'Service cases, the most urgent first; status, priority, assigneeId=me, accountId, overdue',
    tag: 'cases',
    access: 'read',
    query: CaseListQuery,
    response: pageOf(Case),
    status: 200,
  },
  {
    ...route('createCase'),
    summary: 'Open a case for a complaint or service request, with due times from the service levels; one per interaction',
    tag: 'cases',
    access: 'write',
    body: CaseCreate,
    response: Case,
    status: 201,
  },
  {
    ...route('getCase'),
    summary: 'One case with its due times, first response and history',
    tag: 'cases',
    access: 'read',
    params: IdParams,
    response: Case,
    status: 200,
  },
  {
    ...route('updateCase'),
    summary: 'Change priority (moves the due times), assignee or status; resolving needs the resolution (If-Match)',
    tag: 'cases',
    access: 'write',
    params: IdParams,
    body: CasePatch,
    ifMatch: true,
    response: Case,
    status: 200,
  },
] as const;
