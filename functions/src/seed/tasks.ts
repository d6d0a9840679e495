// Follow-ups ("Wiedervorlage") derived from their index: open (overdue, this week, later), done or cancelled.
import { TASK_NOTES, TASK_TITLES } from './catalog-activity';
import { contactCount, personAt } from './contacts';
import { weightedIndex } from './picker';
import { entityRandom } from './random';
import { DAY, fill, isoDate } from './text';
import type { TenantPlan } from './tenant-plan';
import { writersOf } from './tenant-spec';

export interface PlannedTask {
  id: string;
  kind: 'follow_up' | 'task';
  title: string;
  description: string | null;
  dueDate: string;
  assigneeId: string;
  status: 'open' | 'done' | 'cancelled';
  accountId: string;
  contactId: string | null;
  opportunityId: string | null;
  completedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

const TASK_WEIGHT = { A: 4, B: 2, C: 1 } as const;

function taskGenerator(plan: TenantPlan): (index: number) => PlannedTask {
  const { spec, ids, accounts, layout } = plan;
  const random = entityRandom(spec.seed, 'task');
  const pickAccount = weightedIndex(accounts.map((a) => TASK_WEIGHT[a.rating]));
  const writers = writersOf(spec.users);
  const openDeals = new Map<string, string>();
  for (const deal of plan.opportunities) if (deal.status === 'open') openDeals.set(deal.accountId, deal.id);
  const now = spec.now.getTime();

  return (t) => {
    const r = random(t);
    const account = accounts[pickAccount(r.next())]!;
    const roll = r.next();
    const status = roll < 0.55 ? 'open' : roll < 0.9 ? 'done' : 'cancelled';
    const due = status === 'open' ? now + r.int(-25, 45) * DAY : now - r.int(status === 'done' ? 1 : -10, 400) * DAY;
    const contacts = contactCount(layout, account.index);
    const m = contacts > 0 && r.chance(0.7) ? r.int(0, contacts - 1) : null;
    const person = m === null ? null : personAt(account, m);
    const language = account.country.language;
    const assignee = r.chance(0.85) ? (writers.find((u) => u.id === account.ownerId) ?? r.pick(writers)) : r.pick(writers);
    const deal = openDeals.get(account.id);
    return {
      id: ids.uuid('task', t),
      kind: r.chance(0.8) ? 'follow_up' : 'task',
      title: fill(r.pick(TASK_TITLES[language]), { contact: person ? `${person.firstName} ${person.lastName}` : account.name }),
      description: r.chance(0.4) ? r.pick(TASK_NOTES) : null,
      dueDate: isoDate(due),
      assigneeId: assignee.id,
      status,
      accountId: account.id,
      contactId: m === null ? null : ids.uuid('contact', layout.start[account.index]! + m),
      opportunityId: deal && r.chance(0.4) ? deal : null,
      completedAt: status === 'done' ? new Date(Math.min(due + r.int(-2, 3) * DAY, now - DAY)) : null,
      createdBy: account.ownerId,
      createdAt: new Date(Math.min(due, now) - r.int(3, 30) * DAY),
    };
  };
}

export function* taskStream(plan: TenantPlan, count: number): Generator<PlannedTask> {
  const taskAt = taskGenerator(plan);
  for (let t = 0; t < count; t++) yield taskAt(t);
}
