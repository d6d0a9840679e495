// Turns a plan into what writeTenant consumes: lazy streams of generated rows, after any hand-made ones.
import { consentStream } from './consents';
import { contactStream } from './contacts';
import { interactionStream, type PlannedInteraction } from './interactions';
import { taskStream, type PlannedTask } from './tasks';
import type { TenantPlan } from './tenant-plan';
import type { TenantData } from './write-tenant';

export interface HandMade {
  interactions?: readonly PlannedInteraction[];
  tasks?: readonly PlannedTask[];
}

function* concat<T>(first: Iterable<T>, second: Iterable<T>): Generator<T> {
  yield* first;
  yield* second;
}

/** The sizes in the spec are totals: hand-made interactions and tasks take the place of generated ones. */
export function tenantData(plan: TenantPlan, handMade: HandMade = {}): TenantData {
  const { spec } = plan;
  const interactions = handMade.interactions ?? [];
  const tasks = handMade.tasks ?? [];
  return {
    tenantId: spec.tenantId,
    name: spec.name,
    users: spec.users,
    accounts: plan.accounts,
    contacts: contactStream(plan),
    opportunities: plan.opportunities,
    interactions: concat(interactions, interactionStream(plan, Math.max(0, spec.sizes.interactions - interactions.length))),
    tasks: concat(tasks, taskStream(plan, Math.max(0, spec.sizes.tasks - tasks.length))),
    consents: consentStream(plan),
  };
}
