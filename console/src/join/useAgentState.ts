import { useEffect, useState } from 'preact/hooks';
import type { AgentSession, AgentState } from './agentSession';

/** Follows an AgentSession's state in a component. */
export function useAgentState(session: AgentSession): AgentState {
  const [state, setState] = useState<AgentState>(() => session.state);
  useEffect(() => session.subscribe(setState), [session]);
  return state;
}
