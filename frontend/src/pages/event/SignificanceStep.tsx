import { BodyShort, Box, Button, Detail, HStack, Radio, RadioGroup, Tag, Textarea, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { AssessmentFactorsInput } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { label, protectionLabels, relationLabels } from '../../lib/labels';
import { useAction } from '../../lib/useAction';
import type { CustodyEventData } from './document';
import { FormButtons } from '../../components/FormButtons';

const assessDocument = graphql(`
  mutation RecordSignificanceAssessment($in: RecordSignificanceAssessmentInput!) {
    recordSignificanceAssessment(input: $in) {
      id
      outcome
      recipientMinor
    }
  }
`);

/** The guideline's factors of the assessment (AS3), and the careful one for a minor (AS4). */
export const factorFields: { key: keyof AssessmentFactorsInput; label: string; description: string; required?: true }[] = [
  { key: 'offenceSeriousness', label: 'Lovbruddets art og alvor', description: 'Vold, seksuallovbrudd og trusler veier tungt', required: true },
  { key: 'needToPrepare', label: 'Mottakerens behov for å forberede seg', description: 'På å kunne møte domfelte', required: true },
  { key: 'relationship', label: 'Forholdet mellom domfelte og mottakeren', description: 'Før og nå', required: true },
  { key: 'likelihoodOfMeeting', label: 'Sannsynligheten for at de møtes', description: '', required: true },
  { key: 'timeAndPlace', label: 'Tid og sted for utgangen', description: '' },
  { key: 'addressesAndDistance', label: 'Adressene og avstanden mellom dem', description: 'Skriv avstanden, ikke adressen' },
  { key: 'courtReasoning', label: 'Domspremissene', description: 'Det retten la vekt på' },
  { key: 'other', label: 'Annet av betydning', description: '' },
];

type Recipient = CustodyEventData['potentialRecipients'][number];

/**
 * SignificanceStep is the concrete assessment of whether a notice matters to
 * each potential recipient (AS1, AS3), particularly careful for a minor (AS4);
 * a decision not to notify is recorded with its reasons and never told (AS5).
 */
export function SignificanceStep({ event, onChanged, blocked }: { event: CustodyEventData; onChanged: () => void; blocked?: string }) {
  const recipients = event.potentialRecipients;
  if (recipients.length === 0) {
    return <BodyShort>Domfelte har ingen fornærmede eller etterlatte i saker som gjennomføres (RC1).</BodyShort>;
  }
  return (
    <VStack gap="space-12">
      {recipients.map((r) => (
        <RecipientAssessment key={r.victim ? `v${r.victim.id}` : `s${r.survivor!.id}`} event={event} recipient={r} onChanged={onChanged} blocked={blocked} />
      ))}
    </VStack>
  );
}

function RecipientAssessment({ event, recipient: r, onChanged, blocked }: { event: CustodyEventData; recipient: Recipient; onChanged: () => void; blocked?: string }) {
  const person = (r.victim ?? r.survivor)!;
  const isMinor = r.minor;
  const decided = (event.decisions ?? []).some((d) => d.status === 'IN_FORCE');
  const [open, setOpen] = useState(false);
  const [notify, setNotify] = useState<'yes' | 'no'>('yes');
  const [factors, setFactors] = useState<AssessmentFactorsInput>({});
  const [reasoning, setReasoning] = useState('');
  const [several, setSeveral] = useState('');
  const [realNeed, setRealNeed] = useState('');
  const action = useAction(assessDocument, () => (setOpen(false), onChanged()));
  const who = r.victim ? 'fornærmet' : `etterlatt, ${label(relationLabels, r.survivor!.relation).toLowerCase()}`;
  const a = r.assessment;

  return (
    <Box padding="space-12" borderRadius="4" background="sunken">
      <VStack gap="space-12">
        <HStack justify="space-between" align="center" gap="space-8">
          <VStack gap="space-2">
            <BodyShort weight="semibold">
              {person.name} <Detail as="span">– {who} i sak {r.criminalCase.caseNumber}</Detail>
            </BodyShort>
            <HStack gap="space-4">
              {isMinor && <Tag size="xsmall" variant="moderate" data-color="warning">Under 18 år – vurderes særlig nøye (AS4)</Tag>}
              {person.addressProtection !== 'NONE' && <Tag size="xsmall" variant="moderate" data-color="danger">{label(protectionLabels, person.addressProtection)}</Tag>}
              {r.criminalCase.status === 'LAPSED_BY_PREVENTIVE_DETENTION' && <Tag size="xsmall" variant="moderate" data-color="warning">Bortfalt ved forvaring (RC2)</Tag>}
            </HStack>
          </VStack>
          {a && (
            <Tag size="small" variant="strong" data-color={a.outcome === 'NOTIFY' ? 'success' : 'neutral'}>
              {a.outcome === 'NOTIFY' ? 'Varsles' : 'Varsles ikke'}
            </Tag>
          )}
        </HStack>
        {a && (
          <VStack gap="space-2">
            <BodyShort size="small">{a.reasoning}</BodyShort>
            <Detail>
              Vurdert {formatDateTime(a.createdAt)}
              {a.assessedBy ? ` av ${a.assessedBy.name}` : ''}
            </Detail>
          </VStack>
        )}
        {blocked && !a && <Detail>{blocked}</Detail>}
        {!blocked && !decided && !open && (
          <div>
            <Button size="small" variant={a ? 'tertiary' : 'primary'} onClick={() => setOpen(true)}>
              {a ? 'Vurder på nytt' : 'Vurder'}
              <span className="sr-only"> {person.name}</span>
            </Button>
          </div>
        )}
        {open && (
          <form
            aria-label={`Vurdering av ${person.name}`}
            onSubmit={(e) => {
              e.preventDefault();
              void action.submit({
                in: {
                  custodyEventId: event.id,
                  victimId: r.victim?.id,
                  survivorId: r.survivor?.id,
                  notify: notify === 'yes',
                  factors,
                  reasoning,
                  severalSurvivorsReasoning: several || undefined,
                  realNeedReasoning: realNeed || undefined,
                },
              });
            }}
          >
            <VStack gap="space-12">
              {factorFields.map((f) => (
                <Textarea
                  {...action.field(`factors.${f.key}`, { label: f.label, required: f.required, kind: 'paragraphs', value: factors[f.key] ?? '' })}
                  key={f.key}
                  description={f.description || undefined}
                  size="small"
                  minRows={1}
                  value={factors[f.key] ?? ''}
                  onChange={(e) => setFactors({ ...factors, [f.key]: e.target.value })}
                />
              ))}
              {isMinor && (
                <Textarea
                  {...action.field('factors.minorRecipient', {
                    label: 'Særlig vurdering fordi mottakeren er under 18 år',
                    required: true,
                    kind: 'paragraphs',
                    value: factors.minorRecipient ?? '',
                    missing: 'Mottakeren er under 18 år: skriv den særlige vurderingen, også ved mindre alvorlige lovbrudd (AS4).',
                  })}
                  description="Vurder varsling særlig nøye, også ved mindre alvorlige lovbrudd (AS4)"
                  minRows={2}
                  value={factors.minorRecipient ?? ''}
                  onChange={(e) => setFactors({ ...factors, minorRecipient: e.target.value })}
                />
              )}
              {r.survivors > 1 && (
                <Textarea
                  {...action.field('severalSurvivorsReasoning', { label: 'Flere etterlatte: varsles én eller flere, og hvorfor?', required: true, kind: 'paragraphs', value: several, missing: 'Avdøde har flere etterlatte: skriv om én eller flere varsles, og hvorfor (RC4).' })}
                  description="Avdøde har flere etterlatte (RC4)"
                  minRows={2}
                  value={several}
                  onChange={(e) => setSeveral(e.target.value)}
                />
              )}
              {r.criminalCase.status === 'LAPSED_BY_PREVENTIVE_DETENTION' && (
                <Textarea
                  {...action.field('realNeedReasoning', { label: 'Reelt behov for varsel nå', required: true, kind: 'paragraphs', value: realNeed })}
                  description="Straffen i saken falt bort da forvaring ble idømt (RC2)"
                  minRows={2}
                  value={realNeed}
                  onChange={(e) => setRealNeed(e.target.value)}
                />
              )}
              <RadioGroup legend="Er varsel av betydning for mottakeren?" value={notify} onChange={(v: 'yes' | 'no') => setNotify(v)}>
                <Radio value="yes">Ja, varsel er av betydning</Radio>
                <Radio value="no">Nei – begrunnes, og mottakeren får ikke vite om det (AS5)</Radio>
              </RadioGroup>
              <Textarea {...action.field('reasoning', { label: 'Begrunnelse', required: true, kind: 'paragraphs', value: reasoning })} minRows={3} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />
              <ProblemMessage problem={action.problem} heading="Vurderingen ble ikke lagret" />
              <FormButtons busy={action.busy} onCancel={() => setOpen(false)} submit="Lagre vurderingen" size="small" />
            </VStack>
          </form>
        )}
      </VStack>
    </Box>
  );
}
