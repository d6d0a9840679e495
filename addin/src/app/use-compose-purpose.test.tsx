// The kind of email the user picks is not undone by the item's saved purpose arriving late from Outlook.
import { act, renderHook } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { ComposePurpose } from '@crm/common/web';
import { useComposePurpose } from './use-compose-purpose';

it('keeps a choice made while the saved purpose was still being read', async () => {
  let answer: (purpose: ComposePurpose | null) => void = () => undefined;
  const saved: ComposePurpose[] = [];
  const host = {
    getComposePurpose: () => new Promise<ComposePurpose | null>((resolve) => (answer = resolve)),
    setComposePurpose: async (purpose: ComposePurpose) => void saved.push(purpose),
  };
  const { result } = renderHook(() => useComposePurpose(host, 'd1', true));
  act(() => result.current[1]('events'));
  await act(async () => answer('newsletter'));
  expect(result.current[0]).toBe('events');
  expect(saved).toEqual(['events']);
});

it('shows the saved purpose when the user has not chosen yet', async () => {
  const host = { getComposePurpose: async (): Promise<ComposePurpose | null> => 'newsletter', setComposePurpose: async () => undefined };
  const { result } = renderHook(() => useComposePurpose(host, 'd1', true));
  await act(async () => undefined);
  expect(result.current[0]).toBe('newsletter');
});
