// The first response to a customer's message, one rule for the service cases (a case's first response and its due
// time) and the insights (the team's response time), so the two never disagree on what answered a customer: the first
// outbound email or call logged on one of the message's accounts or in its email conversation, at or after the message
// came in, and not after `until` (a call or email planned ahead has not answered yet).
const RESPONSE = `r.type IN ('email', 'call') AND r.direction = 'outbound'`;

export interface RespondedTo {
  /** The tenant column of the message. */
  tenant: string;
  /** A parenthesised list or subquery of the accounts the response may be logged on. */
  accounts: string;
  /** The message's conversation id column; an interaction without one matches by account only. */
  conversation: string;
  /** When the message came in. */
  since: string;
  /** The latest instant a response may have, e.g. now() or a parameter. */
  until: string;
}

/** An SQL expression: the instant of the first response, or NULL when none was logged. */
export const firstResponseSql = (m: RespondedTo): string =>
  `LEAST(
    (SELECT min(ia.occurred_at) FROM interaction_accounts ia JOIN interactions r ON r.tenant_id = ia.tenant_id AND r.id = ia.interaction_id
     WHERE ia.tenant_id = ${m.tenant} AND ia.account_id IN ${m.accounts} AND ${RESPONSE} AND ia.occurred_at >= ${m.since} AND ia.occurred_at <= ${m.until}),
    (SELECT min(r.occurred_at) FROM interactions r
     WHERE r.tenant_id = ${m.tenant} AND r.conversation_id = ${m.conversation} AND ${RESPONSE} AND r.occurred_at >= ${m.since} AND r.occurred_at <= ${m.until}))`;
