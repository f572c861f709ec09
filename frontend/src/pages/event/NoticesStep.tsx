import { Alert, BodyShort, Box, Button, Detail, HStack, Select, Tag, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useState, type ReactNode } from 'react';
import { FileButton } from '../../components/FileButton';
import { NoticeStatusTag } from '../../components/NoticeStatusTag';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import { formatDate, formatDateTime, formatWhen, todayInNorway } from '../../lib/format';
import { areaLevelLabels, channelLabels, conditionKindLabels, label, routeLabels, writtenStandardLabels } from '../../lib/labels';
import { RuleNote } from '../../lib/rulebook';
import { useSession } from '../../lib/session';
import { useAction, type FieldProps } from '../../lib/useAction';
import { decisionInForce } from './DecisionSteps';
import type { CustodyEventData } from './document';
import type { Channel } from '../../gql/graphql';
import { FormButtons } from '../../components/FormButtons';

const prepareDocument = graphql(`
  mutation PrepareNotices($in: PrepareNoticesInput!) {
    prepareNotices(input: $in) {
      warnings
      notices {
        id
        status
      }
    }
  }
`);
const releaseDocument = graphql(`
  mutation ReleaseNotice($in: ReleaseNoticeInput!) {
    releaseNotice(input: $in) {
      id
      status
    }
  }
`);
const dispatchDocument = graphql(`
  mutation DispatchNotice($in: DispatchNoticeInput!) {
    dispatchNotice(input: $in) {
      id
      status
      channel
    }
  }
`);
const postedDocument = graphql(`
  mutation MarkNoticePosted($id: ID!, $lateJustification: String) {
    markNoticePosted(id: $id, lateJustification: $lateJustification) {
      id
      status
    }
  }
`);
const phoneDocument = graphql(`
  mutation DocumentPhoneNotice($id: ID!, $documentation: String!) {
    documentPhoneNotice(id: $id, documentation: $documentation) {
      id
      phoneDocumentedAt
    }
  }
`);
const cancelDocument = graphql(`
  mutation CancelNotice($in: CancelNoticeInput!) {
    cancelNotice(input: $in) {
      id
      status
    }
  }
`);

type Notice = NonNullable<CustodyEventData['notices']>[number];

/**
 * NoticesStep makes the notices — one per addressee, each with only the
 * conditions that concern that recipient — and carries each one through a
 * lawful channel, once (NT1–NT7, RC5, RC9, DC5).
 */
export function NoticesStep({ event, onChanged, blocked }: { event: CustodyEventData; onChanged: () => void; blocked?: string }) {
  const notices = (event.notices ?? []).filter((n) => n.status !== 'CANCELLED');
  const cancelled = (event.notices ?? []).filter((n) => n.status === 'CANCELLED');
  const d = decisionInForce(event);
  const prepareStep = event.nextSteps.find((s) => s.step === 'PREPARE_NOTICES');
  const [warnings, setWarnings] = useState<string[]>([]);
  const ready = !!d && (d.convictInformedAt || d.informingImpracticableReason);

  return (
    <VStack gap="space-16">
      {warnings.length > 0 && (
        <Alert variant="warning" size="small">
          <VStack gap="space-4">
            {warnings.map((w) => (
              <BodyShort key={w} size="small">
                {w}
              </BodyShort>
            ))}
          </VStack>
        </Alert>
      )}
      {blocked ? (
        <Detail>{blocked}</Detail>
      ) : !ready ? (
        <Detail>Varslene lages når vedtaket er fattet og domfelte er underrettet (AS7, DC3).</Detail>
      ) : (
        (notices.length === 0 || prepareStep) && (
          <PrepareForm event={event} deadline={prepareStep?.deadline ?? undefined} overdue={prepareStep?.overdue ?? false} onDone={(w) => (setWarnings(w), onChanged())} />
        )
      )}
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} event={event} onChanged={onChanged} />
      ))}
      {cancelled.length > 0 && (
        <Detail>
          {cancelled.length === 1 ? 'Ett varsel er kansellert' : `${cancelled.length} varsler er kansellert`}: {cancelled.map((c) => c.cancelReason).join('; ')}
        </Detail>
      )}
    </VStack>
  );
}

