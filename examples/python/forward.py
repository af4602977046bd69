#!/usr/bin/env python3
"""A numpy reader of apmdm model files and the forward pass of docs/model-format.md.

    python3 forward.py MODEL_DIR --tokens 1,2,0,2      # logits, predictions and control bits
    python3 forward.py MODEL_DIR --trace trace.json    # replay a decode (apmdm mdm run … --trace FILE)

Replaying re-runs every step of the trace with this forward pass and the decoding rule of its process
(MDM, Masked-ARM, ARM or AP-MDM, docs/semantics.md) and checks that each step gives exactly the next
canvas; it exits 1 at the first step that does not. numpy's matrix products sum in their own order, not
the left-to-right order of model-format.md; the results are still exact whenever every partial sum is, as
with apmdm's compiled models (integer-valued, bounded far below 2**53). Start here to port a model to
PyTorch or JAX: `forward` is the whole pass.
"""
import argparse
import json
import struct
import sys
from pathlib import Path

import numpy as np


def load_model(directory):
    """config.json, labels.json and model.safetensors (F64 tensors, read without the safetensors package)."""
    d = Path(directory)
    config = json.loads((d / "config.json").read_text())
    labels = json.loads((d / "labels.json").read_text())
    raw = (d / "model.safetensors").read_bytes()
    (header_length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + header_length])
    data = raw[8 + header_length :]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] != "F64":
            raise ValueError(f"{name}: dtype {entry['dtype']}, expected F64")
        begin, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(data[begin:end], dtype="<f8").reshape(entry["shape"])
    return {"config": config, "labels": labels, "tensors": tensors}


def position_value(spec, i, n):
    """φ(i, N) of one position feature."""
    kind = spec["kind"]
    if kind == "one":
        return 1.0
    if kind == "length":
        return float(n if spec["power"] == 1 else n * n)
    q = (i - spec["offset"]) // spec["divisor"]  # Python's // floors toward −∞, as the spec asks
    if spec["modulus"] is not None:
        q %= spec["modulus"]  # Python's % is the non-negative remainder for a positive modulus
    if kind == "index":
        return float(q if spec["power"] == 1 else q * q)
    if kind == "bit":
        return float((q >> spec["bit"]) & 1)
    raise ValueError(f"unknown position feature kind {kind!r}")


def forward(model, tokens):
    """Token logits [N, V] and control logits [N, 3] (or None) for a token sequence."""
    c, w = model["config"], model["tensors"]
    n = len(tokens)
    x = w["token_embedding"][np.asarray(tokens, dtype=np.int64)].copy()
    for f, spec in enumerate(c["positionFeatures"]):
        x += np.array([position_value(spec, i, n) for i in range(n)])[:, None] * w["position_embedding"][f]
    hidden = np.tril(np.ones((n, n), dtype=bool)) if c["causal"] else np.ones((n, n), dtype=bool)
    for l, layer in enumerate(c["layers"]):
        delta = np.zeros_like(x)
        for h in range(len(layer["heads"])):
            p = f"layers.{l}.heads.{h}."
            q, k, v = x @ w[p + "wq"], x @ w[p + "wk"], x @ w[p + "wv"]
            scores = np.where(hidden, q @ k.T, -np.inf)
            top = scores.max(axis=1, keepdims=True)
            if c["attention"]["kind"] == "average-hard":
                weights = (scores == top).astype(np.float64)  # every maximal key, averaged
            else:
                weights = np.where(hidden, np.exp(c["attention"]["beta"] * (scores - top)), 0.0)
            delta += ((weights @ v) / weights.sum(axis=1, keepdims=True)) @ w[p + "wo"]
        x += delta
        m = f"layers.{l}.mlp."
        x += np.maximum(x @ w[m + "w1"] + w[m + "b1"], 0.0) @ w[m + "w2"] + w[m + "b2"]
    token_logits = x @ w["token_head.weight"] + w["token_head.bias"]
    control_logits = x @ w["control_head.weight"] + w["control_head.bias"] if c["control"] else None
    return token_logits, control_logits


def predict(model, tokens):
    """Argmax per position (np.argmax takes the first maximum: the lowest id on a tie) and control bits (logit > 0)."""
    token_logits, control_logits = forward(model, tokens)
    control = None if control_logits is None else (control_logits > 0).astype(int)
    return token_logits.argmax(axis=1), control


def next_canvas(model, process, canvas):
    """One decoding step of the process from this canvas (docs/semantics.md)."""
    mask = model["config"]["maskToken"]
    if process == "arm":  # append a mask, predict it from the prefix (the model is causal)
        prediction, _ = predict(model, canvas + [mask])
        return canvas + [int(prediction[-1])]
    prediction, control = predict(model, canvas)
    if process == "mdm":
        return [int(prediction[i]) if t == mask else t for i, t in enumerate(canvas)]
    if process == "masked-arm":
        out = list(canvas)
        first = canvas.index(mask)
        out[first] = int(prediction[first])
        return out
    if process == "ap-mdm":  # the transition g, left to right
        remask, insert, delete = control[:, 0], control[:, 1], control[:, 2]
        out = []
        for i, t in enumerate(canvas):
            if delete[i] and t == mask:
                continue
            out.append(mask if remask[i] else int(prediction[i]) if t == mask else t)
            if insert[i]:
                out.append(mask)
        return out
    raise ValueError(f"unknown process {process!r}")


def replay(model, trace, process):
    """Checks every step of the trace; returns the number of steps, or raises naming the first bad one."""
    canvases = trace["steps"]
    for k in range(len(canvases) - 1):
        got, want = next_canvas(model, process, canvases[k]), canvases[k + 1]
        if got != want:
            at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            raise AssertionError(f"step {k + 1}: the canvas differs at position {at} (length {len(got)}, trace {len(want)})")
    return len(canvases) - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", help="a model directory (apmdm compile … --out DIR)")
    parser.add_argument("--tokens", help="comma-separated token ids to run one forward pass on")
    parser.add_argument("--trace", help="a decode trace (apmdm mdm run … --trace FILE) to replay")
    parser.add_argument("--process", choices=["mdm", "masked-arm", "arm", "ap-mdm"], help="the trace's decoding process (default: the trace's own)")
    args = parser.parse_args()
    model = load_model(args.model)
    if args.tokens is not None:
        tokens = [int(t) for t in args.tokens.split(",")]
        token_logits, control_logits = forward(model, tokens)
        prediction, control = predict(model, tokens)
        print(json.dumps({"tokenLogits": token_logits.tolist(), "controlLogits": None if control_logits is None else control_logits.tolist(),
                          "predictions": prediction.tolist(), "control": None if control is None else control.tolist()}))
    if args.trace is not None:
        trace = json.loads(Path(args.trace).read_text())
        process = args.process or trace.get("model")
        if process is None:
            parser.error("the trace names no process: give --process")
        try:
            steps = replay(model, trace, process)
        except AssertionError as e:
            print(f"{args.trace}: {e}", file=sys.stderr)
            return 1
        print(f"replayed {steps} {process} steps: every canvas reproduced")
    return 0


if __name__ == "__main__":
    sys.exit(main())
