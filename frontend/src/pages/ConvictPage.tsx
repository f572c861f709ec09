import { BodyShort, Button, Detail, Heading, HStack, Tabs, Tag, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageState } from '../components/PageState';
import { graphql } from '../gql';
import { formatDate } from '../lib/format';
import { DocumentsSection } from './convict/DocumentsSection';
import { EventsSection } from './convict/EventsSection';
import { HistorySection } from './convict/HistorySection';
import { NoticesSection } from './convict/NoticesSection';
import { PersonsSection } from './convict/PersonsSection';
import { TransferConvictForm } from './convict/TransferConvictForm';

export const convictFileDocument = graphql(`
  query ConvictFile($id: ID!) {
    node(id: $id) {
      __typename
      ... on Convict {
        id
        name
        birthDate
        servingPreventiveDetention
        sentenceOverTenYears
        infoflyt
        sentenceEndedOn
        unit {
          id
          name
          highSecurity
        }
        criminalCases {
          id
          caseNumber
          judgmentDate
          offenceCategories
          status
          courtReasoning
          victims {
            id
            name
            birthDate
            deceased
            underGuardianship
            addressProtection
            writtenStandard
            policeDistrict {
              id
              name
            }
            reservations {
              id
              reservedAt
              how
              liftedAt
            }
            notificationAgreements {
              id
              frequency
              agreedAt
              how
              note
            }
            guardians {
              id
              name
              kind
              excludedAsConvict
              addressProtection
            }
            survivors {
              id
              name
              birthDate
              relation
              underGuardianship
              addressProtection
              writtenStandard
              policeDistrict {
                name
              }
              reservations {
                id
                reservedAt
                how
                liftedAt
              }
              notificationAgreements {
                id
                frequency
                agreedAt
                how
                note
              }
              guardians {
                id
                name
                kind
                excludedAsConvict
                addressProtection
              }
            }
          }
        }
      }
    }
    policeDistricts {
      id
      name
    }
  }
`);

const tabs = [
  ['saker', 'Saker og mottakere'],
  ['hendelser', 'Hendelser'],
  ['varsler', 'Varsler'],
  ['dokumenter', 'Dokumenter og innsyn'],
  ['historikk', 'Historikk'],
] as const;

/**
 * ConvictPage is a convict's case file: the criminal cases with victims,
 * survivors and guardians (protected addresses shown as protected, never the
 * address), the events, the notices, the documents and the history.
 */
export function ConvictPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab = tabs.some(([t]) => t === search.get('fane')) ? search.get('fane')! : 'saker';
  const [{ data, fetching, error }, reexecute] = useQuery({ query: convictFileDocument, variables: { id }, requestPolicy: 'cache-and-network' });
  const convict = data?.node?.__typename === 'Convict' ? data.node : undefined;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const [transferring, setTransferring] = useState(false);

  return (
    <PageState fetching={fetching} error={error} hasData={!!data} what="domfeltes sak" retry={refresh}>
      {!convict ? (
        <Heading level="1" size="large">
          Fant ikke domfelte
        </Heading>
      ) : (
        <VStack gap="space-24">
          <VStack gap="space-8">
            <Heading level="1" size="large">
              {convict.name}
            </Heading>
            <HStack gap="space-8" align="center">
              <BodyShort>{convict.unit.name}</BodyShort>
              {convict.birthDate && <Detail>født {formatDate(convict.birthDate)}</Detail>}
              {convict.servingPreventiveDetention && <Tag size="small" variant="moderate" data-color="warning">Forvaring – regionen fatter vedtak (DC2)</Tag>}
              {convict.sentenceOverTenYears && <Tag size="small" variant="moderate" data-color="warning">Over 10 år – regionen fatter vedtak (DC2)</Tag>}
              {convict.unit.highSecurity && <Tag size="small" variant="moderate" data-color="warning">Særlig høyt sikkerhetsnivå (DC2)</Tag>}
              {convict.infoflyt && <Tag size="small" variant="moderate" data-color="danger">INFOFLYT – ordinær utlevering er sperret (IX6)</Tag>}
              {!transferring && (
                <Button size="small" variant="tertiary" onClick={() => setTransferring(true)}>
                  Overfør til annen enhet
                </Button>
              )}
            </HStack>
            {transferring && <TransferConvictForm convict={convict} onCancel={() => setTransferring(false)} />}
          </VStack>
          <Tabs value={tab} onChange={(t) => setSearch({ fane: t }, { replace: true })}>
            <Tabs.List>
              {tabs.map(([t, name]) => (
                <Tabs.Tab key={t} value={t} label={name} />
              ))}
            </Tabs.List>
            <Tabs.Panel value="saker" className="tab-panel">
              <PersonsSection convict={convict} policeDistricts={data?.policeDistricts ?? []} onChanged={refresh} />
            </Tabs.Panel>
            <Tabs.Panel value="hendelser" className="tab-panel">
              <EventsSection convictId={convict.id} />
            </Tabs.Panel>
            <Tabs.Panel value="varsler" className="tab-panel">
              <NoticesSection convictId={convict.id} />
            </Tabs.Panel>
            <Tabs.Panel value="dokumenter" className="tab-panel">
              <DocumentsSection convictId={convict.id} />
            </Tabs.Panel>
            <Tabs.Panel value="historikk" className="tab-panel">
              <HistorySection convictId={convict.id} />
            </Tabs.Panel>
          </Tabs>
        </VStack>
      )}
    </PageState>
  );
}
