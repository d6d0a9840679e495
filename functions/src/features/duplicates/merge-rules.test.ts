// What a merged record keeps, without a database: field picks, custom field choices, the most restrictive consent.
import type { ConsentEntry } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import { mergedColumns, mergedCustomFields, restrictiveEntries } from './merge-rules';

const entry = (
  action: ConsentEntry['action'],
  capturedAt: string,
  channel: ConsentEntry['channel'] = 'email',
  purpose: ConsentEntry['purpose'] = 'marketing',
): ConsentEntry => ({
  id: `${action}-${capturedAt}`,
  contactId: 'c',
  channel,
  purpose,
  legalBasis: 'consent',
  action,
  source: 'Messe 2024',
  note: null,
  capturedBy: null,
  capturedByName: null,
  capturedAt,
  recordedAt: capturedAt,
});

describe('merge rules', () => {
  it("keeps the survivor's value unless the caller picks the other, and fills what the survivor lacks", () => {
    const columns = { firstName: 'first_name', jobTitle: 'job_title', ownerId: 'owner_id' };
    const survivor = { first_name: 'Jürgen', job_title: null, owner_id: 'u1' };
    const merged = { first_name: 'Juergen', job_title: 'Einkauf', owner_id: 'u2' };
    expect(mergedColumns(columns, survivor, merged, {})).toEqual({ first_name: 'Jürgen', job_title: 'Einkauf', owner_id: 'u1' });
    expect(mergedColumns(columns, survivor, merged, { ownerId: 'merged', jobTitle: 'survivor' })).toEqual({
      first_name: 'Jürgen',
      job_title: null,
      owner_id: 'u2',
    });
  });

  it('joins custom fields and requires a choice exactly where both differ', () => {
    expect(mergedCustomFields({ a: 1, b: 'x' }, { b: 'y', c: true }, { b: 'merged' })).toEqual({ a: 1, b: 'y', c: true });
    expect(() => mergedCustomFields({ b: 'x' }, { b: 'y' }, {})).toThrow(DomainError);
    expect(() => mergedCustomFields({ b: 'x' }, { b: 'x' }, { b: 'merged' })).toThrow(/nothing to choose/);
  });

  it('repeats an earlier withdrawal or objection that a later grant of the other record would outrank', () => {
    const survivor = [entry('granted', '2024-05-01T00:00:00.000Z'), entry('granted', '2024-01-01T00:00:00.000Z', 'phone')];
    const merged = [
      entry('withdrawn', '2023-01-10T00:00:00.000Z'),
      entry('objected', '2022-01-01T00:00:00.000Z', 'phone'),
      entry('granted', '2024-06-01T00:00:00.000Z', 'post'),
    ];
    expect(restrictiveEntries(survivor, merged)).toEqual([
      expect.objectContaining({
        channel: 'email',
        purpose: 'marketing',
        action: 'withdrawn',
        note: expect.stringContaining('withdrawal of 2023-01-10 (Messe 2024)'),
      }),
      expect.objectContaining({ channel: 'phone', purpose: 'marketing', action: 'objected' }),
    ]);
    // A withdrawal that is already the latest entry needs nothing appended.
    expect(restrictiveEntries([entry('granted', '2020-01-01T00:00:00.000Z')], [entry('withdrawn', '2023-01-10T00:00:00.000Z')])).toEqual([]);
  });
});
