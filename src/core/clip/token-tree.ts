/**
 * The token positions that matter, each computed once.
 *
 * CLIP's text transformer is causal: position p sees positions 0..p only, and the output is one
 * position per text (the pooled EOS). So nothing after that position is computed (the padding and
 * anything after it), and texts that share a prefix of tokens share its hidden states exactly: every
 * text starts with the start token, and "traffic light" / "traffic cone" share two positions.
 * The positions form a tree (a trie of the token sequences); each node is one row of every matmul.
 */
export interface TokenTree {
  /** Per node: token id, position (its depth), parent node (-1 for a root). Parents come before children. */
  tokens: number[];
  positions: number[];
  parents: number[];
  /** Per text, the node whose final hidden state is pooled. */
  pooled: number[];
}

/**
 * The position transformers 4.45 `CLIPTextTransformer` pools. Configs with `eos_token_id` 2 (the
 * published openai/clip-vit-base-patch32) take the argmax of the ids, the first maximum; newer ones the
 * first position holding `eos_token_id`, or 0 when none does (argmax of all-false). Padding (the end
 * token again) is never chosen before the real end token, so it can be left out.
 */
export function pooledPosition(ids: readonly number[], eosTokenId: number): number {
  if (eosTokenId === 2) {
    let best = 0;
    for (let i = 1; i < ids.length; i++) if (ids[i]! > ids[best]!) best = i;
    return best;
  }
  const at = ids.indexOf(eosTokenId);
  return at < 0 ? 0 : at;
}

export function buildTokenTree(sequences: readonly (readonly number[])[], eosTokenId: number): TokenTree {
  const tree: TokenTree = { tokens: [], positions: [], parents: [], pooled: [] };
  const children = new Map<string, number>();
  for (const ids of sequences) {
    const last = pooledPosition(ids, eosTokenId);
    let node = -1;
    for (let p = 0; p <= last; p++) {
      const key = `${node}:${ids[p]}`;
      let next = children.get(key);
      if (next === undefined) {
        next = tree.tokens.length;
        tree.tokens.push(ids[p]!);
        tree.positions.push(p);
        tree.parents.push(node);
        children.set(key, next);
      }
      node = next;
    }
    tree.pooled.push(node);
  }
  return tree;
}

/** The nodes a node attends to (its ancestors and itself), root first. */
export function attentionChains(tree: TokenTree): number[][] {
  const chains: number[][] = [];
  tree.parents.forEach((parent, node) => {
    chains.push(parent < 0 ? [node] : [...chains[parent]!, node]);
  });
  return chains;
}

/**
 * The texts in up to `parts` groups of about equal work (tree nodes), for threads that each run the
 * model on their group. Texts sharing their first word stay together, so shared positions are still
 * computed once; only the start token is repeated per group. Groups list text indices, ascending.
 */
export function splitTexts(tree: TokenTree, parts: number): number[][] {
  // the ancestor at position 1 (the first token after the start token) names each subtree
  const top: number[] = [];
  tree.parents.forEach((parent, node) => top.push(tree.positions[node]! <= 1 || parent < 0 ? node : top[parent]!));
  const size = new Map<number, number>();
  for (const t of top) size.set(t, (size.get(t) ?? 0) + 1);
  const textsOf = new Map<number, number[]>();
  tree.pooled.forEach((node, text) => textsOf.set(top[node]!, [...(textsOf.get(top[node]!) ?? []), text]));
  const groups = Array.from({ length: parts }, () => ({ work: 0, texts: [] as number[] }));
  const subtrees = [...textsOf.keys()].sort((a, b) => size.get(b)! - size.get(a)! || a - b);
  for (const subtree of subtrees) {
    const lightest = groups.reduce((best, g) => (g.work < best.work ? g : best));
    lightest.work += size.get(subtree)!;
    lightest.texts.push(...textsOf.get(subtree)!);
  }
  return groups.filter((g) => g.texts.length > 0).map((g) => g.texts.sort((a, b) => a - b));
}
