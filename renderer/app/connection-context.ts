import { createContext, useContext } from 'react';
import type { ConnectionView } from '../../shared/bridge/views.ts';

/** The socket's state, read once by the frame and shared: the badge shows it, presence greys with it. */
export const ConnectionContext = createContext<ConnectionView | undefined>(undefined);

export function useConnection(): ConnectionView | undefined {
  return useContext(ConnectionContext);
}

/** Whether what the server last said is still being heard (others' presence is as of the drop otherwise). */
export function useLive(): boolean {
  const connection = useConnection();
  return connection === undefined || connection.state === 'online' || connection.state === 'syncing';
}
