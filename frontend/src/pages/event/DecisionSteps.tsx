import { Alert, BodyShort, Button, Detail, HStack, Radio, RadioGroup, Select, Textarea, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { FileButton } from '../../components/FileButton';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { DecisionConvictInformedHow, DecisionOralAppealAnswer, ExemptionGround } from '../../gql/graphql';
import { formatDate, formatDateTime, instantOf, localInputValue, todayInNorway } from '../../lib/format';
import { appealStatusLabels, exemptionGroundLabels, informedHowLabels, label, levelLabels, oralAnswerLabels } from '../../lib/labels';
import { useHasRole } from '../../lib/session';
import { WithdrawDecisionForm } from './WithdrawDecisionForm';
import { useAction } from '../../lib/useAction';
import type { CustodyEventData } from './document';
import { TimeField } from '../../components/TimeField';
import { FormButtons } from '../../components/FormButtons';
import { serviceNow } from '../../lib/clock';

const decideDocument = graphql(`
  mutation DecideNotification($in: DecideNotificationInput!) {
    decideNotification(input: $in) {
      id
    }
  }
`);
const informedDocument = graphql(`
  mutation RecordConvictInformed($in: RecordConvictInformedInput!) {
    recordConvictInformed(input: $in) {
      id
      appealDeadline
    }
  }
`);
const deadlineForDocument = graphql(`
  query AppealDeadlineFor($on: Date!) {
    appealDeadlineFor(informedOn: $on) {
      deadline
      movedPast
    }
  }
`);
const appealDocument = graphql(`
  mutation RegisterAppeal($in: RegisterAppealInput!) {
    registerAppeal(input: $in) {
      id
    }
  }
`);
const decideAppealDocument = graphql(`
  mutation DecideAppeal($in: DecideAppealInput!) {
    decideAppeal(input: $in) {
      id
      status
    }
  }
`);

type Decision = NonNullable<CustodyEventData['decisions']>[number];

/** decisionInForce is the event's decision that stands, if any. */
export function decisionInForce(event: CustodyEventData): Decision | undefined {
  return (event.decisions ?? []).find((d) => d.status === 'IN_FORCE');
}

/**
 * DecisionStep is the decision to notify, an enkeltvedtak (DC1), made by a
 * decision maker at the level that decides the event (DC2). A caseworker
 * prepares it and sees who is to decide.
 */
export function DecisionStep({ event, onChanged, blocked }: { event: CustodyEventData; onChanged: () => void; blocked?: string }) {
  const decisionMaker = useHasRole('DECISION_MAKER');
  const [reasoning, setReasoning] = useState('');
  const [withheld, setWithheld] = useState<ExemptionGround | ''>('');
  const action = useAction(decideDocument, onChanged);
  const d = decisionInForce(event);
  const overturned = (event.decisions ?? []).filter((x) => x.status === 'OVERTURNED');
  const withdrawn = (event.decisions ?? []).filter((x) => x.status === 'WITHDRAWN');
  const [withdrawing, setWithdrawing] = useState(false);
  const notify = event.potentialRecipients.some((r) => r.assessment?.outcome === 'NOTIFY');

  return (
    <VStack gap="space-12">
      {overturned.map((o) => (
        <Alert key={o.id} variant="info" size="small">
          Vedtaket av {formatDate(o.decidedAt)} ble omgjort etter klage; varsler som ikke var sendt, er kansellert (DC7).
        </Alert>
      ))}
      {withdrawn.map((w) => (
        <Alert key={w.id} variant="info" size="small">
          Vedtaket av {formatDate(w.decidedAt)} ble trukket tilbake{w.withdrawnAt ? ` ${formatDate(w.withdrawnAt)}` : ''}
          {w.withdrawReason ? `: ${w.withdrawReason.replace(/[.!]\s*$/, '')}` : ''}. Varsler som ikke var sendt, er stoppet (NT8).
        </Alert>
      ))}
      {d ? (
        <VStack gap="space-8">
          <BodyShort>
            Vedtak om varsling fattet {formatDateTime(d.decidedAt)} av {d.decidedBy?.name ?? 'ukjent'}, {d.decidingUnit.name} ({label(levelLabels, d.level).toLowerCase()}).
          </BodyShort>
          {d.reasoning && <BodyShort size="small">Begrunnelse: {d.reasoning}</BodyShort>}
          <FileButton path={`/letters/decisions/${d.id}`} filename="vedtak-til-domfelte.pdf" preview working="Lager vedtaksbrevet">
            Vis vedtaksbrevet til domfelte
          </FileButton>
          {decisionMaker && event.status === 'OPEN' && !withdrawing && (
            <div>
              <Button size="small" variant="secondary" data-color="danger" onClick={() => setWithdrawing(true)}>
                Trekk tilbake vedtaket
              </Button>
            </div>
          )}
          {withdrawing && (
            <WithdrawDecisionForm decisionId={d.id} onDone={() => (setWithdrawing(false), onChanged())} onCancel={() => setWithdrawing(false)} />
          )}
        </VStack>
      ) : blocked ? (
        <Detail>{blocked}</Detail>
      ) : !notify ? (
        <Detail>Vedtak om varsling fattes når minst én vurdering konkluderer med at varsel er av betydning.</Detail>
      ) : !decisionMaker ? (
        <Alert variant="info" size="small">
          Vedtaket fattes av en beslutter på {label(levelLabels, event.decidingLevel).toLowerCase()} ({event.decidingUnit.name}). Saken ligger på arbeidslisten deres
          (DC2).
        </Alert>
      ) : (
        <form
          aria-label="Vedtak om varsling"
          onSubmit={(e) => {
            e.preventDefault();
            void action.submit({ in: { custodyEventId: event.id, reasoning, reasonsWithheld: withheld || undefined } });
          }}
        >
          <VStack gap="space-12">
            <BodyShort size="small">
              Vedtaket treffes på {label(levelLabels, event.decidingLevel).toLowerCase()} ({event.decidingUnit.name}).
            </BodyShort>
            <Textarea
              {...action.field('reasoning', { label: 'Begrunnelse', required: true, kind: 'paragraphs', value: reasoning, missing: 'Skriv begrunnelsen for vedtaket (DC1).' })}
              description="Begrunnelsen registreres alltid (forvaltningsloven §§ 24–25, DC1)"
              value={reasoning}
              onChange={(e) => setReasoning(e.target.value)}
              minRows={3}
            />
            <Select
              {...action.field('reasonsWithheld')}
              label="Unntak fra innsyn"
              description="Velg bare når begrunnelsen ville røpe opplysninger unntatt fra domfeltes innsyn; den står da ikke i vedtaksbrevet (straffegjennomføringsloven § 7 bokstav d)"
              value={withheld}
              onChange={(e) => setWithheld(e.target.value as ExemptionGround | '')}
            >
              <option value="">Nei – begrunnelsen står i vedtaksbrevet</option>
              {(Object.keys(exemptionGroundLabels) as ExemptionGround[]).map((g) => (
                <option key={g} value={g}>
                  Ja – {exemptionGroundLabels[g].toLowerCase()}
                </option>
              ))}
            </Select>
            <ProblemMessage problem={action.problem} heading="Vedtaket ble ikke fattet" />
            <div>
              <Button type="submit" size="small" loading={action.busy}>
                Fatt vedtak om varsling
              </Button>
            </div>
          </VStack>
        </form>
      )}
    </VStack>
  );
}

/**
 * DeadlinePreview says, before anything is recorded, when the appeal deadline
 * would end if the decision reaches the convict at the time entered (DC4),
 * and which weekend days or public holidays moved it.
 */
function DeadlinePreview({ at }: { at: string }) {
  const on = at ? todayInNorway(new Date(instantOf(at))) : '';
  const [{ data }] = useQuery({ query: deadlineForDocument, variables: { on }, pause: !on });
  const info = data?.appealDeadlineFor;
  if (!info) return null;
  return (
    <BodyShort size="small" aria-live="polite">
      Klagefristen går da ut {formatDate(info.deadline)} (DC4)
      {info.movedPast.length > 0 && ` – flyttet forbi ${info.movedPast.join(', ')}`}.
    </BodyShort>
  );
}

/**
 * InformStep records that the convict was told of the decision, the right to
 * appeal and the deadline (DC3), which sets the appeal deadline (DC4); told
 * orally, the convict's answer is recorded (DC6).
 */
export function InformStep({ event, onChanged }: { event: CustodyEventData; onChanged: () => void }) {
  const d = decisionInForce(event);
  const [at, setAt] = useState(localInputValue(serviceNow()));
  const [how, setHow] = useState<DecisionConvictInformedHow>('LETTER');
  const [answer, setAnswer] = useState<DecisionOralAppealAnswer>('DOES_NOT_APPEAL');
  const [impracticable, setImpracticable] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction(informedDocument, onChanged);
  if (!d) return <Detail>Domfelte underrettes når vedtaket er fattet.</Detail>;
  if (d.informingImpracticableReason) {
    return <BodyShort>Domfelte underrettes ikke: {d.informingImpracticableReason}</BodyShort>;
  }
  if (d.convictInformedAt) {
    return (
      <VStack gap="space-4">
        <BodyShort>
          Domfelte ble underrettet {formatDateTime(d.convictInformedAt)} ({label(informedHowLabels, d.convictInformedHow ?? undefined).toLowerCase()}).
        </BodyShort>
        {d.oralAppealAnswer && <BodyShort>Svar på spørsmålet om klage: {label(oralAnswerLabels, d.oralAppealAnswer).toLowerCase()} (DC6).</BodyShort>}
        {d.appealDeadline && (
          <BodyShort weight="semibold">Klagefristen går ut {formatDate(d.appealDeadline)} (DC4).</BodyShort>
        )}
      </VStack>
    );
  }
  return (
    <form
      aria-label="Underretning av domfelte"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit(() => ({
          in: impracticable
            ? { decisionId: d.id, impracticableReason: reason }
            : { decisionId: d.id, informedAt: instantOf(at), how, oralAppealAnswer: how === 'ORAL' ? answer : undefined },
        }));
      }}
    >
      <VStack gap="space-12">
        <RadioGroup legend="Kan domfelte underrettes?" value={impracticable ? 'no' : 'yes'} onChange={(v: string) => setImpracticable(v === 'no')}>
          <Radio value="yes">Ja, domfelte er underrettet</Radio>
          <Radio value="no">Nei, det er praktisk umulig</Radio>
        </RadioGroup>
        {impracticable ? (
          <Textarea
            {...action.field('impracticableReason', { label: 'Hvorfor det ikke lar seg gjøre', required: true, kind: 'paragraphs', value: reason })}
            value={reason} onChange={(e) => setReason(e.target.value)} minRows={2} />
        ) : (
          <>
            <HStack gap="space-16">
              <TimeField {...action.field('informedAt', { label: 'Når domfelte fikk vedtaket', required: true, kind: 'date', value: at })} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
              <Select {...action.field('how')} label="Hvordan" value={how} onChange={(e) => setHow(e.target.value as DecisionConvictInformedHow)}>
                <option value="LETTER">Vedtaksbrev</option>
                <option value="IN_PERSON">Personlig, skriftlig</option>
                <option value="ORAL">Muntlig – tiden tillater ikke å vente (DC6)</option>
              </Select>
            </HStack>
            <DeadlinePreview at={at} />
            {how === 'ORAL' && (
              <RadioGroup {...action.field('oralAppealAnswer')} legend="Vil domfelte klage?" value={answer} onChange={(v: DecisionOralAppealAnswer) => setAnswer(v)}>
                <Radio value="DOES_NOT_APPEAL">Vil ikke klage</Radio>
                <Radio value="WANTS_TO_APPEAL">Vil klage</Radio>
                <Radio value="UNDECIDED">Har ikke bestemt seg</Radio>
              </RadioGroup>
            )}
          </>
        )}
        <ProblemMessage problem={action.problem} heading="Underretningen ble ikke registrert" />
        <div>
          <Button type="submit" size="small" loading={action.busy}>
            Registrer underretningen
          </Button>
        </div>
      </VStack>
    </form>
  );
}

