import { parentPort, workerData } from 'node:worker_threads';
import { probeBatch, type SharedProbeJob } from './image-probe-batch.js';
import { packProbe } from './image-probe-pack.js';

/** Worker side of `probeImages`: claims batches until none are left, then sends the failure messages. */
const job = workerData as SharedProbeJob;
const scratch = new Uint8Array(job.firstReadBytes);
const messages: Record<number, string> = {};
const store = (i: number, probe: Parameters<typeof packProbe>[2]) => {
  const message = packProbe(job.values, i, probe);
  if (message !== undefined) messages[i] = message;
};
while (probeBatch(job, scratch, store));
parentPort!.postMessage(messages);
