import type { EventState, SecurityOutcome, WorkStep } from '../gql/graphql';

/** The sections of an event's page, in the order the workflow takes them. */
export const sections = ['security', 'significance', 'decision', 'inform', 'appeal', 'notices'] as const;
export type Section = (typeof sections)[number];

/**
 * done: behind us; active: the next thing to do; waiting: for someone else;
 * running: a time limit runs (the appeal window); blocked: may not go on;
 * later: not yet.
 */
export type SectionState = 'done' | 'active' | 'waiting' | 'running' | 'blocked' | 'later';

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

/** The anchor of each section on an event's page (the StepCard's id). */
export const sectionAnchors: Record<Section, string> = {
  security: 'sikkerhet',
  significance: 'vurdering',
  decision: 'vedtak',
  inform: 'underretning',
  appeal: 'klage',
  notices: 'varsler',
};

/**
 * stepAnchor is where on the event's page a step is taken: the notice's own
 * card when the step is about one notice, else the step's section — so that
 * «Gå til steget» lands on the step, not at the top of a long page.
 */
export function stepAnchor(step: WorkStep, noticeId?: string): string {
  if (noticeId) return `varsel-${noticeId}`;
  return sectionAnchors[sectionOf[step]];
}

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
export function progress(
  steps: readonly WorkStep[],
  security: SecurityOutcome | undefined,
  hasNotices: boolean,
  decided: boolean,
  eventState?: EventState,
): Progress {
  const p = fromSteps(steps, security, hasNotices, decided);
  if (p.state.appeal !== 'blocked') p.state.appeal = appealState(eventState) ?? p.state.appeal;
  // The decision fell and what was owed has gone: the workflow stopped there, not at the assessments.
  const fell = eventState === 'WITHDRAWN' || eventState === 'OVERTURNED';
  if (fell && steps.length === 0 && p.stopped?.rule === 'AS5') {
    p.stopped =
      eventState === 'WITHDRAWN'
        ? { rule: 'DC1', reason: 'Vedtaket om varsling er trukket tilbake. Det varsles ikke uten et nytt vedtak, og de som var varslet, har fått melding.' }
        : { rule: 'DC7', reason: 'Vedtaket om varsling er omgjort etter klage. Det varsles ikke.' };
  }
  return p;
}

/**
 * appealState is where the appeal stands, from the event's state rather than
 * from the next step: the notices may be prepared, or even sent early (DC6),
 * while the window is still open, and the appeal is done only once the
 * decision is final (DC4, DC5, DC7).
 */
function appealState(eventState: EventState | undefined): SectionState | undefined {
  switch (eventState) {
    case 'DECIDED':
      return 'later';
    case 'APPEAL_WINDOW':
      return 'running';
    case 'APPEALED':
      return 'active';
    case 'FINAL':
    case 'OVERTURNED':
      return 'done';
    default:
      return undefined;
  }
}

function fromSteps(steps: readonly WorkStep[], security: SecurityOutcome | undefined, hasNotices: boolean, decided: boolean): Progress {
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
