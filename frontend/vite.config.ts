import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development (npm run dev) the Go server runs on :8080 and Vite proxies
// everything that is not the app itself to it.
const backend = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': backend,
      '/config.json': backend,
      '/oidc': backend,
      '/healthz': backend,
      '/readyz': backend,
    },
  },
  build: { outDir: 'dist', sourcemap: true },
});
