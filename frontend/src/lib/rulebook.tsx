import { BodyShort, Detail, HStack, ReadMore, Tag, VStack } from '@navikt/ds-react';
import { useQuery } from 'urql';
import { graphql } from '../gql';

const rulebookDocument = graphql(`
  query Rulebook {
    rulebook {
      id
      provision
      summary
    }
  }
`);

/** useRule is one rule of the server's rulebook (the rules package), once it has come. */
export function useRule(id: string) {
  const [{ data }] = useQuery({ query: rulebookDocument, requestPolicy: 'cache-first' });
  return data?.rulebook.find((r) => r.id === id);
}

/**
 * RuleNote says which rules govern a step and where the law says it, in the
 * words of the server's rulebook, so nobody has to be refused to learn why:
 * the rule IDs at a glance, what they say one click away.
 */
export function RuleNote({ ids }: { ids: string[] }) {
  const [{ data }] = useQuery({ query: rulebookDocument, requestPolicy: 'cache-first' });
  const rules = ids.map((id) => data?.rulebook.find((r) => r.id === id)).filter((r) => r !== undefined);
  if (rules.length === 0) return null;
  return (
    <ReadMore size="small" header={`Regler som gjelder: ${rules.map((r) => r.id).join(', ')}`} className="rule-note">
      <VStack gap="space-8">
        {rules.map((r) => (
          <HStack key={r.id} gap="space-8" wrap={false} align="start">
            <Tag size="xsmall" variant="moderate" data-color="info">
              {r.id}
            </Tag>
            <div>
              <BodyShort size="small">{r.summary}</BodyShort>
              <Detail textColor="subtle">{r.provision}</Detail>
            </div>
          </HStack>
        ))}
      </VStack>
    </ReadMore>
  );
}
