// The pickers' shared combobox: what the keys do, which answer counts, and what a screen reader is told.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useCallback } from 'react';
import { afterEach, expect, it } from 'vitest';
import { useSearchCombobox } from './use-search-combobox';

afterEach(cleanup);

interface Harness {
  picked: string[];
  asked: string[];
  aborted: string[];
  submitted: number;
}

function renderCombobox(offered: string[], answer: (q: string) => Promise<string[]> = async (q) => [`${q} one`, `${q} two`, `${q} three`]) {
  const harness: Harness = { picked: [], asked: [], aborted: [], submitted: 0 };
  function Picker() {
    const search = useCallback((q: string, signal: AbortSignal) => {
      harness.asked.push(q);
      signal.addEventListener('abort', () => harness.aborted.push(q));
      return answer(q);
    }, []);
    const combobox = useSearchCombobox<string>({ search, offered, onPick: (option) => harness.picked.push(option) });
    return (
      <form onSubmit={(e) => (e.preventDefault(), harness.submitted++)}>
        <input aria-label="Search" value={combobox.q} onChange={(e) => combobox.setQ(e.target.value)} {...combobox.inputProps} />
        {combobox.error ? (
          <button type="button" onClick={combobox.retry}>
            Retry
          </button>
        ) : null}
        {combobox.loading ? <p>Loading</p> : null}
        {combobox.nothing ? <p>Nothing</p> : null}
        <ul {...combobox.listProps} aria-label="Options">
          {combobox.options.map((option, index) => (
            <li key={option} {...combobox.optionProps(index)}>
              {option}
            </li>
          ))}
        </ul>
      </form>
    );
  }
  render(<Picker />);
  return harness;
}

const input = () => screen.getByRole('combobox', { name: 'Search' });
const key = (k: string) => fireEvent.keyDown(input(), { key: k });
const activeText = () => {
  const id = input().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.textContent : null;
};

it('moves through the offered options with the arrows, wrapping, and with Home and End, and Enter picks the active one', () => {
  const harness = renderCombobox(['Nordlicht', 'Becker', 'Keller']);
  expect(input().getAttribute('aria-expanded')).toBe('true');
  expect(input().getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
  expect(activeText()).toBeNull();
  key('ArrowDown');
  expect(activeText()).toBe('Nordlicht');
  key('ArrowUp');
  expect(activeText()).toBe('Keller');
  key('ArrowDown');
  expect(activeText()).toBe('Nordlicht');
  key('End');
  expect(activeText()).toBe('Keller');
  key('Home');
  key('ArrowDown');
  expect(activeText()).toBe('Becker');
  expect(screen.getByRole('option', { name: 'Becker' }).getAttribute('aria-selected')).toBe('true');
  key('Enter');
  expect(harness.picked).toEqual(['Becker']);
  expect(harness.submitted).toBe(0);
});

it('never submits the form on Enter, with or without an active option', () => {
  const harness = renderCombobox([]);
  key('Enter');
  key('ArrowDown');
  key('Enter');
  expect(harness).toMatchObject({ picked: [], submitted: 0 });
  expect(input().getAttribute('aria-expanded')).toBe('false');
});

it('searches once typing pauses, from two characters on, dropping what was asked before', async () => {
  const harness = renderCombobox(['Nordlicht']);
  fireEvent.change(input(), { target: { value: 'b' } });
  expect(screen.getByRole('option', { name: 'Nordlicht' })).toBeTruthy();
  fireEvent.change(input(), { target: { value: 'be' } });
  fireEvent.change(input(), { target: { value: 'bec' } });
  expect(screen.getByText('Loading')).toBeTruthy();
  await screen.findByRole('option', { name: 'bec one' });
  expect(harness.asked).toEqual(['bec']);
  key('ArrowDown');
  key('ArrowDown');
  expect(activeText()).toBe('bec two');
  // Another search starts with no option active, so Enter cannot pick from the list that went.
  fireEvent.change(input(), { target: { value: 'beck' } });
  expect(activeText()).toBeNull();
  await screen.findByRole('option', { name: 'beck one' });
  expect(harness.aborted).toContain('bec');
});

it('clears the search with Escape and offers the item options again; a click picks without taking the focus', async () => {
  const harness = renderCombobox(['Nordlicht']);
  fireEvent.change(input(), { target: { value: 'keller' } });
  const option = await screen.findByRole('option', { name: 'keller two' });
  const press = fireEvent.mouseDown(option);
  expect(press).toBe(false);
  fireEvent.click(option);
  expect(harness.picked).toEqual(['keller two']);
  key('Escape');
  expect((input() as HTMLInputElement).value).toBe('');
  expect(screen.getByRole('option', { name: 'Nordlicht' })).toBeTruthy();
});

it('says when nothing matches, and offers a retry after a failed search that asks again', async () => {
  let fail = true;
  const harness = renderCombobox([], async (q) => {
    if (fail) throw new Error('down');
    return q === 'zz' ? [] : [q];
  });
  fireEvent.change(input(), { target: { value: 'zz' } });
  const retry = await screen.findByRole('button', { name: 'Retry' });
  fail = false;
  await act(async () => fireEvent.click(retry));
  await screen.findByText('Nothing');
  expect(harness.asked).toEqual(['zz', 'zz']);
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull());
});
