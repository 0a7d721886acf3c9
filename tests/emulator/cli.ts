/** `npm run emulator [-- --port 12111]`: the Stripe emulator alone, over plain HTTP on loopback. */
import { startStripeEmulator } from './stripe-emulator';

const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 12111;
const running = await startStripeEmulator({ port });
console.log(`Stripe emulator on ${running.url}`);
console.log(
  `Keys: ${Object.entries(running.emulator.keys)
    .map(([name, key]) => `${name}=${key}`)
    .join('\n      ')}`,
);
