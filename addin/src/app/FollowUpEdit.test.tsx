// "Act in the pane" (#12): an open follow-up on the account card completed or rescheduled from the pane with If-Match;
// a colleague's change in between is named (who, when, what, what it holds now) and the user reloads or overwrites.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Task, TaskPatch } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { accountContext, createdTask, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');
const TASK = testUuid('t1');
const THEIR_CHANGE_AT = '2026-12-02T09:42:00.000Z';
afterEach(cleanup);

const task = (fields: Partial<Task> = {}): Task => ({
  ...createdTask({ id: TASK, title: 'Angebot nachfassen', dueDate: '2026-12-10', accountId: HOFFMANN }),
  ...fields,
});
const theirs = task({ etag: '"2"', dueDate: '2026-12-20', updatedAt: THEIR_CHANGE_AT });

function setup(update: (ifMatch: string | undefined, body: TaskPatch) => Task | Error) {
  const patches: Array<{ ifMatch: string | undefined; body: TaskPatch }> = [];
  let contexts = 0;
  const api = paneApi({
    context: () => {
      contexts += 1;
      return {
        people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')],
        accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH', { openTasks: [task()] })],
      };
    },
    more: {
      updateTask: ({ body, ifMatch }) => {
        patches.push({ ifMatch, body: body as TaskPatch });
        return update(ifMatch, body as TaskPatch);
      },
      getTask: () => theirs,
    },
  });
  return { api, patches, contexts: () => contexts };
}

const overtaken = () =>
  new ApiError('changed', 412, {
    type: 'https://httpstatuses.io/412',
    title: 'Changed by someone else',
    status: 412,
    lastChange: { by: { id: testUuid('u2'), name: 'Ben Schulz' }, at: THEIR_CHANGE_AT, action: 'update', fields: ['dueDate'] },
  });

const open = async (name: string) => {
  fireEvent.click(await screen.findByRole('button', { name }));
  return screen.findByRole('form', { name });
};

it('marks a follow-up done with the version read, says so and refreshes the card', async () => {
  const { api, patches, contexts } = setup((_m, body) => task({ ...body, etag: '"2"' } as Partial<Task>));
  renderPane([message('m1', julia)], api.client);
  await ready('m1');
  const form = await open('Change follow-up Angebot nachfassen');
  expect(document.activeElement).toBe(within(form).getByLabelText(/Due date/));
  fireEvent.click(within(form).getByRole('button', { name: 'Mark as done' }));
  expect(await screen.findByText('Follow-up "Angebot nachfassen" done.')).toBeTruthy();
  expect(patches).toEqual([{ ifMatch: '"1"', body: { status: 'done' } }]);
  await waitFor(() => expect(contexts()).toBe(2));
});

it("reschedules; a colleague's change in between is named, and overwriting sends the new date on their version", async () => {
  const { api, patches } = setup((ifMatch, body) => (ifMatch === '"1"' ? overtaken() : task({ ...body, etag: '"3"' } as Partial<Task>)));
  renderPane([message('m1', julia)], api.client);
  await ready('m1');
  const form = await open('Change follow-up Angebot nachfassen');
  fireEvent.change(within(form).getByLabelText(/Due date/), { target: { value: '2099-12-15' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  const notice = await screen.findByTestId('changed-notice');
  expect(notice.textContent).toContain('Ben Schulz changed this record on');
  expect(notice.textContent).toContain('Changed: Due date.');
  expect(notice.textContent).toContain('Now: due 20 Dec 2026');
  fireEvent.click(within(notice).getByRole('button', { name: 'Overwrite with my changes' }));
  expect(await screen.findByText('Follow-up "Angebot nachfassen" now due 15 Dec 2099.')).toBeTruthy();
  expect(patches).toEqual([
    { ifMatch: '"1"', body: { dueDate: '2099-12-15' } },
    { ifMatch: '"2"', body: { dueDate: '2099-12-15' } },
  ]);
});

it("reloads the colleague's date into the form (German)", async () => {
  const { api } = setup(() => overtaken());
  renderPane([message('m1', julia)], api.client, 'de-DE');
  await ready('m1');
  const form = await open('Wiedervorlage Angebot nachfassen ändern');
  fireEvent.click(within(form).getByRole('button', { name: 'Als erledigt markieren' }));
  const notice = await screen.findByTestId('changed-notice');
  expect(notice.textContent).toContain('Geändert: Fällig am.');
  fireEvent.click(within(notice).getByRole('button', { name: 'Neu laden (meine Änderungen verwerfen)' }));
  await waitFor(() => expect(screen.queryByTestId('changed-notice')).toBeNull());
  expect((within(form).getByLabelText(/Fällig am/) as HTMLInputElement).value).toBe('2026-12-20');
});

it('asks before moving a follow-up to a day before today and moves it only when confirmed, in English and German', async () => {
  const { api, patches } = setup((_m, body) => task({ ...body, etag: '"2"' } as Partial<Task>));
  renderPane([message('m1', julia)], api.client);
  await ready('m1');
  const form = await open('Change follow-up Angebot nachfassen');
  const due = within(form).getByLabelText(/Due date/);
  fireEvent.change(due, { target: { value: '2019-12-30' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  expect(within(form).getByRole('alert').textContent).toContain('The due date 30 Dec 2019 is in the past.');
  expect(patches).toEqual([]);
  await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('button', { name: 'Change date' })));
  fireEvent.click(within(form).getByRole('button', { name: 'Change date' }));
  expect(document.activeElement).toBe(due);
  expect(within(form).queryByRole('alert')).toBeNull();
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('button', { name: 'Change date' })));
  fireEvent.click(within(form).getByRole('button', { name: 'Move anyway' }));
  expect(await screen.findByText('Follow-up "Angebot nachfassen" now due 30 Dec 2019.')).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('done-notice')));
  expect(patches).toEqual([{ ifMatch: '"1"', body: { dueDate: '2019-12-30' } }]);
  cleanup();

  const german = setup(() => task());
  renderPane([message('m1', julia)], german.api.client, 'de-DE');
  await ready('m1');
  const de = await open('Wiedervorlage Angebot nachfassen ändern');
  fireEvent.change(within(de).getByLabelText(/Fällig am/), { target: { value: '2019-12-30' } });
  fireEvent.click(within(de).getByRole('button', { name: 'Speichern' }));
  expect(within(de).getByRole('alert').textContent).toMatch(/liegt in der Vergangenheit/);
  expect(within(de).getByRole('button', { name: 'Trotzdem verschieben' })).toBeTruthy();
  expect(german.patches).toEqual([]);
});