/**
 * AppealStep registers the convict's appeal and lets the next level up decide
 * it (DC7); while it is pending, or the deadline runs, notices wait (DC5).
 */
export function AppealStep({ event, onChanged }: { event: CustodyEventData; onChanged: () => void }) {
  const d = decisionInForce(event) ?? (event.decisions ?? [])[0];
  const [registering, setRegistering] = useState(false);
  const [received, setReceived] = useState(localInputValue(serviceNow()));
  const [grounds, setGrounds] = useState('');
  const register = useAction(appealDocument, () => (setRegistering(false), onChanged()));
  if (!d) return <Detail>Klage kan registreres når vedtaket er fattet.</Detail>;
  const appeals = d.appeals ?? [];
  return (
    <VStack gap="space-12">
      {d.appealDeadline && event.state === 'APPEAL_WINDOW' && (
        <BodyShort>
          Klagefrist: {formatDate(d.appealDeadline)}. Varslene holdes tilbake til fristen er ute, så langt det er praktisk mulig (DC5).
        </BodyShort>
      )}
      {event.state === 'FINAL' && appeals.length === 0 && (
        <BodyShort>
          {d.oralAppealAnswer === 'DOES_NOT_APPEAL'
            ? 'Domfelte har sagt at han eller hun ikke vil klage (DC6). '
            : d.appealDeadline
              ? `Klagefristen gikk ut ${formatDate(d.appealDeadline)} uten klage. `
              : ''}
          Vedtaket er endelig.
        </BodyShort>
      )}
      {appeals.map((a) => (
        <VStack key={a.id} gap="space-4" className="panel">
          <BodyShort weight="semibold">
            Klage mottatt {formatDateTime(a.receivedAt)} – {label(appealStatusLabels, a.status).toLowerCase()}
          </BodyShort>
          {a.grounds && <BodyShort size="small">Klagegrunner: {a.grounds}</BodyShort>}
          {a.reasoning && (
            <BodyShort size="small">
              Avgjort {formatDateTime(a.decidedAt)} av {a.decidingUnit?.name}: {a.reasoning}
            </BodyShort>
          )}
          {a.status === 'PENDING' && <DecideAppealForm appealId={a.id} onDone={onChanged} />}
        </VStack>
      ))}
      {mayRegisterAppeal(event) &&
        (registering ? (
          <form
            className="panel"
            aria-label="Registrer klage"
            onSubmit={(e) => {
              e.preventDefault();
              void register.submit(() => ({ in: { decisionId: d.id, receivedAt: instantOf(received), grounds: grounds || undefined } }));
            }}
          >
            <VStack gap="space-12">
              <TimeField {...register.field('receivedAt', { label: 'Når klagen kom inn', required: true, kind: 'date', value: received })} type="datetime-local" value={received} onChange={(e) => setReceived(e.target.value)} />
              <Textarea {...register.field('grounds', { label: 'Klagegrunner', kind: 'paragraphs', value: grounds })} value={grounds} onChange={(e) => setGrounds(e.target.value)} minRows={2} />
              <ProblemMessage problem={register.problem} heading="Klagen ble ikke registrert" />
              <FormButtons busy={register.busy} onCancel={() => setRegistering(false)} submit="Registrer klagen" size="small" />
            </VStack>
          </form>
        ) : (
          <div>
            <Button size="small" variant="secondary" onClick={() => setRegistering(true)}>
              Registrer klage fra domfelte
            </Button>
          </div>
        ))}
    </VStack>
  );
}

