import { Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { RuleNote } from '../../lib/rulebook';
import type { SectionState } from '../../lib/workflow';

const stateTag: Record<SectionState, { text: string; color: 'success' | 'info' | 'warning' | 'danger' | 'neutral' }> = {
  done: { text: 'Fullført', color: 'success' },
  active: { text: 'Neste steg', color: 'info' },
  waiting: { text: 'Venter', color: 'warning' },
  running: { text: 'Klagefristen løper', color: 'warning' },
  blocked: { text: 'Stoppet', color: 'danger' },
  later: { text: 'Senere', color: 'neutral' },
};

interface Props {
  id: string;
  number: number;
  title: string;
  state?: SectionState;
  rules: string[];
  children: ReactNode;
}

/** StepCard is one step of the workflow: its place, where it stands, the rules that govern it, and its work. */
export function StepCard({ id, number, title, state, rules, children }: Props) {
  const tag = state ? stateTag[state] : undefined;
  return (
    <Box
      as="section"
      id={id}
      aria-labelledby={`${id}-tittel`}
      padding="space-20"
      borderRadius="8"
      borderWidth={state === 'active' ? '2' : '1'}
      borderColor={state === 'active' ? 'accent' : 'neutral-subtle'}
      background="default"
      className="step-card"
    >
      <VStack gap="space-16">
        <HStack justify="space-between" align="center" gap="space-8">
          <Heading id={`${id}-tittel`} level="2" size="small" tabIndex={-1} className="step-card__title">
            {number}. {title}
          </Heading>
          {tag && (
            <Tag size="small" variant="moderate" data-color={tag.color}>
              {tag.text}
            </Tag>
          )}
        </HStack>
        <RuleNote ids={rules} />
        {children}
      </VStack>
    </Box>
  );
}
