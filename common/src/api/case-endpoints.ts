// The service case part of the API catalogue: spread into endpoints.ts.
import { z } from 'zod';
import { Case, CaseCreate, CaseListQuery, CasePatch, ServiceContract, ServiceContractListed, ServiceContractListQuery, ServiceContractPut } from '../contracts/cases';
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
  {
    ...route('getServiceContract'),
    summary: "An account's service contract: its hours per priority, overriding the tenant's service levels (etag \"0\" when it has none)",
    tag: 'cases',
    access: 'read',
    params: IdParams,
    response: ServiceContract,
    status: 200,
  },
  {
    ...route('putServiceContract'),
    summary: "Set an account's service contract (If-Match; \"0\" creates it); empty levels leave the tenant's levels in force",
    tag: 'cases',
    access: 'manage',
    params: IdParams,
    body: ServiceContractPut,
    ifMatch: true,
    response: ServiceContract,
    status: 200,
  },
  {
    ...route('deleteServiceContract'),
    summary: "End an account's service contract (If-Match): cases opened afterwards take the tenant's service levels",
    tag: 'cases',
    access: 'manage',
    params: IdParams,
    ifMatch: true,
    status: 204,
  },
  {
    ...route('listServiceContracts'),
    summary: "The tenant's service contracts with their accounts' names, by account name",
    tag: 'cases',
    access: 'read',
    query: ServiceContractListQuery,
    response: pageOf(ServiceContractListed),
    status: 200,
  },
] as const;
