// Graph sync figures: 10 mailboxes x 5,000 events against the fake Graph with 20 ms per request, then incremental rounds.
import { migrate } from '../../functions/src/core/db/migrate';
import { openPglite } from '../../functions/src/core/db/pglite-db';
import { FakeGraphModel, startFakeGraph, trustFakeGraphCert } from '../../test/fake-graph/server';
import { seedBulkEvents } from '../../test/fake-graph/seed';
import { createSyncWorld } from '../../test/support/sync-harness';

const MAILBOXES = 10;
const EVENTS = 5_000;
const LATENCY_MS = 20;
const PAGE_SIZE = 200;

export interface GraphRound {
  seconds: number;
  requestsPerMailbox: number[];
  items: number;
  created: number;
  updated: number;
}

export interface GraphFigures {
  mailboxes: number;
  eventsPerMailbox: number;
  latencyMs: number;
  pageSize: number;
  minimumRequestsPerMailbox: number;
  initial: GraphRound & { eventsPerSecond: number; interactions: number; peakConcurrentPerMailbox: number; latencyBoundSeconds: number };
  unchanged: GraphRound;
  onePercent: GraphRound;
}

export async function runGraphSuite(log: (line: string) => void): Promise<GraphFigures> {
  const model = new FakeGraphModel();
  const customers = Array.from({ length: 20 }, (_, i) => ({ address: `kontakt${i}@bench-kunde-${i % 5}.de`, name: `Kontakt ${i}` }));
  const fg = await startFakeGraph({ model, latencyMs: LATENCY_MS, maxPageSize: 1000 });
  const untrust = trustFakeGraphCert(fg.certPem);
  const db = await openPglite();
  try {
    await migrate(db);
    const world = await createSyncWorld(db, fg);
    for (let c = 0; c < 5; c++) {
      await world.customer(
        `Bench Kunde ${c} GmbH`,
        `bench-kunde-${c}.de`,
        customers.filter((_, i) => i % 5 === c).map((p) => p.address.split('@')[0]!),
      );
    }
    const people: Awaited<ReturnType<typeof world.employee>>[] = [];
    for (let m = 0; m < MAILBOXES; m++) {
      const person = await world.employee(`Seller ${m}`);
      seedBulkEvents(model, person.mailbox, EVENTS, { attendees: customers });
      people.push(person);
    }
    const service = world.service({ graph: { pageSize: PAGE_SIZE, requestTimeoutMs: 30_000 }, parallelMailboxes: MAILBOXES });
    const round = async (label: string): Promise<GraphRound> => {
      fg.resetStats();
      const started = performance.now();
      const results = await service.runNow(world.tenantId, {});
      const seconds = (performance.now() - started) / 1000;
      const failed = results.filter((r) => r.outcome !== 'synced');
      if (failed.length > 0) throw new Error(`${label}: ${failed.length} mailboxes did not sync: ${failed[0]!.error}`);
      const figures = {
        seconds,
        requestsPerMailbox: people.map((p) => fg.countRequests({ mailbox: p.mailbox })),
        items: results.reduce((s, r) => s + r.items, 0),
        created: results.reduce((s, r) => s + r.created, 0),
        updated: results.reduce((s, r) => s + r.updated, 0),
      };
      log(
        `  ${label}: ${seconds.toFixed(2)} s, ${figures.items} items, requests per mailbox ${Math.min(...figures.requestsPerMailbox)}-${Math.max(...figures.requestsPerMailbox)}`,
      );
      return figures;
    };
    const minimum = Math.ceil(EVENTS / PAGE_SIZE);
    const initialRound = await round('initial sync');
    const peak = Math.max(...people.map((p) => fg.peakConcurrency.get(p.mailbox) ?? 0));
    const interactions = Number(
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1 AND source = 'graph-sync'`, [world.tenantId]))[0]!.n,
    );
    const unchanged = await round('incremental, no changes');
    for (const person of people) {
      const events = model.events(person.mailbox);
      for (let i = 0; i < EVENTS / 100; i++) {
        const event = events[i * 100]!;
        model.updateEvent(person.mailbox, event.id, { subject: `${event.subject} (verschoben)` });
      }
    }
    const onePercent = await round('incremental, 1 % changed');
    return {
      mailboxes: MAILBOXES,
      eventsPerMailbox: EVENTS,
      latencyMs: LATENCY_MS,
      pageSize: PAGE_SIZE,
      minimumRequestsPerMailbox: minimum,
      initial: {
        ...initialRound,
        eventsPerSecond: (MAILBOXES * EVENTS) / initialRound.seconds,
        interactions,
        peakConcurrentPerMailbox: peak,
        // Pages of one mailbox are sequential by nature: this is the time the latency alone costs.
        latencyBoundSeconds: (minimum * LATENCY_MS) / 1000,
      },
      unchanged,
      onePercent,
    };
  } finally {
    await db.close();
    untrust();
    await fg.close();
  }
}

export function graphReport(f: GraphFigures): string[] {
  const range = (values: number[]) => (Math.min(...values) === Math.max(...values) ? `${values[0]}` : `${Math.min(...values)}-${Math.max(...values)}`);
  return [
    `  ${f.mailboxes} mailboxes x ${f.eventsPerMailbox.toLocaleString('en')} events, ${f.latencyMs} ms per Graph request, pages of ${f.pageSize}`,
    `  initial sync            ${f.initial.seconds.toFixed(2)} s, ${Math.round(f.initial.eventsPerSecond).toLocaleString('en')} events/s, ${f.initial.interactions.toLocaleString('en')} meeting interactions`,
    `                          ${(f.initial.seconds / f.initial.latencyBoundSeconds).toFixed(2)}x the latency-only bound of ${f.initial.latencyBoundSeconds.toFixed(2)} s`,
    `  Graph requests          ${range(f.initial.requestsPerMailbox)} per mailbox; minimum possible ${f.minimumRequestsPerMailbox} (ratio ${(Math.max(...f.initial.requestsPerMailbox) / f.minimumRequestsPerMailbox).toFixed(2)}x)`,
    `  peak concurrent         ${f.initial.peakConcurrentPerMailbox} per mailbox (limit 4)`,
    `  incremental, unchanged  ${range(f.unchanged.requestsPerMailbox)} request(s) per mailbox, ${f.unchanged.seconds.toFixed(2)} s (target: exactly 1)`,
    `  incremental, 1 % moved  ${range(f.onePercent.requestsPerMailbox)} request(s) per mailbox, ${f.onePercent.updated} meetings updated, ${f.onePercent.seconds.toFixed(2)} s`,
  ];
}
