import type { SecurityOutcome, WorkStep } from '../gql/graphql';

/** The sections of an event's page, in the order the workflow takes them. */
export const sections = ['security', 'significance', 'decision', 'inform', 'appeal', 'notices'] as const;
export type Section = (typeof sections)[number];

/** done: behind us; active: the next thing to do; waiting: for someone else; blocked: may not go on; later: not yet. */
export type SectionState = 'done' | 'active' | 'waiting' | 'blocked' | 'later';

const sectionOf: Record<WorkStep, Section> = {
  ASSESS_SECURITY: 'security',
  AWAIT_POLICE_STATEMENT: 'security',
  ASSESS_SIGNIFICANCE: 'significance',
  DECIDE: 'decision',
  INFORM_CONVICT: 'inform',
  DECIDE_APPEAL: 'appeal',
  AWAIT_APPEAL_DEADLINE: 'appeal',
  PREPARE_NOTICES: 'notices',
  SEND_NOTICE: 'notices',
  POST_LETTER: 'notices',
  DOCUMENT_PHONE_NOTICE: 'notices',
  AWAIT_POLICE_DELIVERY: 'notices',
};

const waitingSteps: WorkStep[] = ['AWAIT_POLICE_STATEMENT', 'AWAIT_APPEAL_DEADLINE', 'AWAIT_POLICE_DELIVERY'];

export interface Progress {
  state: Record<Section, SectionState>;
  /** Why the workflow stops, when it does, with the rule. */
  stopped?: { rule: string; reason: string };
}

/**
 * progress places each section of the event's page from the server's next
 * steps (the same the worklist shows): what is done, what to do now, what
 * waits for someone else, and where the workflow has stopped and why. The
 * steps themselves, and the rules behind them, come from the server.
 */
export function progress(steps: readonly WorkStep[], security: SecurityOutcome | undefined, hasNotices: boolean, decided: boolean): Progress {
  const state = Object.fromEntries(sections.map((s) => [s, 'later'])) as Record<Section, SectionState>;
  if (security === 'RISK_CONFIRMED') {
    state.security = 'done';
    for (const s of sections.slice(1)) state[s] = 'blocked';
    return { state, stopped: { rule: 'AS2', reason: 'Politiet har bekreftet fare for hevnaksjoner eller lignende. Det gis ikke varsel om denne hendelsen.' } };
  }
  const first = steps[0];
  if (!first) {
    // Nothing left: either every notice has gone, or the assessments found nobody to notify.
    for (const s of sections) state[s] = 'done';
    if (!decided) {
      state.decision = state.inform = state.appeal = state.notices = 'blocked';
      return { state, stopped: { rule: 'AS5', reason: 'Vurderingene konkluderte med at ingen skal varsles. Begrunnelsene er journalført, og mottakerne får ikke vite om det.' } };
    }
    if (!hasNotices) state.notices = 'later';
    return { state };
  }
  const at = sections.indexOf(sectionOf[first]);
  sections.forEach((s, i) => {
    if (i < at) state[s] = 'done';
    else if (i === at) state[s] = waitingSteps.includes(first) && steps.every((st) => waitingSteps.includes(st)) ? 'waiting' : 'active';
  });
  return { state };
}
