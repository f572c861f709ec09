import { BodyShort, Box, Detail, Heading, HGrid, HStack, Select, Table, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { FileButton } from '../components/FileButton';
import { TableScroll } from '../components/TableScroll';
import { Empty, PageState } from '../components/PageState';
import { graphql } from '../gql';
import type { StatisticsDimension, StatisticsQuery } from '../gql/graphql';
import { formatDate, todayInNorway } from '../lib/format';
import { channelLabels, dimensionLabels, eventKindLabels, label } from '../lib/labels';
import { RuleNote } from '../lib/rulebook';
import { chartValue, monthLabel, showCount, showFigure, showRate, type Cell } from '../lib/statistics';
import { TimeField } from '../components/TimeField';
import { useNarrow } from '../lib/useNarrow';
import { Options } from '../components/Options';

const statisticsDocument = graphql(`
  query Statistics($from: Date!, $to: Date!, $groupBy: [StatisticsDimension!]!) {
    statistics(from: $from, to: $to, groupBy: $groupBy) {
      from
      to
      suppressionThreshold
      rows {
        ...StatisticsFigures
      }
      total {
        ...StatisticsFigures
      }
    }
  }

  fragment StatisticsFigures on StatisticsRow {
    unit {
      id
      name
    }
    region
    eventKind
    month
    channel
    custodyEvents {
      value
      suppressed
    }
    assessmentsNotify {
      value
      suppressed
    }
    assessmentsDoNotNotify {
      value
      suppressed
    }
    eventsBlockedForSecurity {
      value
      suppressed
    }
    noticesSent {
      value
      suppressed
    }
    noticesByLetter {
      value
      suppressed
    }
    noticesByDigipost {
      value
      suppressed
    }
    noticesByPhone {
      value
      suppressed
    }
    noticesViaPolice {
      value
      suppressed
    }
    onTimeRate {
      value
      suppressed
    }
    medianLeadDays {
      value
      suppressed
    }
    lateNotices {
      value
      suppressed
    }
    lateNoticesJustified {
      value
      suppressed
    }
    decisionsNotInformed {
      value
      suppressed
    }
    noticesSentBeforeFinal {
      value
      suppressed
    }
    escapesNotified {
      value
      suppressed
    }
    medianHoursEscapeToNotice {
      value
      suppressed
    }
    appealsReceived {
      value
      suppressed
    }
    appealsUpheld {
      value
      suppressed
    }
    appealsOverturned {
      value
      suppressed
    }
    policeRequests {
      value
      suppressed
    }
    medianPoliceTurnaroundHours {
      value
      suppressed
    }
    undocumentedPhoneNotices {
      value
      suppressed
    }
    decisionsPending {
      value
      suppressed
    }
  }
`);

type Row = StatisticsQuery['statistics']['rows'][number];

/** groupName names a row by what it is grouped by. */
function groupName(r: Row): string {
  return (
    [
      r.unit?.name,
      r.region,
      r.eventKind && label(eventKindLabels, r.eventKind),
      r.month && monthLabel(r.month),
      r.channel ? label(channelLabels, r.channel) : undefined,
    ]
      .filter(Boolean)
      .join(' · ') || 'Uten kanal'
  );
}

const columns: { key: keyof Row; title: string; show: (c: Cell) => string }[] = [
  { key: 'custodyEvents', title: 'Hendelser', show: showCount },
  { key: 'assessmentsNotify', title: 'Vurdert: varsle', show: showCount },
  { key: 'assessmentsDoNotNotify', title: 'Vurdert: ikke varsle', show: showCount },
  { key: 'eventsBlockedForSecurity', title: 'Stoppet av sikkerhet', show: showCount },
  { key: 'noticesSent', title: 'Varsler sendt', show: showCount },
  { key: 'onTimeRate', title: 'I tide (14 dager)', show: showRate },
  { key: 'medianLeadDays', title: 'Median dager før', show: (c) => showFigure(c, 'd') },
  { key: 'lateNotices', title: 'Sene varsler', show: showCount },
  { key: 'lateNoticesJustified', title: 'Sene, begrunnet', show: showCount },
  { key: 'noticesSentBeforeFinal', title: 'Sendt før endelig vedtak', show: showCount },
  { key: 'decisionsNotInformed', title: 'Domfelte ikke underrettet (unntak)', show: showCount },
  { key: 'escapesNotified', title: 'Unndragelser varslet', show: showCount },
  { key: 'medianHoursEscapeToNotice', title: 'Median timer til varsel', show: (c) => showFigure(c, 't') },
  { key: 'appealsReceived', title: 'Klager', show: showCount },
  { key: 'appealsOverturned', title: 'Omgjort', show: showCount },
  { key: 'policeRequests', title: 'Anmodninger til politiet', show: showCount },
  { key: 'medianPoliceTurnaroundHours', title: 'Median svartid (t)', show: (c) => showFigure(c, 't') },
  { key: 'undocumentedPhoneNotices', title: 'Telefon udokumentert', show: showCount },
  { key: 'decisionsPending', title: 'Venter på vedtak', show: showCount },
];

/**
 * DashboardPage shows whether victims are notified on time: the reporting
 * figures as charts and a table, national for analysts and the unit's for
 * decision makers. Counts under 5 are hidden and shown as such (PR4).
 */
export function DashboardPage() {
  const today = todayInNorway();
  // A whole calendar year shows the most (PR4: a period of months that is
  // not a whole year hides a figure when any of its months hides it): the
  // year holding most of the last twelve months.
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 7 ? 1 : 0);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [groupBy, setGroupBy] = useState<StatisticsDimension>('UNIT');
  const [{ data, fetching, error }, reexecute] = useQuery({ query: statisticsDocument, variables: { from, to, groupBy: [groupBy] } });
  const s = data?.statistics;
  const rows = s?.rows ?? [];
  const chart = rows.map((r) => ({
    name: groupName(r),
    Brev: chartValue(r.noticesByLetter),
    Digipost: chartValue(r.noticesByDigipost),
    Telefon: chartValue(r.noticesByPhone),
    'Via politiet': chartValue(r.noticesViaPolice),
  }));
  const onTime = rows.map((r) => ({ name: groupName(r), 'I tide (%)': chartValue(r.onTimeRate, 100) }));

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        Statistikk over varsling
      </Heading>
      <RuleNote ids={['PR4', 'NT2']} />
      <HStack gap="space-16" align="end" wrap>
        <TimeField label="Fra" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TimeField label="Til" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <Select label="Grupper etter" value={groupBy} onChange={(e) => setGroupBy(e.target.value as StatisticsDimension)}>
          <Options names={dimensionLabels} />
        </Select>
        <FileButton path={`/statistics.csv?from=${from}&to=${to}&groupBy=${groupBy}`} filename={`varsel-statistikk-${from}-${to}.csv`} working="Lager CSV-filen">
          Last ned som CSV
        </FileButton>
      </HStack>
      <PageState fetching={fetching} error={error} hasData={!!data} what="statistikken" retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {s && (
          <VStack gap="space-24">
            <Detail>
              Hendelser som starter fra {formatDate(s.from)} til {formatDate(s.to)} (hele kalendermåneder). Tall under {s.suppressionThreshold} vises som «skjult», og
              andeler og medianer av færre enn {s.suppressionThreshold} tilfeller likeså. Noen tall over {s.suppressionThreshold} er også skjult, så de skjulte ikke kan
              regnes ut fra summer eller andre perioder; hele kalenderår viser flest tall.
            </Detail>
            <HGrid columns={{ xs: 2, md: 4 }} gap="space-12">
              <Figure title="Hendelser" value={showCount(s.total.custodyEvents)} />
              <Figure title="Varsler sendt" value={showCount(s.total.noticesSent)} />
              <Figure title="Sendt i tide (minst 14 dager før)" value={showRate(s.total.onTimeRate)} />
              <Figure title="Median dager før hendelsen" value={showFigure(s.total.medianLeadDays, 'dager')} />
              <Figure title="Sene varsler (begrunnet)" value={`${showCount(s.total.lateNotices)} (${showCount(s.total.lateNoticesJustified)})`} />
              <Figure title="Median timer fra unndragelse til varsel" value={showFigure(s.total.medianHoursEscapeToNotice, 'timer')} />
              <Figure title="Telefonvarsler ikke dokumentert" value={showCount(s.total.undocumentedPhoneNotices)} />
              <Figure title="Sendt før vedtaket var endelig" value={showCount(s.total.noticesSentBeforeFinal)} />
              <Figure title="Domfelte ikke underrettet, utenom unndragelser" value={showCount(s.total.decisionsNotInformed)} />
              <Figure title="Venter på vedtak" value={showCount(s.total.decisionsPending)} />
            </HGrid>
            {rows.length === 0 ? (
              <Empty>Ingen hendelser i perioden.</Empty>
            ) : (
              <>
                <figure className="chart" aria-labelledby="kanaler">
                  <figcaption id="kanaler">
                    <BodyShort weight="semibold">Varsler sendt etter kanal, per {label(dimensionLabels, groupBy).toLowerCase()}</BodyShort>
                    <Detail>Skjulte tall er utelatt fra diagrammet; se tabellen.</Detail>
                  </figcaption>
                  <BarFigure
                    data={chart}
                    bars={[
                      { key: 'Brev', fill: '#0067c5' },
                      { key: 'Digipost', fill: '#005b82' },
                      { key: 'Telefon', fill: '#c77300' },
                      { key: 'Via politiet', fill: '#634689' },
                    ]}
                    height={280}
                    legend
                  />
                </figure>
                <figure className="chart" aria-labelledby="itide">
                  <figcaption id="itide">
                    <BodyShort weight="semibold">Andel varsler sendt minst 14 dager før (NT2)</BodyShort>
                  </figcaption>
                  <BarFigure data={onTime} bars={[{ key: 'I tide (%)', fill: '#06893a' }]} height={240} percent />
                </figure>
                <TableScroll label="Tallene i tabell" region>
                  <Table size="small" zebraStripes>
                    <caption className="sr-only">Tallene per {label(dimensionLabels, groupBy).toLowerCase()}</caption>
                    <Table.Header>
                      <Table.Row>
                        <Table.HeaderCell scope="col">{label(dimensionLabels, groupBy)}</Table.HeaderCell>
                        {columns.map((c) => (
                          <Table.HeaderCell key={c.key} scope="col" align="right">
                            {c.title}
                          </Table.HeaderCell>
                        ))}
                      </Table.Row>
                    </Table.Header>
                    <Table.Body>
                      {[...rows, s.total].map((r, i) => (
                        <Table.Row key={i} className={i === rows.length ? 'total-row' : undefined}>
                          <Table.HeaderCell scope="row">{i === rows.length ? 'Totalt' : groupName(r)}</Table.HeaderCell>
                          {columns.map((c) => {
                            const cell = r[c.key] as Cell;
                            return (
                              <Table.DataCell key={c.key} align="right" className={cell.suppressed ? 'suppressed' : undefined}>
                                {cell.suppressed ? <abbr title={`Under ${s.suppressionThreshold}, skjult for personvern`}>skjult</abbr> : c.show(cell)}
                              </Table.DataCell>
                            );
                          })}
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </TableScroll>
              </>
            )}
          </VStack>
        )}
      </PageState>
    </VStack>
  );
}

function Figure({ title, value }: { title: string; value: string }) {
  return (
    <Box padding="space-16" borderRadius="8" background="default" borderWidth="1" borderColor="neutral-subtle" role="group" aria-label={title}>
      <VStack gap="space-4">
        <Detail aria-hidden>{title}</Detail>
        <BodyShort size="large" weight="semibold">
          {value}
        </BodyShort>
      </VStack>
    </Box>
  );
}

interface BarFigureProps {
  data: ({ name: string } & Record<string, string | number | null>)[];
  /** The bars, stacked, each a key of the data with its colour. */
  bars: { key: string; fill: string }[];
  /** The height on a wide screen. */
  height: number;
  /** The values are percentages, 0–100. */
  percent?: boolean;
  legend?: boolean;
}

/**
 * BarFigure draws one bar per unit, month or kind. On a wide screen the bars
 * stand side by side; on a narrow one they lie, one under the other, so that
 * every name has a line of its own and no label runs into the next.
 */
function BarFigure({ data, bars, height, percent, legend }: BarFigureProps) {
  const narrow = useNarrow();
  const values = percent ? { domain: [0, 100] as [number, number], unit: ' %' } : { allowDecimals: false };
  const drawn = bars.map((b) => <Bar key={b.key} dataKey={b.key} stackId="k" fill={b.fill} />);
  if (narrow) {
    return (
      <ResponsiveContainer width="100%" height={data.length * 36 + (legend ? 90 : 50)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" {...values} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={120} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip />
          {legend && <Legend />}
          {drawn}
        </BarChart>
      </ResponsiveContainer>
    );
  }
  const many = data.length > 6;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} angle={many ? -30 : 0} textAnchor={many ? 'end' : 'middle'} height={many ? 80 : 30} />
        <YAxis {...values} />
        <Tooltip />
        {legend && <Legend />}
        {drawn}
      </BarChart>
    </ResponsiveContainer>
  );
}
