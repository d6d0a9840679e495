// Pipeline and forecast arithmetic without a database: grouping by the stage model, calendar quarters, what a quarter expects.
import type { Opportunity, Stage } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { forecastFor, groupByStage, quarterOf } from './pipeline';

const stages: Stage[] = [
  { key: 'lead', label: { de: 'Lead', en: 'Lead' }, probability: 10 },
  { key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 },
  { key: 'commit', label: { de: 'Abschluss', en: 'Commit' }, probability: 90 },
];

let n = 0;
const deal = (stage: string, amount: number, probability: number, expectedCloseDate: string | null = null): Opportunity => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  etag: '"1"',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  accountId: '00000000-0000-4000-8000-000000000000',
  accountName: 'Keller Pumpen GmbH',
  name: `Deal ${n}`,
  stage,
  amount,
  currency: 'EUR',
  probability,
  weightedAmount: Math.round(amount * probability) / 100,
  expectedCloseDate,
  ownerId: null,
  status: 'open',
  productLine: null,
  externalId: null,
  closeReason: null,
  closedAt: null,
});

describe('groupByStage', () => {
  it('groups in the order of the stage model, leaves out empty stages and sums to the cent', () => {
    const a = deal('commit', 1_000.1, 90);
    const b = deal('lead', 0.2, 10);
    const c = deal('lead', 0.1, 10);
    const groups = groupByStage([a, b, c], stages);
    expect(groups.map((g) => [g.stage.key, g.count, g.amount, g.weightedAmount])).toEqual([
      ['lead', 2, 0.3, 0.03],
      ['commit', 1, 1_000.1, 900.09],
    ]);
    expect(groups[0]!.opportunities).toEqual([b, c]);
  });

  it('still shows a deal in a stage the model no longer has, after the known stages, under its key and probability', () => {
    const retired = deal('retired', 500, 30);
    const groups = groupByStage([retired, deal('proposal', 100, 50)], stages);
    expect(groups.map((g) => g.stage)).toEqual([stages[1], { key: 'retired', label: { de: 'retired', en: 'retired' }, probability: 30 }]);
  });
});

describe('quarterOf', () => {
  it('gives the calendar quarter in UTC with its first and last day', () => {
    expect(quarterOf(new Date('2026-05-15T12:00:00Z'), 0)).toEqual({ quarter: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(quarterOf(new Date('2024-02-29T00:00:00Z'), 0)).toEqual({ quarter: '2024-Q1', from: '2024-01-01', to: '2024-03-31' });
  });

  it('counts quarters across the turn of the year', () => {
    expect(quarterOf(new Date('2026-12-31T23:59:59Z'), 1)).toEqual({ quarter: '2027-Q1', from: '2027-01-01', to: '2027-03-31' });
    expect(quarterOf(new Date('2027-01-01T00:00:00Z'), -1)).toEqual({ quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
  });
});

describe('forecastFor', () => {
  const now = new Date('2026-05-15T12:00:00Z');
  const overdue = deal('proposal', 1_000, 50, '2026-03-31');
  const thisQuarter = deal('commit', 2_000, 90, '2026-06-30');
  const nextQuarterFirstDay = deal('lead', 400, 10, '2026-07-01');
  const later = deal('lead', 800, 10, '2026-10-01');
  const undated = deal('lead', 100, 10);
  const all = [overdue, thisQuarter, nextQuarterFirstDay, later, undated];

  it('expects open deals whose close date has passed in the current quarter, with the ones due in it', () => {
    expect(forecastFor(all, now, 0)).toEqual({ quarter: '2026-Q2', from: '2026-04-01', to: '2026-06-30', count: 2, amount: 3_000, weightedAmount: 2_300 });
  });

  it('expects only the deals dated inside the next quarter in the next quarter', () => {
    expect(forecastFor(all, now, 1)).toEqual({ quarter: '2026-Q3', from: '2026-07-01', to: '2026-09-30', count: 1, amount: 400, weightedAmount: 40 });
  });
});
