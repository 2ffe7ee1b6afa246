"""Regenerate fixtures/embed-tiny-clip/ with the real transformers and YOLO-World's own script.

    . ../shared/train-harness/env.sh        # transformers 4.45.2, torch, HF_HOME with the tiny CLIP
    $PY scripts/make-embed-fixtures.py [--yolo-world GIT_DIR] [--out fixtures/embed-tiny-clip]

What it writes (see the fixture's README):
  input/snapshot/   a Hugging Face snapshot of a tiny random CLIP (2 text layers, width 8, 2 heads, MLP 20,
              projection 512, real CLIP vocabulary: vocab.json and merges.txt copied from the harness's
              cached openai/clip-vit-base-patch32), saved by transformers as model.safetensors and as
              pytorch_model.bin, config.json with eos_token_id 2 as the published config has.
  input/hard-cases.json          class texts with the hard cases (first names only matter)
  expected/hard-cases.npy        what tools/generate_text_prompts.py (b1b09f2, device patched to cpu)
                                 writes for them with this snapshot
  expected/token-ids.json        CLIPTokenizer ids (start and end included) of the hard cases and of
                                 400 seeded random strings

The tokenizer is the pure-Python CLIPTokenizer without ftfy (the harness has neither `tokenizers` nor
ftfy), which is the behaviour yw embed reproduces. Nothing here is downloaded.
"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import torch
from transformers import CLIPConfig, CLIPModel, CLIPTokenizer

HARD_CASES = [
    ["person"],
    ["hard hat", "helmet"],
    ["  traffic   light  "],
    ["t-shirt"],
    ["4x4 truck"],
    ["it's a dog's life"],
    ["café crème brûlée"],
    ["安全帽"],
    ["🐶 dog"],
    ["FIRE HYDRANT"],
    ["Stop Sign"],
    ["dog dog dog dog"],
    ["R2-D2 and C-3PO"],
    ["tab\there\u200bzero\u00a0width"],
    ["naïve Ångström Ελληνικά"],
    ["x<|endoftext|>after the end token"],
    ["a!<|endoftext|>"],
]


def long_text(tokenizer, total):
    """A readable text whose tokenisation is exactly `total` ids with the start and end tokens."""
    words = ("a small yellow safety helmet worn on a construction site next to a red fire hydrant "
             "and a blue traffic cone near the orange barrier in the rain at night with bright lights").split()
    text = ""
    i = 0
    while len(tokenizer(text)["input_ids"]) < total:
        text = (text + " " + words[i % len(words)]).strip()
        i += 1
    assert len(tokenizer(text)["input_ids"]) == total, text
    return text


def random_strings(count, seed):
    """Strings from pools of the characters that matter to CLIP's clean-up, pattern and byte-level BPE.
    Characters newer than Python 3.11's Unicode 14 are left out: Python drops them as unassigned."""
    pools = [
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      ",
        "'-_.,;:!?\"()[]{}<>|/\\@#$%^&*+=~`",
        "éèêëàâäôöûüçñÉÈÀÇÑßæøåÆØÅłŁ",
        "安全帽人工智能猫狗鸟日本語中文漢字",
        "ひらがなカタカナ한국어",
        "ΑΒΓΔΣσςαβγ",
        "🐶🐱🚗🏠👍🏽❤️‍🔥",
        "\t\n\r\u00a0\u2000\u3000\u200b\u200d\ufeff\u0301\u0300\u2028\u2029\x0b\x0c\x1c\x85\x00\ufffd",
        "ſİıﬁℌ①²½٣",
        "<|endoftext|><|startoftext|>",
        "\ud800\udfff\ud83d",
        "\U0001F9CC\u0378\ue000",
        "'s 't 're 've 'm 'll 'd 'S 'T",
    ]
    rng = random.Random(seed)
    return ["".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(0, 25))) for _ in range(count)]


def randomise(model):
    """Larger random weights than the initialiser's std 0.02, so that texts differ clearly."""
    torch.manual_seed(1)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "layer_norm" in name or "layernorm" in name:
                p.copy_((1.0 if name.endswith("weight") else 0.0) + 0.2 * torch.randn_like(p))
            elif name.endswith("bias"):
                p.copy_(0.1 * torch.randn_like(p))
            elif p.dim() >= 2:
                p.copy_(torch.randn_like(p) / (p.shape[-1] ** 0.5 if "embedding" not in name else 1.0))


