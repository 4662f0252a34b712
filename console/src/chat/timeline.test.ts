import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../api/types';
import type { Notice } from '../state/consoleState';
import { chatTimeline } from './timeline';

const message = (seq: number, at: string): ChatMessage => ({ seq, sender: 'customer', name: 'Ana', text: `m${seq}`, at });
const notice = (id: string, at: string): Notice => ({ id, kind: 'dropped', name: 'Ana', at });

describe('chatTimeline', () => {
  it('slots notices between messages by time', () => {
    const items = chatTimeline(
      [message(1, '2026-11-24T20:00:00Z'), message(2, '2026-11-24T20:05:00Z')],
      [notice('late', '2026-11-24T20:09:00Z'), notice('between', '2026-11-24T20:01:00Z')],
    );
    expect(items.map((i) => (i.kind === 'message' ? `m${i.message.seq}` : i.notice.id))).toEqual([
      'm1',
      'between',
      'm2',
      'late',
    ]);
  });
});
