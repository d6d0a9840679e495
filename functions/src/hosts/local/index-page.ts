// The local host's start page: what runs where, so a new user finds the previews and the API.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Without development tokens the previews cannot sign in, so the page says so instead of offering the curl line. */
export function renderIndexPage(sites: readonly { prefix: string; title: string }[], baseUrl: string, devTokens: boolean): string {
  const links = sites.map((site) => `<li><a href="${escape(site.prefix)}">${escape(site.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CRM for Outlook and Teams (local)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f2f1;padding:0 .25rem}</style>
</head><body>
<h1>CRM for Outlook and Teams</h1>
<p>Local host with embedded demo data. / Lokaler Host mit Demodaten.</p>
<h2>Front-ends</h2><ul>${links}</ul>
<h2>API</h2><ul>
<li><a href="/api/health">/api/health</a></li>
<li><a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</li>
<li>${
    devTokens
      ? `Development token: <code>curl -X POST ${escape(baseUrl)}/dev/token</code>`
      : 'Development tokens are off, so the standalone previews cannot sign in; Outlook and Teams sign in with Entra ID.'
  }</li>
</ul>
</body></html>`;
}