function PrepareForm({ event, deadline, overdue, onDone }: { event: CustodyEventData; deadline?: string; overdue: boolean; onDone: (warnings: string[]) => void }) {
  const d = decisionInForce(event)!;
  const [channel, setChannel] = useState<Channel>('LETTER');
  const [late, setLate] = useState('');
  const [early, setEarly] = useState('');
  const action = useAction(prepareDocument, (r) => onDone(r.prepareNotices.warnings));
  const { digipost } = useSession();
  const beforeDeadline = !!d.appealDeadline && d.appealDeadline >= todayInNorway();
  const mayBeEarly = beforeDeadline && d.oralAppealAnswer === 'DOES_NOT_APPEAL';
  return (
    <form
      className="panel"
      aria-label="Lag varslene"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({
          in: { custodyEventId: event.id, channel, lateJustification: late || undefined, earlyReleaseJustification: early || undefined },
        });
      }}
    >
      <VStack gap="space-12">
        {deadline && (
          <BodyShort>
            Varslene skal sendes innen {formatDate(deadline)}
            {event.kind === 'ESCAPE' ? ' – snarest mulig etter unndragelsen' : ', 14 dager før hendelsen'} (NT2).
          </BodyShort>
        )}
        <Select
          {...action.field('channel')}
          label="Kanal"
          description="Mottakere med sperret eller ukjent adresse får varselet via politiet (RC9)"
          readOnly={!digipost}
          value={channel}
          onChange={(e) => setChannel(e.target.value as Channel)}
        >
          <option value="LETTER">Brev i posten</option>
          {digipost && <option value="DIGIPOST">Digipost</option>}
        </Select>
        {overdue && (
          <Textarea
            {...action.field('lateJustification')}
            label="Begrunnelse for sent varsel"
            description="Fristen på 14 dager er passert. Begrunnelsen journalføres og rapporteres (NT2)"
            value={late}
            onChange={(e) => setLate(e.target.value)}
            minRows={2}
          />
        )}
        {beforeDeadline && (
          <VStack gap="space-8">
            <RuleNote ids={['DC5', 'DC6']} />
            {mayBeEarly ? (
              <Textarea
                {...action.field('earlyReleaseJustification')}
                label="Begrunnelse for å sende før klagefristen (valgfritt)"
                description="Domfelte er orientert muntlig og vil ikke klage. Uten begrunnelse holdes varslene tilbake til fristen er ute"
                value={early}
                onChange={(e) => setEarly(e.target.value)}
                minRows={2}
              />
            ) : (
              <Detail>Varslene holdes tilbake til klagefristen {formatDate(d.appealDeadline)} er ute.</Detail>
            )}
          </VStack>
        )}
        <ProblemMessage problem={action.problem} heading="Varslene ble ikke laget" />
        <div>
          <Button type="submit" size="small" loading={action.busy}>
            Lag varslene
          </Button>
        </div>
      </VStack>
    </form>
  );
}

function NoticeCard({ notice: n, event, onChanged }: { notice: Notice; event: CustodyEventData; onChanged: () => void }) {
  const recipient = n.victim?.name ?? n.survivor?.name ?? '';
  const addressee = n.guardian ? `${n.guardian.name}, på vegne av ${recipient}` : recipient;
  const unsent = ['HELD', 'READY'].includes(n.status);
  const what = n.kind === 'CORRECTION' ? 'Rettet varsel til ' : n.kind === 'CANCELLATION' ? 'Melding om avlysning til ' : 'Varsel til ';
  return (
    <Box id={`varsel-${n.id}`} tabIndex={-1} padding="space-16" borderRadius="8" background="default" borderWidth="1" borderColor="neutral-subtle" as="article" aria-label={`${what}${addressee}`}>
      <VStack gap="space-12">
        <HStack justify="space-between" align="start" gap="space-8">
          <VStack gap="space-2">
            <BodyShort weight="semibold">
              {n.kind === 'NOTICE' ? 'Til ' : what}
              {addressee}
            </BodyShort>
            <Detail>
              {label(routeLabels, n.route)}
              {n.policeDistrict && n.route === 'VIA_POLICE' ? ` (${n.policeDistrict.name})` : ''} · {label(writtenStandardLabels, n.writtenStandard)} · frist{' '}
              {formatDate(n.dueDate)}
              {n.channel ? ` · ${label(channelLabels, n.channel)}` : ''}
            </Detail>
          </VStack>
          <HStack gap="space-4">
            {n.late && <Tag size="xsmall" variant="moderate" data-color="warning">Sent (NT2)</Tag>}
            <NoticeStatusTag status={n.status} />
          </HStack>
        </HStack>
        <VStack gap="space-2">
          <BodyShort size="small">
            Innhold: {formatWhen(n.content.startsAt, n.content.endsAt, n.content.dateOnly)} · {n.content.legalBasis}
          </BodyShort>
          {n.content.conditions.map((c, i) => (
            <BodyShort key={i} size="small">
              {label(conditionKindLabels, c.kind)}: {c.kind === 'RESIDENCE' ? `${c.area} (${label(areaLevelLabels, c.areaLevel ?? undefined).toLowerCase()})` : c.description}
            </BodyShort>
          ))}
          {n.content.mayReserve && <Detail>Brevet sier at mottakeren kan reservere seg mot flere varsler (NT5).</Detail>}
          {n.lateJustification && <Detail>Begrunnelse for sent varsel: {n.lateJustification}</Detail>}
          {n.earlyReleaseJustification && (
            <Detail>
              {earlyRelease(n.status)} fordi: {n.earlyReleaseJustification}
            </Detail>
          )}
          {n.sentAt && <Detail>Sendt {formatDateTime(n.sentAt)}</Detail>}
          {n.deliveredAt && <Detail>Levert {formatDateTime(n.deliveredAt)}</Detail>}
          {n.phoneReason && <Detail>Telefon fordi: {n.phoneReason}</Detail>}
          {n.phoneDocumentation && (
            <Detail>
              Dokumentert {formatDateTime(n.phoneDocumentedAt)}: {n.phoneDocumentation}
            </Detail>
          )}
        </VStack>
        <FileButton path={`/letters/notices/${n.id}`} filename={`varsel-${n.id}.pdf`} preview working="Lager brevet">
          Forhåndsvis brevet
        </FileButton>
        {n.status === 'HELD' && <ReleaseForm notice={n} event={event} onDone={onChanged} />}
        {n.status === 'READY' && <DispatchForm notice={n} onDone={onChanged} />}
        {n.status === 'SENDING' && n.channel === 'LETTER' && <PostedButton notice={n} onDone={onChanged} />}
        {n.status === 'SENDING' && n.channel === 'DIGIPOST' && <Detail>Sendes til Digipost i bakgrunnen. Oppdater siden om litt.</Detail>}
        {n.status === 'SENT' && n.channel === 'PHONE' && !n.phoneDocumentedAt && <PhoneForm notice={n} onDone={onChanged} />}
        {n.status === 'SENT' && n.channel === 'VIA_POLICE' && <Detail>Venter på at politiet bekrefter at varselet er levert (RC9).</Detail>}
        {/* A correction or cancellation is owed to the recipient, and is not stopped by hand (NT8). */}
        {unsent && n.kind === 'NOTICE' && <CancelForm notice={n} onDone={onChanged} />}
      </VStack>
    </Box>
  );
}

