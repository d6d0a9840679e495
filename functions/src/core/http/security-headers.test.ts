// The shared header policy: what the pages' CSP allows, which responses get which headers, and that the deployment doc matches.
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, FRAME_ANCESTORS, securityHeaders } from './security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('security headers', () => {
  it('lets scripts come only from the app and Office.js, with nothing inline or evaluated', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'https://login.microsoftonline.com',
      'https://graph.microsoft.com',
      'https://res.cdn.office.net/teams-js/',
    ]);
    expect(policy.get('frame-ancestors')).toEqual([...FRAME_ANCESTORS]);
    expect(policy.get('frame-ancestors')).toEqual(expect.arrayContaining(["'self'", 'https://teams.microsoft.com', 'https://outlook.office.com']));
  });

  it("adds the API origin and a national cloud's sign-in to the sources the pages may call, as origins only", () => {
    const policy = directives(
      contentSecurityPolicy({ apiOrigin: 'https://crm-api.azurewebsites.net/', authorityOrigin: 'https://login.microsoftonline.us/organizations' }),
    );
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'https://crm-api.azurewebsites.net',
      'https://login.microsoftonline.us',
      'https://graph.microsoft.com',
      'https://res.cdn.office.net/teams-js/',
    ]);
    expect(policy.get('frame-src')).toEqual(["'self'", 'https://login.microsoftonline.us']);
  });

  it('puts nosniff on every response and the page policy on HTML only, immutable responses included', async () => {
    const app = new Hono();
    app.use(securityHeaders());
    app.get('/page', (c) => c.html('<!doctype html><title>page</title>'));
    app.get('/data', (c) => c.json({ ok: true }));
    app.get('/moved', () => Response.redirect('https://crm.example/elsewhere', 302));

    const page = await app.request('/page');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['/data', '/moved', '/missing']) {
      const response = await app.request(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toBeNull();
    }
    expect((await app.request('/moved')).headers.get('location')).toBe('https://crm.example/elsewhere');
  });

  it('documents for static hosting exactly the policy the code sets', () => {
    const doc = readFileSync(new URL('../../../../docs/SECURITY-HEADERS.md', import.meta.url), 'utf8');
    expect(doc).toContain(`Content-Security-Policy: ${contentSecurityPolicy({ apiOrigin: 'https://crm-api.azurewebsites.net' })}\n`);
    expect(doc).toContain('X-Content-Type-Options: nosniff\n');
  });
});
