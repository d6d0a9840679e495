// The segment lists part of the API catalogue (issue 15): spread into endpoints.ts.
import { SegmentExportQuery, SegmentList, SegmentListCreate, SegmentListQuery, SegmentMembers, SegmentMembersQuery } from '../contracts/segment-lists';
import { IdParams, pageOf } from '../contracts/primitives';
import { route } from './routes';

export const segmentEndpoints = [
  {
    ...route('listSegments'),
    summary: 'Saved segment lists by name',
    tag: 'insights',
    access: 'read',
    query: SegmentListQuery,
    response: pageOf(SegmentList),
    status: 200,
  },
  {
    ...route('createSegment'),
    summary: 'Save a segment list: a filter over accounts or their contacts (idempotent when the client sends an id)',
    tag: 'insights',
    access: 'write',
    body: SegmentListCreate,
    response: SegmentList,
    status: 201,
  },
  {
    ...route('segmentMembers'),
    summary:
      'The accounts or contacts the list matches now; with purpose= a marketing export of only the people with a current email consent for it, never restricted or objecting ones, saying how many were left out and why',
    tag: 'insights',
    access: 'read',
    params: IdParams,
    query: SegmentMembersQuery,
    response: SegmentMembers,
    status: 200,
  },
  {
    ...route('exportSegment'),
    summary:
      'The members as CSV for German Excel (format=csv, decimal=comma|point) or XLSX (format=xlsx); with purpose= only the people a marketing export may hold, as the members answer',
    tag: 'insights',
    access: 'read',
    params: IdParams,
    query: SegmentExportQuery,
    status: 200,
  },
] as const;
