import { searchLatency } from './scripts/bench/search-latency.ts';
const [dir, ...qs] = process.argv.slice(2);
console.log(JSON.stringify(await searchLatency(dir, qs)));
