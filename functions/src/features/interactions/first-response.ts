// The first response to a customer's message, one rule for the service cases (a case's first response and its due
// time) and the insights (the team's response time), so the two never disagree on what answered a customer: the first
// outbound email or call logged on one of the message's accounts or in its email conversation, at or after the message
// came in, and not after `until` (a call or email planned ahead has not answered yet). One message at a time
// (firstResponseSql) or all messages of a span at once (firstResponsesSql).
const RESPONSE = `r.type IN ('email', 'call') AND r.direction = 'outbound'`;

export interface RespondedTo {
  /** The tenant column of the message. */
  tenant: string;
  /** A parenthesised subquery of the accounts the response may be logged on, one column, e.g. (SELECT c.account_id). */
  accounts: string;
  /** The message's conversation id column; an interaction without one matches by account only. */
  conversation: string;
  /** When the message came in. */
  since: string;
  /** The latest instant a response may have, e.g. now() or a parameter. */
  until: string;
}

/**
 * An SQL expression: the instant of the first response, or NULL when none was logged. Per account the earliest one comes
 * from walking the account's timeline index forward from the message and stopping at the first response: a minimum over
 * all later interactions of the account read every one of them, per message (534 s for the response time of a year on
 * the large benchmark tenant).
 */
export const firstResponseSql = (m: RespondedTo): string =>
  `LEAST(
    (SELECT min(f.at) FROM ${m.accounts} AS responding(account_id) CROSS JOIN LATERAL (
       SELECT ia.occurred_at AS at FROM interaction_accounts ia JOIN interactions r ON r.tenant_id = ia.tenant_id AND r.id = ia.interaction_id
       WHERE ia.tenant_id = ${m.tenant} AND ia.account_id = responding.account_id AND ${RESPONSE}
         AND ia.occurred_at >= ${m.since} AND ia.occurred_at <= ${m.until}
       ORDER BY ia.occurred_at LIMIT 1) f),
    (SELECT min(r.occurred_at) FROM interactions r
     WHERE r.tenant_id = ${m.tenant} AND r.conversation_id = ${m.conversation} AND ${RESPONSE} AND r.occurred_at >= ${m.since} AND r.occurred_at <= ${m.until}))`;

export interface RespondedToInSpan {
  /** The tenant, e.g. a parameter. */
  tenant: string;
  /** The earliest instant of the messages asked about. */
  since: string;
  /** The latest instant a response may have. */
  until: string;
}

/** Of the types a message or a response can have: every other interaction is neither. */
const MESSAGE_OR_RESPONSE = `('email', 'call', 'web_form')`;
/** Each row's first response at or after it: a running minimum from the latest row back, ties (peers) included. */
const NEXT_RESPONSE = (partition: string, at: string) =>
  `min(${at}) FILTER (WHERE ${RESPONSE}) OVER (PARTITION BY ${partition} ORDER BY ${at} DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;

/**
 * A SELECT of (id, responded_at) for every email, call and web form from `since` to `until`: the rule of
 * firstResponseSql for all of them in one pass over each account's and each conversation's timeline, rather than one
 * index walk per message (45 s for the response time of a year on the large benchmark tenant, against about 3 s).
 */
export const firstResponsesSql = (m: RespondedToInSpan): string =>
  `SELECT x.id, min(x.at) AS responded_at FROM (
     SELECT ia.interaction_id AS id, ${NEXT_RESPONSE('ia.account_id', 'ia.occurred_at')} AS at
     FROM interaction_accounts ia JOIN interactions r ON r.tenant_id = ia.tenant_id AND r.id = ia.interaction_id
     WHERE ia.tenant_id = ${m.tenant} AND ia.type IN ${MESSAGE_OR_RESPONSE} AND ia.occurred_at >= ${m.since} AND ia.occurred_at <= ${m.until}
     UNION ALL
     SELECT r.id, ${NEXT_RESPONSE('r.conversation_id', 'r.occurred_at')} AS at
     FROM interactions r
     WHERE r.tenant_id = ${m.tenant} AND r.conversation_id IS NOT NULL AND r.type IN ${MESSAGE_OR_RESPONSE}
       AND r.occurred_at >= ${m.since} AND r.occurred_at <= ${m.until}
   ) x GROUP BY x.id`;
