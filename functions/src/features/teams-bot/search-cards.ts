// The search command in the compose box (composeExtension/query): accounts and open opportunities as cards to insert,
// each with the account's owner, open pipeline, open complaints, next follow-up and a button opening the account tab.
// Shapes: "Respond to search command" (https://learn.microsoft.com/en-us/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search)
// and the stage view from an Adaptive Card (https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/open-content-in-stageview).
import { AccountListQuery, MessageExtensionQuery, OpportunityListQuery } from '@crm/common';
import { searchAccounts } from '../accounts';
import { interactionsOnlyAboutHidden } from '../interactions';
import { searchOpportunities } from '../opportunities';
import { restrictedViewOf } from '../privacy';
import { getSettings } from '../settings';
import { ADAPTIVE_CARD } from './cards';
import { valueOf, type InvokeContext } from './save-message';
import { cardFigures, type CardFigures } from './store';
import type { Texts } from './texts';

const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';

/** The text typed into the box; Teams sends initialRun instead when the command opens with initialRun set. */
function searchText(query: MessageExtensionQuery): string {
  const parameter = query.parameters.find((p) => p.name === 'searchQuery') ?? query.parameters.find((p) => p.name !== 'initialRun');
  return typeof parameter?.value === 'string' ? parameter.value.trim() : '';
}

interface Hit {
  accountId: string;
  opportunity?: { name: string; stage: string; amount: number; currency: string };
}

function money(texts: Texts, amount: number, currency: string): string {
  return new Intl.NumberFormat(texts.numberLocale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

const day = (texts: Texts, isoDate: string) =>
  new Intl.DateTimeFormat(texts.numberLocale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

function accountCard(ctx: InvokeContext, figures: CardFigures, openComplaints: number, currency: string, hit: Hit) {
  const { texts } = ctx;
  const page = `${ctx.hostingUrl}/teams/account.html?accountId=${encodeURIComponent(figures.id)}`;
  const followUp = figures.nextFollowUp ? `${day(texts, figures.nextFollowUp.dueDate)}: ${figures.nextFollowUp.title}` : texts.none;
  const facts = [
    { title: texts.owner, value: figures.owner ?? texts.none },
    { title: texts.openPipeline, value: money(texts, figures.openPipeline, currency) },
    { title: texts.openComplaints, value: String(openComplaints) },
    { title: texts.nextFollowUp, value: followUp },
  ];
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: figures.name, weight: 'bolder', size: 'medium', wrap: true },
      ...(hit.opportunity
        ? [{ type: 'TextBlock', text: `${texts.opportunity(hit.opportunity.name)} (${hit.opportunity.stage}, ${money(texts, hit.opportunity.amount, hit.opportunity.currency)})`, wrap: true }]
        : []),
      { type: 'FactSet', facts },
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: texts.openAccount,
        data: { msteams: { type: 'invoke', value: { type: 'tab/tabInfoAction', tabInfo: { contentUrl: page, websiteUrl: page, name: figures.name, entityId: `account-${figures.id}` } } } },
      },
      { type: 'Action.OpenUrl', title: texts.openInBrowser, url: page },
    ],
  };
  const preview = {
    title: hit.opportunity ? `${hit.opportunity.name} · ${figures.name}` : figures.name,
    text: `${texts.openPipeline}: ${money(texts, figures.openPipeline, currency)} · ${texts.openComplaints}: ${openComplaints}`,
  };
  return { contentType: ADAPTIVE_CARD, content: card, preview: { contentType: THUMBNAIL_CARD, content: preview } };
}

export async function searchCards(ctx: InvokeContext) {
  const { db, actor } = ctx;
  const query = valueOf(ctx.activity, MessageExtensionQuery);
  const text = searchText(query);
  const skip = query.queryOptions?.skip ?? 0;
  const count = query.queryOptions?.count ?? 25;
  const wanted = Math.min(skip + count, 200);
  // Nothing typed yet: the caller's own accounts, so the box opens with something useful.
  const [accounts, opportunities] = await Promise.all([
    searchAccounts(db, actor, AccountListQuery.parse(text ? { q: text, limit: wanted } : { ownerId: actor.userId, limit: wanted })),
    text ? searchOpportunities(db, actor, OpportunityListQuery.parse({ q: text, status: 'open', limit: wanted })) : { items: [] },
  ]);
  const hits: Hit[] = [
    ...accounts.items.map((a) => ({ accountId: a.id })),
    ...opportunities.items.map((o) => ({ accountId: o.accountId, opportunity: { name: o.name, stage: o.stage, amount: o.amount, currency: o.currency } })),
  ].slice(skip, skip + count);

  const [view, settings] = await Promise.all([restrictedViewOf(db, actor), getSettings(db, actor.tenantId)]);
  const figures = new Map((await cardFigures(db, actor.tenantId, [...new Set(hits.map((h) => h.accountId))], view.hidden)).map((f) => [f.id, f]));
  // A complaint only about a restricted person is not counted for those who may not see it.
  const hiddenComplaints = await interactionsOnlyAboutHidden(
    db,
    actor.tenantId,
    [...figures.values()].flatMap((f) => f.openComplaintIds),
    view.hidden,
  );
  const attachments = hits.flatMap((hit) => {
    const f = figures.get(hit.accountId);
    if (!f) return [];
    return [accountCard(ctx, f, f.openComplaintIds.filter((id) => !hiddenComplaints.has(id)).length, settings.defaultCurrency, hit)];
  });
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

/** Learn's "message" result: a line of text in place of results. */
export const searchNotice = (text: string) => ({ composeExtension: { type: 'message', text } });
