import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

// Typed GraphQL documents from the server's schema (npm run codegen; make
// generate). The output in src/gql is committed.
const config: CodegenConfig = {
  schema: ['../schema.graphql', '../ent.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      // persisted-documents.json: each operation by its SHA-256, which the
      // web app sends instead of the document (trusted documents; the
      // build copies the file to dist/, where the server reads it).
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
      // urql's document cache reads __typename to know what a mutation
      // changed; the server runs the manifest's documents, so they ask for it.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { ID: 'string', Time: 'string', Date: 'string', Cursor: 'string', Map: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