/** earlyRelease says what was done before the appeal deadline (DC6): a notice only released is not sent. */
export function earlyRelease(status: Notice['status']): string {
  return ['SENDING', 'SENT', 'DELIVERED'].includes(status) ? 'Sendt før klagefristen' : 'Frigitt før klagefristen';
}

function ReleaseForm({ notice, event, onDone }: { notice: Notice; event: CustodyEventData; onDone: () => void }) {
  const d = decisionInForce(event);
  const [open, setOpen] = useState(false);
  const [justification, setJustification] = useState('');
  const action = useAction(releaseDocument, onDone);
  return (
    <VStack gap="space-8">
      <Detail>
        Holdes tilbake til klagefristen {d?.appealDeadline ? formatDate(d.appealDeadline) : ''} er ute eller klagen er avgjort (DC5). Det frigis av seg selv når
        fristen er ute.
      </Detail>
      {open ? (
        <form
          aria-label="Frigi før klagefristen"
          onSubmit={(e) => {
            e.preventDefault();
            void action.submit({ in: { noticeId: notice.id, justification: justification || undefined } });
          }}
        >
          <VStack gap="space-8">
            <Textarea
              {...action.field('justification')}
              label="Hvorfor varselet må sendes før klagefristen"
              description="Krever at domfelte er orientert muntlig og har svart (DC6)"
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              minRows={2}
            />
            <ProblemMessage problem={action.problem} heading="Varselet ble ikke frigitt" />
            <FormButtons busy={action.busy} onCancel={() => setOpen(false)} submit="Frigi varselet" size="small" />
          </VStack>
        </form>
      ) : (
        <div>
          <Button size="xsmall" variant="tertiary" onClick={() => setOpen(true)}>
            Frigi før klagefristen
          </Button>
        </div>
      )}
    </VStack>
  );
}

