// A toy training loop that logs to Quorum through the SDK.
//   npx tsx examples/train.ts            (server at QUORUM_URL, default http://localhost:8080)
import { Quorum } from '@quorum/sdk';

const quorum = new Quorum();
const lr = Number(process.argv[2] ?? 0.05);
const run = await quorum.startRun({ experiment: 'quickstart', name: `sgd-lr${lr}`, tags: { source: 'examples/train.ts' } });
await run.logParams({ learning_rate: lr, epochs: 5, optimizer: 'sgd' });
await run.logDataset({ name: 'toy-regression', digest: 'f00dcafe', source: 'generated', context: 'train' });

// Fit y = 3x + 1 with SGD and log the loss at every step.
let w = 0;
let b = 0;
for (let step = 0; step < 2_000; step++) {
  const x = Math.random() * 2 - 1;
  const err = w * x + b - (3 * x + 1);
  w -= lr * err * x;
  b -= lr * err;
  run.logMetrics({ loss: err * err, w, b }, step);
}
await run.end();
console.log(`Logged run ${run.id}; open the "quickstart" experiment in Quorum to see it.`);
