import { parentPort, workerData } from 'node:worker_threads';
import { probeBatch, type SharedProbeJob } from './image-probe-batch.js';

/** Worker side of `probeImages`: claims batches until none are left, then sends the failure messages. */
const job = workerData as SharedProbeJob;
const scratch = new Uint8Array(job.firstReadBytes);
const messages: Record<number, string> = {};
while (probeBatch(job, scratch, messages));
parentPort!.postMessage(messages);