function DispatchForm({ notice, onDone }: { notice: Notice; onDone: () => void }) {
  const police = notice.route === 'VIA_POLICE';
  const [channel, setChannel] = useState<Channel>(police ? 'VIA_POLICE' : 'LETTER');
  const [reason, setReason] = useState('');
  const [late, setLate] = useState('');
  const needsLate = isLate(notice);
  const action = useAction(dispatchDocument, onDone);
  const { digipost } = useSession();
  return (
    <form
      aria-label={`Send varselet ${notice.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({
          in: { noticeId: notice.id, channel, phoneReason: channel === 'PHONE' ? reason : undefined, lateJustification: needsLate ? late : undefined },
        });
      }}
    >
      <VStack gap="space-8">
        <RuleNote ids={police ? ['RC9'] : ['NT1', 'NT6']} />
        <Select {...action.field('channel')} label="Send med" value={channel} onChange={(e) => setChannel(e.target.value as Channel)} disabled={police}>
          {police ? (
            <option value="VIA_POLICE">Via politiet</option>
          ) : (
            <>
              <option value="LETTER">Brev i posten</option>
              {digipost && <option value="DIGIPOST">Digipost</option>}
              <option value="PHONE">Telefon (unntak, dokumenteres etterpå)</option>
            </>
          )}
        </Select>
        {channel === 'PHONE' && (
          <Textarea
            {...action.field('phoneReason', { label: 'Hvorfor telefon', required: true, kind: 'paragraphs', value: reason })}
            description="Telefon brukes bare unntaksvis, og samtalen må dokumenteres skriftlig så snart som mulig (NT1)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            minRows={2}
          />
        )}
        {needsLate && <LateField field={action.field('lateJustification', { label: lateLabel, required: true, kind: 'paragraphs', value: late })} value={late} onChange={setLate} dueDate={notice.dueDate} />}
        <ProblemMessage problem={action.problem} heading="Varselet ble ikke sendt" />
        <div>
          <Button type="submit" size="small" loading={action.busy}>
            {channel === 'LETTER' ? 'Legg i utskriftsbunken' : channel === 'PHONE' ? 'Registrer telefonvarselet' : channel === 'VIA_POLICE' ? 'Be politiet levere' : 'Send med Digipost'}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

/** isLate: the notice goes after its due date and no justification is recorded yet (NT2). */
function isLate(notice: Notice): boolean {
  return !!notice.dueDate && notice.dueDate < todayInNorway() && !notice.lateJustification;
}

const lateLabel = 'Hvorfor varselet sendes for sent';

function LateField({ field, value, onChange, dueDate }: { field: FieldProps & { label: ReactNode }; value: string; onChange: (v: string) => void; dueDate?: string | null }) {
  return (
    <Textarea
      {...field}
      description={`Fristen var ${formatDate(dueDate)}. Et varsel som går etter fristen, må begrunnes (NT2)`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      minRows={2}
    />
  );
}

function PostedButton({ notice, onDone }: { notice: Notice; onDone: () => void }) {
  const action = useAction(postedDocument, onDone);
  const needsLate = isLate(notice);
  const [late, setLate] = useState('');
  return (
    <VStack gap="space-8">
      <Detail>Brevet ligger i utskriftsbunken. Skriv det ut, post det, og merk det som postet.</Detail>
      {needsLate && <LateField field={action.field('lateJustification', { label: lateLabel, required: true, kind: 'paragraphs', value: late })} value={late} onChange={setLate} dueDate={notice.dueDate} />}
      <ProblemMessage problem={action.problem} />
      <div>
        <Button size="small" loading={action.busy} onClick={() => void action.submit({ id: notice.id, lateJustification: needsLate ? late : undefined })}>
          Merk som postet
        </Button>
      </div>
    </VStack>
  );
}

function PhoneForm({ notice, onDone }: { notice: Notice; onDone: () => void }) {
  const [text, setText] = useState('');
  const action = useAction(phoneDocument, onDone);
  return (
    <form
      aria-label="Dokumenter telefonvarselet"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ id: notice.id, documentation: text });
      }}
    >
      <VStack gap="space-8">
        <Textarea
          {...action.field('documentation', { label: 'Skriftlig dokumentasjon av samtalen', required: true, kind: 'paragraphs', value: text })}
          description="Hvem som ble ringt, når, og hva som ble sagt (NT1)"
          value={text}
          onChange={(e) => setText(e.target.value)}
          minRows={2}
        />
        <ProblemMessage problem={action.problem} heading="Dokumentasjonen ble ikke lagret" />
        <div>
          <Button type="submit" size="small" loading={action.busy}>
            Lagre dokumentasjonen
          </Button>
        </div>
      </VStack>
    </form>
  );
}

function CancelForm({ notice, onDone }: { notice: Notice; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction(cancelDocument, onDone);
  if (!open) {
    return (
      <div>
        <Button size="xsmall" variant="tertiary" onClick={() => setOpen(true)}>
          Kanseller varselet
        </Button>
      </div>
    );
  }
  return (
    <form
      aria-label="Kanseller varselet"
      onSubmit={(e) => {
        e.preventDefault();
        void action.submit({ in: { noticeId: notice.id, reason } });
      }}
    >
      <VStack gap="space-8">
        <TextField {...action.field('reason', { label: 'Hvorfor varselet kanselleres', required: true, value: reason })} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ProblemMessage problem={action.problem} />
        <HStack gap="space-8">
          <Button type="submit" size="small" variant="danger" loading={action.busy}>
            Kanseller
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={() => setOpen(false)}>
            Behold varselet
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
