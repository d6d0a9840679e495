// Types each feature's route table by the endpoint catalogue, so a handler sees exactly its endpoint's parsed input.
import type { EndpointName, endpoints } from '@crm/common';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { Created } from '../records';
import type { Call, Reply } from './endpoint-handler';

type Catalogue = (typeof endpoints)[number];
type EndpointOf<N extends EndpointName> = Extract<Catalogue, { name: N }>;
type Parsed<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;
/** Raw endpoints read their body themselves. */
type BodyOf<E> = E extends { raw: true } ? undefined : Parsed<E, 'body'>;

export interface TypedCall<N extends EndpointName> extends Omit<Call, 'params' | 'query' | 'body' | 'actor'> {
  actor: EndpointOf<N>['access'] extends 'public' ? null : Actor;
  params: Parsed<EndpointOf<N>, 'params'>;
  query: Parsed<EndpointOf<N>, 'query'>;
  body: BodyOf<EndpointOf<N>>;
}

/** The handlers of the named endpoints; a feature's routes.ts exports one of these. */
export type RouteTable<N extends EndpointName> = { [K in N]: (call: TypedCall<K>) => Promise<Reply> };

export const one = <T extends { etag: string }>(value: T): Reply => ({ body: value, etag: value.etag });

/** 201 with Location for a new record; 200 with the stored one when a retry or a colleague got there first. */
export const created = <T extends { id: string; etag: string }>(collection: string, result: Created<T>): Reply => ({
  status: result.created ? 201 : 200,
  body: result.value,
  etag: result.value.etag,
  location: `/api/${collection}/${result.value.id}`,
});
