/**
 * The moment the API answers UNAUTHENTICATED: forms keep their unsaved values and the layout signs out, once until
 * the next sign-in. A plain event, because the data provider's errors reach react-admin as successes once it has
 * logged out (its logout returns empty data), which is how a failed save used to say "Element updated".
 */
type Listener = (userId: string | null) => void;

const listeners = new Set<Listener>();
let ended = false;

export function announceSessionEnded(userId: string | null): void {
  if (ended) return;
  ended = true;
  for (const listener of listeners) listener(userId);
}

export function announceSessionStarted(): void {
  ended = false;
}

export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
