// trustFakeGraphCert makes global fetch and node:https trust the fake in this process, and its undo restores strict checking.
import { get } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraph, trustFakeGraphCert, type FakeGraph } from './server';

let fg: FakeGraph;
beforeAll(async () => {
  fg = await startFakeGraph();
});
afterAll(() => fg.close());

const metadata = () => `${fg.authority}/v2.0/.well-known/openid-configuration`;
const httpsStatus = (url: string) =>
  new Promise<number>((resolve, reject) => {
    get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });

describe('trustFakeGraphCert', () => {
  it('is needed, works for fetch and node:https, and can be undone', async () => {
    await expect(fetch(metadata())).rejects.toThrow();
    const undo = trustFakeGraphCert(fg.certPem);
    try {
      expect((await fetch(metadata())).status).toBe(200);
      expect(await httpsStatus(metadata())).toBe(200);
    } finally {
      undo();
    }
    await expect(fetch(metadata())).rejects.toThrow();
  });
});
