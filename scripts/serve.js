/** `npm start` / `npm run preview`: serve build/ on localhost and print the URL. */
import { serveBuild } from './server.js';

const port = Number(process.env.PORT ?? 4173);
const { url } = await serveBuild({ port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`Raqib is running at ${url}/  (Ctrl+C to stop)`);
