/** One tensor of a checkpoint, as the file declares it. */
export interface TensorInfo {
  /** In safetensors' spelling (F32, F16, BF16, F64, I64, ...), whatever the file format. */
  dtype: string;
  shape: readonly number[];
}

/** The dtypes a `WeightSource` converts to float32. */
export const FLOAT_DTYPES: readonly string[] = ['F32', 'F16', 'BF16', 'F64'];

/**
 * Named tensors of a weights file, whatever its format (model.safetensors, pytorch_model.bin):
 * dtype and shape of each, and float32 values on request. Models read their weights through this.
 */
export interface WeightSource {
  /** The file, for messages. */
  readonly file: string;
  info(name: string): TensorInfo | undefined;
  /**
   * Fills `dest` with the tensor converted to float32: all of it, or only `rows` of its first axis, in
   * that order (a CLIP token embedding is 49408 rows; a run needs a few hundred).
   */
  read(name: string, dest: Float32Array, rows?: readonly number[]): Promise<void>;
}
