import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The client is served by the Learning Wall server from dist/client; in dev, vite proxies the API
// and the sync socket to a server started with `npm run dev`.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
