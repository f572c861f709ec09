import { describe, expect, it } from 'vitest';
import { progress } from './workflow';

describe("an event's page follows the server's next steps", () => {
  it('a new event starts with the security assessment (AS2)', () => {
    const p = progress(['ASSESS_SECURITY'], undefined, false, false);
    expect(p.state).toEqual({
      security: 'active',
      significance: 'later',
      decision: 'later',
      inform: 'later',
      appeal: 'later',
      notices: 'later',
    });
    expect(p.stopped).toBeUndefined();
  });

  it('waits while the police are asked for a statement', () => {
    expect(progress(['AWAIT_POLICE_STATEMENT'], 'AWAITING_POLICE', false, false).state.security).toBe('waiting');
  });

  it('a confirmed risk stops every later step (AS2)', () => {
    const p = progress([], 'RISK_CONFIRMED', false, false);
    expect(p.state.security).toBe('done');
    expect(p.state.decision).toBe('blocked');
    expect(p.state.notices).toBe('blocked');
    expect(p.stopped?.rule).toBe('AS2');
  });

  it('the decision comes once every recipient is assessed', () => {
    const p = progress(['DECIDE'], 'NO_RISK', false, false);
    expect(p.state.security).toBe('done');
    expect(p.state.significance).toBe('done');
    expect(p.state.decision).toBe('active');
  });

  it('notices held for the appeal deadline wait (DC5)', () => {
    const p = progress(['AWAIT_APPEAL_DEADLINE', 'AWAIT_APPEAL_DEADLINE'], 'NO_RISK', true, true);
    expect(p.state.inform).toBe('done');
    expect(p.state.appeal).toBe('waiting');
  });

  it('a letter to post and a notice to send are work, not waiting', () => {
    expect(progress(['SEND_NOTICE', 'AWAIT_POLICE_DELIVERY'], 'NO_RISK', true, true).state.notices).toBe('active');
    expect(progress(['AWAIT_POLICE_DELIVERY'], 'NO_RISK', true, true).state.notices).toBe('waiting');
  });

  it('assessed, and nobody to notify: the workflow ends without a decision (AS5)', () => {
    const p = progress([], 'NO_RISK', false, false);
    expect(p.stopped?.rule).toBe('AS5');
    expect(p.state.significance).toBe('done');
    expect(p.state.decision).toBe('blocked');
  });

  it('every notice sent: all done', () => {
    expect(Object.values(progress([], 'NO_RISK', true, true).state)).toEqual(Array(6).fill('done'));
  });
});
