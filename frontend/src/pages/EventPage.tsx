import { Alert, BodyShort, Button, Detail, Heading, HStack, Link, VStack } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageState } from '../components/PageState';
import { formatDate, formatDateTime, formatWhen } from '../lib/format';
import { eventKindLabels, label, levelLabels, workStepLabels } from '../lib/labels';
import { progress, stepAnchor } from '../lib/workflow';
import { decisionInForce, AppealStep, DecisionStep, InformStep } from './event/DecisionSteps';
import { ConditionsStep } from './event/ConditionsStep';
import { eventPageDocument, type CustodyEventData, type District } from './event/document';
import { InformationStep } from './event/InformationStep';
import { NoticesStep } from './event/NoticesStep';
import { SecurityStep } from './event/SecurityStep';
import { SignificanceStep } from './event/SignificanceStep';
import { StepCard } from './event/StepCard';
import { ChangeEvent } from './event/ChangeEvent';

/**
 * EventPage carries one custody event through the workflow: conditions,
 * information, the security assessment, the assessment of each recipient,
 * the decision, informing the convict, the appeal window and the notices.
 * Each step says which rule applies and, when it cannot be taken, why.
 */
export function EventPage() {
  const { id = '' } = useParams();
  const { hash, key } = useLocation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: eventPageDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const ev = data?.custodyEvent;

  // A link to a step (#vedtak) or a notice (#varsel-12) moves focus to it,
  // which scrolls it into view, once the page is there: once per visit of
  // the link, not again each time the event is fetched afresh.
  const focusedFor = useRef('');
  useEffect(() => {
    if (ev && hash && focusedFor.current !== key) {
      focusedFor.current = key;
      focusStep(hash.slice(1));
    }
  }, [ev, hash, key]);

  return (
    <PageState fetching={fetching} error={error} hasData={!!data} what="hendelsen" retry={refresh}>
      {ev && <EventWorkflow event={ev} districts={data!.policeDistricts} refresh={refresh} fetching={fetching} />}
    </PageState>
  );
}

function EventWorkflow({ event: ev, districts, refresh, fetching }: {
  event: CustodyEventData;
  districts: District[];
  refresh: () => void;
  fetching: boolean;
}) {
  const latestSecurity = [...(ev.securityAssessments ?? [])].sort((a, b) => b.assessedAt.localeCompare(a.assessedAt))[0];
  const decided = !!decisionInForce(ev);
  const p = progress(
    ev.nextSteps.map((s) => s.step),
    latestSecurity?.outcome,
    (ev.notices ?? []).some((n) => n.status !== 'CANCELLED'),
    decided,
    ev.state,
  );
  const next = ev.nextSteps[0];
  const securityFirst = !latestSecurity || latestSecurity.outcome === 'AWAITING_POLICE' ? 'Sikkerheten vurderes først, og for seg (AS2).' : undefined;
  const stopped = p.stopped ? `${p.stopped.reason} (${p.stopped.rule})` : undefined;

  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <Link as={RouterLink} to={`/domfelte/${ev.convict.id}?fane=hendelser`}>
          {ev.convict.name}
        </Link>
        <Heading level="1" size="large">
          {label(eventKindLabels, ev.kind)} {formatWhen(ev.startsAt, ev.endsAt, ev.dateOnly)}
        </Heading>
        <Detail>
          Hjemmel for varsel: {ev.legalBasis} · vedtak på {label(levelLabels, ev.decidingLevel).toLowerCase()} ({ev.decidingUnit.name}) ·{' '}
          {ev.stateName} · registrert {formatDateTime(ev.createdAt)}
        </Detail>
        <ChangeEvent event={ev} onChanged={refresh} />
      </VStack>

      {p.stopped ? (
        <Alert variant={p.stopped.rule === 'AS2' ? 'error' : 'info'}>
          <BodyShort>
            {p.stopped.reason} ({p.stopped.rule})
          </BodyShort>
        </Alert>
      ) : next ? (
        <Alert variant={next.overdue ? 'warning' : 'info'}>
          <HStack justify="space-between" align="center" gap="space-8">
            <VStack gap="space-2">
              <BodyShort weight="semibold">
                <Link as={RouterLink} to={{ hash: stepAnchor(next.step, next.notice?.id) }}>
                  Neste steg: {label(workStepLabels, next.step)} ({next.rule})
                </Link>
              </BodyShort>
              <BodyShort size="small">
                {next.title}
                {next.deadline ? ` – frist ${formatDate(next.deadline)}${next.overdue ? ', passert' : ''}` : ''}
              </BodyShort>
            </VStack>
            <Button size="small" variant="tertiary" onClick={refresh} loading={fetching}>
              Oppdater
            </Button>
          </HStack>
        </Alert>
      ) : (
        <Alert variant="success">Alle varsler for hendelsen er gitt.</Alert>
      )}

      <StepCard id="vilkar" number={1} title="Vilkår som angår mottakerne" rules={['NT3', 'NT4']}>
        <ConditionsStep event={ev} onChanged={refresh} />
      </StepCard>
      <StepCard id="opplysninger" number={2} title="Innhenting av opplysninger" rules={['AS6', 'AS7']}>
        <InformationStep event={ev} districts={districts} onChanged={refresh} />
      </StepCard>
      <StepCard id="sikkerhet" number={3} title="Sikkerhetsvurdering" state={p.state.security} rules={['AS2']}>
        <SecurityStep event={ev} districts={districts} onChanged={refresh} />
      </StepCard>
      <StepCard id="vurdering" number={4} title="Er varsel av betydning for mottakeren?" state={p.state.significance} rules={['AS1', 'AS3', 'AS4', 'AS5']}>
        <SignificanceStep event={ev} onChanged={refresh} blocked={stopped ?? securityFirst} />
      </StepCard>
      <StepCard id="vedtak" number={5} title="Vedtak om varsling" state={p.state.decision} rules={['DC1', 'DC2']}>
        <DecisionStep event={ev} onChanged={refresh} blocked={stopped ?? securityFirst} />
      </StepCard>
      <StepCard id="underretning" number={6} title="Underretning av domfelte" state={p.state.inform} rules={['DC3', 'DC4']}>
        <InformStep event={ev} onChanged={refresh} />
      </StepCard>
      <StepCard id="klage" number={7} title="Klage" state={p.state.appeal} rules={['DC5', 'DC7']}>
        <AppealStep event={ev} onChanged={refresh} />
      </StepCard>
      <StepCard id="varsler" number={8} title="Varsler" state={p.state.notices} rules={['NT1', 'NT2', 'RC5', 'RC9']}>
        <NoticesStep event={ev} onChanged={refresh} blocked={stopped} />
      </StepCard>
    </VStack>
  );
}

/**
 * focusStep moves focus to a step's heading (a StepCard's «id-tittel») or to
 * a notice's card, so that a screen reader reads where the person landed and
 * the page scrolls to it.
 */
function focusStep(id: string) {
  const target = document.getElementById(`${id}-tittel`) ?? document.getElementById(id);
  target?.focus();
}
