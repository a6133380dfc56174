import { useSyncExternalStore } from 'react';

/** Whether the last exchange with the server got an answer: a refused connection or a gateway error did not. */
let reachable = true;
const listeners = new Set<() => void>();

export function reportReachable(answered: boolean): void {
  if (answered === reachable) return;
  reachable = answered;
  for (const listener of listeners) listener();
}

export function isServerReachable(): boolean {
  return reachable;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useServerReachable(): boolean {
  return useSyncExternalStore(subscribe, isServerReachable);
}
