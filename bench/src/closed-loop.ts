// Closed-loop load: N clients each send their next request when the previous one answered.
import { performance } from 'node:perf_hooks';
import { summarize, type LatencySummary } from './stats';

/** samples: when given, every latency is also appended there, so runs of several rounds can be summarised together. */
export async function closedLoop(options: { clients: number; requests: number; send: (i: number) => Promise<void>; samples?: number[] }): Promise<LatencySummary> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < options.requests; i = next++) {
      const t = performance.now();
      await options.send(i);
      samples.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  options.samples?.push(...samples);
  return summarize(samples, performance.now() - started);
}
