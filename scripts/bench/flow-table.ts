// `npm run bench:flows`: the issue 9 readability table (labels across a rule, segments beside a
// rule, crossings, one-bend hand-offs, flows without defects) on the sample SOPs, the first 107
// generated flows and the 300-flow suite, measured in one Chromium as the build does.
//   --cache FILE  keep the browser's measurements in FILE (JSON) and reuse them: the table's
//                 rows do not depend on the flowchart, so layout work can be re-scored in seconds.
//   --worst N     also list the N flows with the most defects (ids), for pictures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fontDir } from '../kit/fonts.ts';
import type { Measurement } from '../plan/procedure.ts';
import { Printer } from '../print/pool.ts';
import { probeAsset } from '../source/assets.ts';
import { readContent } from '../source/content.ts';
import { checkContent } from '../validate/check-content.ts';
import { readabilityDefects } from '../flow/quality.ts';
import { flowSuiteSops, measureFlows, readabilityTable, scoreMeasured } from './flows.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { cache: { type: 'string' }, worst: { type: 'string', default: '0' } } });

const samples = checkContent(readContent(ROOT), probeAsset).sops;
const generated = flowSuiteSops(300);
const all = [...samples, ...generated];

let measured: Map<string, Measurement>;
if (values.cache && existsSync(values.cache)) measured = new Map(Object.entries(JSON.parse(readFileSync(values.cache, 'utf8')) as Record<string, Measurement>));
else {
  const printer = await Printer.launch({ allowedDir: ROOT, extraDirs: [fontDir()] });
  try {
    measured = await measureFlows(printer, ROOT, all);
  } finally {
    await printer.close();
  }
  if (values.cache) writeFileSync(values.cache, JSON.stringify(Object.fromEntries(measured)));
}

const start = performance.now();
const cpuStart = process.cpuUsage();
const scored = scoreMeasured(all, measured);
const cpu = process.cpuUsage(cpuStart);
const ms = (performance.now() - start) / all.length;
// CPU time beside the wall clock: on the shared machine the wall clock mostly measures the neighbours.
const cpuMs = (cpu.user + cpu.system) / 1000 / all.length;
const sets: Array<[string, typeof scored]> = [
  [`${samples.length} sample SOPs (content/)`, scored.slice(0, samples.length)],
  ['107 generated flows (seed 9, the first 107 of the suite)', scored.slice(samples.length, samples.length + 107)],
  [`the suite: 300 generated flows and the ${samples.length} samples`, scored],
];
for (const [title, flows] of sets) {
  console.log(`\n${title}`);
  for (const line of readabilityTable(flows)) console.log(`  ${line}`);
}
console.log(`\nlayout ${ms.toFixed(1)} ms per flow, ${cpuMs.toFixed(1)} ms CPU (plan, pages, flowchart, SVG, scoring)`);

const worst = Number(values.worst);
if (worst > 0) {
  const bad = (f: (typeof scored)[number]): number => readabilityDefects(f.score) + f.violations.length + f.score.crossOther;
  const ranked = [...scored].sort((a, b) => bad(b) - bad(a) || b.sop.steps.length - a.sop.steps.length);
  console.log(`\nflows with the most defects:`);
  for (const f of ranked.slice(0, worst)) {
    const why = [`${f.score.crossOther} other crossings`, ...f.violations, ...f.score.details].slice(0, 3).join('; ');
    console.log(`  ${f.sop.id} (${f.sop.steps.length} rows, ${f.sop.pelaksana.length} actors): ${bad(f)} defects: ${why}`);
  }
}