/**
 * mayRegisterAppeal says whether «Registrer klage» is offered: the decision
 * is in force and open to appeal — its window runs, or it has become final
 * and a late appeal may still come (DC7) — no appeal has been registered on
 * it yet (a decided appeal is decided), and no notice has gone out.
 */
export function mayRegisterAppeal(event: Pick<CustodyEventData, 'state' | 'decisions' | 'notices'>): boolean {
  const d = decisionInForce(event as CustodyEventData);
  if (!d || (d.appeals ?? []).length > 0) return false;
  if (event.state !== 'APPEAL_WINDOW' && event.state !== 'FINAL') return false;
  return (event.notices ?? []).every((n) => !['SENT', 'DELIVERED', 'SENDING'].includes(n.status));
}

function DecideAppealForm({ appealId, onDone }: { appealId: string; onDone: () => void }) {
  const decisionMaker = useHasRole('DECISION_MAKER');
  const [upheld, setUpheld] = useState<'yes' | 'no'>('yes');
  const [reasoning, setReasoning] = useState('');
  const action = useAction(decideAppealDocument, onDone);
  if (!decisionMaker) {
    return <Detail>Klagen avgjøres av en beslutter på nivået over den som fattet vedtaket (DC7).</Detail>;
  }
  return (
    <form
      aria-label="Avgjør klagen"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { appealId, upheld: upheld === 'yes', reasoning } });
      }}
    >
      <VStack gap="space-12">
        <RadioGroup legend="Klageavgjørelse" value={upheld} onChange={(v: 'yes' | 'no') => setUpheld(v)}>
          <Radio value="yes">Vedtaket om varsling står seg</Radio>
          <Radio value="no">Vedtaket omgjøres – varsler som ikke er sendt, kanselleres</Radio>
        </RadioGroup>
        <Textarea {...action.field('reasoning', { label: 'Begrunnelse', required: true, kind: 'paragraphs', value: reasoning })} value={reasoning} onChange={(e) => setReasoning(e.target.value)} minRows={2} />
        <ProblemMessage problem={action.problem} heading="Klagen ble ikke avgjort" />
        <div>
          <Button type="submit" size="small" loading={action.busy}>
            Avgjør klagen
          </Button>
        </div>
      </VStack>
    </form>
  );
}
