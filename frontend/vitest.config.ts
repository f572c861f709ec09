import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Component and logic tests (npm test). Browser tests have their own config.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
    css: false,
  },
});
