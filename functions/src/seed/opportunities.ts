// Plans the pipeline: open deals across the default stages, a quarter won and a sixth lost, with reasons.
import { defaultStages } from '../features/settings';
import type { PlannedAccount } from './accounts';
import { DEAL_NAMES, LOSS_REASONS, PRODUCTS, WIN_REASONS } from './catalog-activity';
import { contactCount, type ContactSource } from './contacts';
import { weightedChoice, weightedIndex } from './picker';
import { entityRandom } from './random';
import { DAY, isoDate } from './text';

export interface PlannedOpportunity {
  id: string;
  accountId: string;
  name: string;
  stage: string;
  amount: number;
  probability: number;
  expectedClose: string;
  ownerId: string;
  status: 'open' | 'won' | 'lost';
  closeReason: string | null;
  closedAt: Date | null;
  createdAt: Date;
  contactIds: string[];
}

/** A funnel: more early-stage deals than late ones. */
const pickOpenStage = weightedChoice(defaultStages.map((stage, i) => [stage, [30, 25, 20, 15, 10][i] ?? 10] as const));
const DEAL_WEIGHT = { A: 6, B: 3, C: 1 } as const;

export function planOpportunities(plan: ContactSource): PlannedOpportunity[] {
  const { spec, ids, accounts, layout } = plan;
  const count = spec.sizes.opportunities;
  if (count === 0) return [];
  const random = entityRandom(spec.seed, 'opportunity');
  // Sleeping customers have no deals; that is part of why they are sleeping.
  const active = accounts.some((a) => !a.sleeping);
  const pickAccount = weightedIndex(accounts.map((a) => (active && a.sleeping ? 0 : DEAL_WEIGHT[a.rating])));
  const won = Math.round(count / 4);
  const lost = Math.round(count / 6);
  const now = spec.now.getTime();

  return Array.from({ length: count }, (_, i) => {
    const r = random(i);
    const account: PlannedAccount = accounts[pickAccount(r.next())]!;
    const status = i < won ? 'won' : i < won + lost ? 'lost' : 'open';
    const stage = status === 'open' ? pickOpenStage(r.next()) : status === 'won' ? defaultStages.at(-1)! : defaultStages[r.int(0, defaultStages.length - 2)]!;
    const closedAt = status === 'open' ? null : new Date(now - r.int(3, 400) * DAY);
    const createdAt = new Date(Math.max(account.createdAt.getTime(), (closedAt?.getTime() ?? now) - r.int(20, 240) * DAY));
    const contacts = contactCount(layout, account.index);
    const people = new Set<number>(contacts > 0 && r.chance(0.8) ? [0] : []);
    for (let n = r.int(0, 2); n > 0 && contacts > 1; n--) people.add(r.int(1, contacts - 1));
    return {
      id: ids.uuid('opportunity', i),
      accountId: account.id,
      name: `${r.pick(DEAL_NAMES)}: ${r.pick(PRODUCTS)}`,
      stage: stage.key,
      amount: Math.round(Math.exp(Math.log(5_000) + r.next() * Math.log(2_000_000 / 5_000)) / 500) * 500,
      probability: stage.probability,
      expectedClose: isoDate(closedAt ? closedAt.getTime() : now + r.int(-15, 180) * DAY),
      ownerId: account.ownerId,
      status,
      closeReason: status === 'won' ? r.pick(WIN_REASONS) : status === 'lost' ? r.pick(LOSS_REASONS) : null,
      closedAt,
      createdAt,
      contactIds: [...people].map((m) => ids.uuid('contact', layout.start[account.index]! + m)),
    };
  });
}
