"""Test oracle: transformers' CLIPTokenizer and CLIPTextModelWithProjection on a snapshot folder.

Run with the train harness's Python (transformers 4.45.2, torch). Reads {"snapshot", "strings", "texts"}
as JSON on stdin; prints {"ids": [...], "embeddings": [[...]]}: the ids of each string, and for the
texts (lists of names) what tools/generate_text_prompts.py computes (first names, padding=True,
text_embeds divided by their L2 norm), on the CPU.
"""
import json
import sys

import torch
from transformers import AutoTokenizer, CLIPTextModelWithProjection

job = json.load(sys.stdin)
tokenizer = AutoTokenizer.from_pretrained(job["snapshot"])
model = CLIPTextModelWithProjection.from_pretrained(job["snapshot"])
ids = [tokenizer(s)["input_ids"] for s in job["strings"]]
with torch.no_grad():
    batch = tokenizer(text=[x[0] for x in job["texts"]], return_tensors="pt", padding=True)
    feats = model(**batch).text_embeds
    feats = feats / feats.norm(p=2, dim=-1, keepdim=True)
json.dump({"tokenizer": type(tokenizer).__name__, "ids": ids, "embeddings": feats.tolist()}, sys.stdout)
