import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed GraphQL documents from the server's schema (npm run codegen; make
// generate). The output in src/gql is committed.
const config: CodegenConfig = {
  schema: ['../schema.graphql', '../ent.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { ID: 'string', Time: 'string', Date: 'string', Cursor: 'string', Map: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
