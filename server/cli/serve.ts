// Serves without building the client (used by `npm run dev`, where Vite serves the client).
import { startServer } from '../app';

await startServer();
