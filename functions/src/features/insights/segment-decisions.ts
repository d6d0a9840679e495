// Who of a contacts list's held people is in it and who an export for a purpose leaves out, and why. Decided from the
// held read alone, once per purpose and role; after a patch in place only the positions it changed are decided again:
// a list of 10,000 people decided whole after every patch cost more of its answer than any statement.
import type { ConsentPurpose, ExportLeftOutReason, SegmentMembers } from '@crm/common';
import { exportLeftOutReason, type PersonFacts } from './segment-rules';
import type { MemberPersonRow } from './segment-lists-store';

const REASONS: readonly ExportLeftOutReason[] = ['restricted', 'objected', 'withdrawn', 'no_consent', 'no_email'];
/** What was decided for one person; a left-out person's code is LEFT_OUT plus their reason's index in REASONS. */
const HIDDEN = 0;
const NOT_IN_LIST = 1;
const IN = 2;
const LEFT_OUT = 3;

export interface Decided {
  /** Who is in, in the held order. */
  people: MemberPersonRow[];
  leftOut: SegmentMembers['leftOut'];
  /** Per position in the held contacts, what was decided. */
  outcomes: Uint8Array;
}

export interface HeldMembers {
  contacts: MemberPersonRow[];
  restricted: Set<string>;
  /** By purpose and whether the reader sees restricted people; the list's own consent filter is the same for all. */
  decided: Map<string, Decided>;
  /** Where each account's people stand in `contacts`: made at the first patch, kept by the patches in place. */
  positions?: Map<string, number[]>;
  /** For a patch in place: the decisions of the value it was patched from, and the positions it changed. */
  patchedFrom?: { decided: ReadonlyMap<string, Decided>; changed: readonly number[] };
}

export const heldMembers = (contacts: MemberPersonRow[], restricted: Set<string>): HeldMembers => ({ contacts, restricted, decided: new Map() });

/** Where each account's people stand in the held contacts. */
export function positionsOf(held: HeldMembers): ReadonlyMap<string, readonly number[]> {
  if (held.positions) return held.positions;
  const positions = new Map<string, number[]>();
  held.contacts.forEach((c, i) => {
    const at = positions.get(c.accountId);
    if (at) at.push(i);
    else positions.set(c.accountId, [i]);
  });
  return (held.positions = positions);
}

/** The held people with `contacts` put in place of the rows at `changed` (the same people), and their restrictions. */
export const patchedInPlace = (held: HeldMembers, contacts: MemberPersonRow[], restricted: Set<string>, changed: readonly number[]): HeldMembers => ({
  contacts,
  restricted,
  decided: new Map(),
  positions: held.positions,
  patchedFrom: { decided: held.decided, changed },
});

export function decidedFor(held: HeldMembers, seesThem: boolean, consentPurpose: ConsentPurpose | undefined, purpose: ConsentPurpose | undefined): Decided {
  const key = `${purpose ?? ''}\n${seesThem}`;
  const found = held.decided.get(key);
  if (found) return found;
  const before = held.patchedFrom?.decided.get(key);
  const decide = outcomeOf(held, seesThem, consentPurpose, purpose);
  let outcomes: Uint8Array;
  if (before) {
    outcomes = before.outcomes.slice();
    for (const i of held.patchedFrom!.changed) outcomes[i] = decide(held.contacts[i]!);
  } else outcomes = Uint8Array.from(held.contacts, decide);
  const decided = fromOutcomes(held.contacts, outcomes, purpose !== undefined);
  held.decided.set(key, decided);
  return decided;
}

function outcomeOf(held: HeldMembers, seesThem: boolean, consentPurpose: ConsentPurpose | undefined, purpose: ConsentPurpose | undefined) {
  // One facts object filled per person rather than one made for each.
  const facts: { -readonly [K in keyof PersonFacts]: PersonFacts[K] } = { restricted: false, hasEmail: false, current: [] };
  return (c: MemberPersonRow): number => {
    facts.restricted = held.restricted.has(c.id);
    if (facts.restricted && !seesThem) return HIDDEN;
    facts.hasEmail = c.hasEmail;
    facts.current = c.current;
    if (consentPurpose && exportLeftOutReason(facts, consentPurpose) !== null) return NOT_IN_LIST;
    const reason = purpose ? exportLeftOutReason(facts, purpose) : null;
    return reason ? LEFT_OUT + REASONS.indexOf(reason) : IN;
  };
}

function fromOutcomes(contacts: readonly MemberPersonRow[], outcomes: Uint8Array, forPurpose: boolean): Decided {
  const counts = new Array<number>(LEFT_OUT + REASONS.length).fill(0);
  const people: MemberPersonRow[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i]!;
    counts[outcome]!++;
    if (outcome === IN) people.push(contacts[i]!);
  }
  const byReason = REASONS.flatMap((reason, r) => (counts[LEFT_OUT + r]! > 0 ? [{ reason, count: counts[LEFT_OUT + r]! }] : []));
  const leftOut = forPurpose ? { total: byReason.reduce((sum, r) => sum + r.count, 0), byReason } : null;
  return { people, leftOut, outcomes };
}
