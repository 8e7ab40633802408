// Subscribes a component to an event main pushes, for as long as it is mounted.
import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../shared/contract';

export function useOuroEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => window.ouro.on(event, (payload) => latest.current(payload)), [event]);
}