def write_snapshot(snapshot, vocab_dir):
    text = dict(vocab_size=49408, hidden_size=8, intermediate_size=20, num_hidden_layers=2,
                num_attention_heads=2, max_position_embeddings=77, hidden_act="quick_gelu",
                bos_token_id=0, eos_token_id=2, pad_token_id=1)
    vision = dict(hidden_size=8, intermediate_size=16, num_hidden_layers=1, num_attention_heads=2,
                  image_size=32, patch_size=16)
    torch.manual_seed(0)  # the vision tower keeps some initialiser values: seed them too
    model = CLIPModel(CLIPConfig(text_config=text, vision_config=vision, projection_dim=512))
    randomise(model)
    os.makedirs(snapshot, exist_ok=True)
    for safe, name in ((True, "model.safetensors"), (False, "pytorch_model.bin")):
        with tempfile.TemporaryDirectory() as tmp:
            model.save_pretrained(tmp, safe_serialization=safe)
            shutil.copy(os.path.join(tmp, name), os.path.join(snapshot, name))
            shutil.copy(os.path.join(tmp, "config.json"), os.path.join(snapshot, "config.json"))
    for name in ("vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copy(os.path.join(vocab_dir, name), os.path.join(snapshot, name))


def generate_text_prompts(yolo_world, snapshot, texts, out):
    """tools/generate_text_prompts.py as of b1b09f2, read from the mirror, with device 'cpu'."""
    source = subprocess.run(["git", "--git-dir", yolo_world, "show", "b1b09f2:tools/generate_text_prompts.py"],
                            check=True, capture_output=True, text=True).stdout
    assert source.count("device = 'cuda:0'") == 1
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "generate_text_prompts.py")
        with open(script, "w") as f:
            f.write(source.replace("device = 'cuda:0'", "device = 'cpu'"))
        subprocess.run([sys.executable, script, "--model", snapshot, "--text", texts, "--out", out], check=True)


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser()
    parser.add_argument("--yolo-world", default="/work/.mirror/AILab-CVC+YOLO-World/repo")
    parser.add_argument("--out", default=os.path.join(here, "fixtures", "embed-tiny-clip"))
    args = parser.parse_args()
    cached = glob.glob(os.path.join(os.environ["HF_HOME"], "hub", "models--openai--clip-vit-base-patch32", "snapshots", "*"))
    assert len(cached) == 1, f"expected one cached tiny CLIP snapshot under HF_HOME, found {cached}"
    snapshot = os.path.join(args.out, "input", "snapshot")
    write_snapshot(snapshot, cached[0])

    tokenizer = CLIPTokenizer.from_pretrained(snapshot)
    cases = HARD_CASES + [[long_text(tokenizer, 60)], [long_text(tokenizer, 77)]]
    os.makedirs(os.path.join(args.out, "expected"), exist_ok=True)
    texts = os.path.join(args.out, "input", "hard-cases.json")
    with open(texts, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in cases) + "\n]\n")
    expected = os.path.join(args.out, "expected", "hard-cases.npy")
    generate_text_prompts(args.yolo_world, snapshot, texts, expected)

    # The other pooling branch (eos_token_id 49407, as newer configs say) gives the same rows: checked here.
    with tempfile.TemporaryDirectory() as tmp:
        for name in os.listdir(snapshot):
            shutil.copy(os.path.join(snapshot, name), tmp)
        with open(os.path.join(tmp, "config.json")) as f:
            config = json.load(f)
        config["text_config"]["eos_token_id"] = 49407
        with open(os.path.join(tmp, "config.json"), "w") as f:
            json.dump(config, f)
        generate_text_prompts(args.yolo_world, tmp, texts, os.path.join(tmp, "other.npy"))
        assert np.array_equal(np.load(expected), np.load(os.path.join(tmp, "other.npy")))

    strings = [c[0] for c in cases] + random_strings(400, seed=14)
    ids = [{"text": s, "ids": tokenizer(s)["input_ids"]} for s in strings]
    with open(os.path.join(args.out, "expected", "token-ids.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join("  " + json.dumps(x) for x in ids) + "\n]\n")
    print("wrote", args.out, np.load(expected).shape)


if __name__ == "__main__":
    main()
