import { Option, type Command } from 'commander';
import { z } from 'zod';
import { addCommonOptions, pickCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { Output, findingsExitCode, writeReport } from '../output.js';
import { DEFAULT_CLIP_REPO } from '../../core/clip/hf-cache.js';
import { runEmbed, type EmbedRun } from '../embed/run.js';

const THREADS = ['1', '2'] as const;

const optionsSchema = z.object({
  model: z.string().min(1),
  out: z.string().min(1).optional(),
  threads: z.enum(THREADS).transform(Number).optional(),
});

const EXAMPLES = `
Examples:
  # a snapshot folder (config.json, vocab.json, merges.txt, model.safetensors)
  yw embed data/texts/helmet_class_texts.json --model models/clip-vit-base-patch32
  # the Hugging Face cache ($HF_HOME or ~/.cache/huggingface), by repo id
  yw embed data/texts/helmet_class_texts.json --model ${DEFAULT_CLIP_REPO} -o embeddings/helmet.npy

Writes what YOLO-World's tools/generate_text_prompts.py writes (the first name of each class, CLIP text
model, L2-normalised, float32 .npy of shape (classes, 512)), on the CPU, without Python or a download.
Default output: <texts stem>_embeddings.npy beside the texts file (see docs/embed.md).`;

export function register(program: Command, host: CommandHost): void {
  const command = program
    .command('embed')
    .description('write the CLIP text embeddings (.npy) of a class-text JSON for prompt tuning and reparameterization')
    .argument('<texts>', 'class-text JSON (yw texts writes it)')
    .requiredOption('--model <dir|repo-id>', `CLIP snapshot folder, cache entry, or repo id in the Hugging Face cache (e.g. ${DEFAULT_CLIP_REPO})`)
    .option('-o, --out <file>', 'output .npy (default: <texts stem>_embeddings.npy beside the texts file)')
    .addOption(new Option('--threads <n>', 'threads running the text model (default 1; 2 was slower on the 2-core reference machine, see docs/embed.md)').choices(THREADS));
  addCommonOptions(command).addHelpText('after', EXAMPLES).action(
    action(host, async (texts: string, raw: Record<string, unknown>) => {
      const common = pickCommonOptions(raw);
      const options = optionsSchema.parse(raw);
      const out = new Output(host.ctx, common);
      const run = await runEmbed(host.ctx, texts, { ...options, force: common.force });
      const summary = embedSummary(run);
      const report = await writeReport(host.ctx, common, 'embed', summary, run.findings);
      out.result(`wrote ${run.out}: shape (${run.rows}, ${run.dims}) float32, model ${run.model.repoId ?? run.model.dir} (${run.model.weights})`);
      out.json({ ...summary, findings: run.findings });
      out.findings(run.findings, report);
      return findingsExitCode(run.findings, common.strict);
    }),
  );
}

function embedSummary(run: EmbedRun) {
  const c = run.model.config;
  return {
    texts: run.texts,
    out: run.out,
    shape: [run.rows, run.dims],
    dtype: 'float32',
    model: {
      ...(run.model.repoId ? { repo_id: run.model.repoId } : {}),
      dir: run.model.dir,
      weights: run.model.weights,
      layers: c.layers, width: c.hiddenSize, heads: c.heads, mlp: c.intermediateSize, positions: c.maxPositions, projection: c.projectionDim,
    },
    tokens: run.tokens,
    computed_positions: run.computed,
    threads: run.threads,
    simd: run.simd,
  };
}
