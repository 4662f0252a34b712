import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwordRule';

describe('passwordProblem', () => {
  it('wants 12 characters, no user name and the same twice', () => {
    expect(passwordProblem('ana', 'short')).toBe('account.password.tooShort');
    expect(passwordProblem('lucia', 'my-LUCIA-secret')).toBe('account.password.hasName');
    expect(passwordProblem('ana', 'granite-lantern-river', 'granite-lantern-rivers')).toBe('account.password.mismatch');
    expect(passwordProblem('ana', 'granite-lantern-river', 'granite-lantern-river')).toBeUndefined();
    expect(passwordProblem('ana', 'ñandú-sobre-el-tejado')).toBeUndefined();
  });
});
