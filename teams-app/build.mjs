// Builds the Teams tabs into dist/ (served by the local host at /teams/): one page per tab, config written in at build time.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { bundlePages, bundleScript, pageConfig, withConfig } from '@crm/common/build';

const pages = { account: 'CRM: account', config: 'CRM: choose an account', personal: 'My CRM', privacy: 'CRM: privacy', insights: 'CRM: insights', data: 'CRM: data' };

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.html', readFileSync('src/index.html'));
const template = readFileSync('src/tab.html', 'utf8');
// A classic script in the head runs before the page's bundle is fetched: the account tab's first requests leave there.
const early = { account: 'account-early' };
for (const [entry, title] of Object.entries(pages)) {
  const script = early[entry] ? `<script src="./${early[entry]}.js"></script>` : '';
  writeFileSync(`dist/${entry}.html`, withConfig(template.replace('__TITLE__', title).replace('__EARLY__', script).replace('__ENTRY__', entry), pageConfig()));
}

// Each tab is its own page in its own frame: built alone, it downloads only what it uses.
await bundlePages(Object.fromEntries(Object.keys(pages).map((entry) => [entry, `src/${entry}.tsx`])), { shared: false });
for (const script of Object.values(early)) await bundleScript(`src/${script}.ts`, `dist/${script}.js`, pageConfig());
