// The in-memory world: time zone conversion, shared meetings, the change sequence, and the demo and bulk seeds.
import { DEMO_FEATURED, DEMO_USERS } from '@crm/common/demo';
import { describe, expect, it } from 'vitest';
import { FakeGraphModel } from './model';
import { seedBulkEvents, seedDemo } from './seed';
import { fromUtcMs, toUtcMs } from './time-zones';

describe('time zones', () => {
  it('converts Windows zones both ways, including summer time', () => {
    expect(new Date(toUtcMs({ dateTime: '2027-07-01T10:00:00.0000000', timeZone: 'W. Europe Standard Time' })).toISOString()).toBe('2027-07-01T08:00:00.000Z');
    expect(new Date(toUtcMs({ dateTime: '2027-01-01T10:00:00.0000000', timeZone: 'Pacific Standard Time' })).toISOString()).toBe('2027-01-01T18:00:00.000Z');
    expect(fromUtcMs(Date.parse('2027-07-01T08:00:00Z'), 'GMT Standard Time')).toEqual({
      dateTime: '2027-07-01T09:00:00.0000000',
      timeZone: 'GMT Standard Time',
    });
    expect(() => toUtcMs({ dateTime: '2027-01-01T00:00:00', timeZone: 'Mars Standard Time' })).toThrow(/unknown time zone/);
  });
});

describe('model', () => {
  it('gives a meeting in several mailboxes one iCalUId and different ids', () => {
    const model = new FakeGraphModel();
    model.addMailbox({ email: 'a@rheinwerk-maschinenbau.de' });
    model.addMailbox({ email: 'b@rheinwerk-maschinenbau.de' });
    const [a, b] = model.addSharedEvent(['a@rheinwerk-maschinenbau.de', 'b@rheinwerk-maschinenbau.de'], {
      subject: 'X',
      start: '2027-01-01T10:00:00Z',
      end: '2027-01-01T11:00:00Z',
    });
    expect(a!.iCalUId).toBe(b!.iCalUId);
    expect(a!.id).not.toBe(b!.id);
    expect(a!.organizer.emailAddress.address).toBe('a@rheinwerk-maschinenbau.de');
  });

  it('bumps the mailbox sequence and changeKey on every change and reports it to listeners', () => {
    const model = new FakeGraphModel();
    const mailbox = model.addMailbox({ email: 'a@rheinwerk-maschinenbau.de' });
    const changes: string[] = [];
    model.onChange((c) => changes.push(`${c.resource}:${c.changeType}`));
    const e = model.addEvent(mailbox.id, { subject: 'X', start: '2027-01-01T10:00:00Z', end: '2027-01-01T11:00:00Z' });
    const e2 = model.updateEvent(mailbox.id, e.id, { subject: 'Y' });
    const c = model.addContact(mailbox.id, { givenName: 'J', surname: 'H', emailAddresses: ['j@h.de'] });
    model.deleteContact(mailbox.id, c.id);
    expect(mailbox.seq).toBe(4);
    expect(e2.changeKey).not.toBe(e.changeKey);
    expect(changes).toEqual(['events:created', 'events:updated', 'contacts:created', 'contacts:deleted']);
    expect(model.contacts(mailbox.id)).toEqual([]);
  });

  it('seeds the demo users with meetings and contacts of demo customers', () => {
    const model = new FakeGraphModel();
    seedDemo(model);
    const anna = model.mailbox(DEMO_USERS[0]!.oid);
    expect(anna.mail).toBe(DEMO_USERS[0]!.email);
    const attendees = model.events(anna.id).flatMap((e) => e.attendees.map((a) => a.emailAddress.address));
    expect(attendees).toContain(DEMO_FEATURED.knownContact.email);
    expect(model.events(anna.id).some((e) => e.sensitivity === 'private')).toBe(true);
    expect(model.events(anna.id).some((e) => e.start.timeZone === 'Romance Standard Time')).toBe(true);
    expect(model.contacts(anna.id).map((c) => c.emailAddresses[0]!.address)).toContain(DEMO_FEATURED.unknownSenderAtKnownDomain);
  });

  it('seeds 5,000 events deterministically', () => {
    const build = () => {
      const model = new FakeGraphModel({ now: () => Date.parse('2026-11-29T00:00:00Z') });
      model.addMailbox({ email: 'bulk@rheinwerk-maschinenbau.de' });
      seedBulkEvents(model, 'bulk@rheinwerk-maschinenbau.de', 5_000);
      return model.events('bulk@rheinwerk-maschinenbau.de');
    };
    const events = build();
    expect(events).toHaveLength(5_000);
    expect(build().map((e) => e.id)).toEqual(events.map((e) => e.id));
  });
});
